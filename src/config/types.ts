// The shape of a loaded, validated configuration (.keywarden.json, the "keywarden" key of package.json,
// or --config FILE). JSON only: a config that arrives in a scanned pull request must never run code.
// The file's JSON names (ignorePaths, allow.secrets, allow.rules.<id>.regexes, …) are mapped onto these
// flat fields by config/validate.ts; schema/keywarden.schema.json describes the file for editors.

import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '../archive/limits.js';
import type { Baseline } from './baseline.js';

export interface Config {
  /** Where the config came from (a file path), or null for the built-in defaults. */
  source: string | null;
  /** Directory that the config's path globs are relative to: the folder holding the config file, or the working directory for --config FILE. */
  root: string;
  /** The working directory the config was loaded for: where scanned paths are relative to unless a run's ScanScope says otherwise. */
  base: string;
  /** picomatch globs of paths whose findings are accepted ("!" re-includes; the last matching glob wins). */
  ignorePaths: string[];
  /** Secret values that are known and accepted, everywhere or for one rule. */
  allowSecrets: Array<{ value: string; ruleId?: string }>;
  /** Regexes (source text) over the secret value that accept it, everywhere or for one rule. */
  allowRegexes: Array<{ regex: string; ruleId?: string }>;
  /** Rule ids switched off. */
  disableRules: string[];
  /** Per-rule entropy minimum overrides. */
  entropy: Record<string, number>;
  /** Extra rules, in the same format as the files in patterns/ (validated by the rule loader). */
  rules: unknown[];
  /** Largest file (bytes) that is scanned; larger ones are skipped with a note. */
  maxFileSize: number;
  /** The organisation's own AWS account IDs: keys from other accounts are marked as foreign. */
  accounts: string[];
  /** How far archives are read (src/archive/limits.ts). */
  archives: ArchiveLimits;
}

/**
 * One run's scope, passed beside the Config (which a run never changes): where the scanned paths (Chunk.path,
 * Located.file) are relative to (a git source's top level while cwd is a subfolder), and the paths named on the
 * command line. A named path that ignorePaths covers is scanned and reported anyway: `keywarden scan samples/`
 * shows samples/ even though the repository's config accepts it for whole-repository and history scans.
 */
export interface ScanScope {
  base: string;
  namedPaths: readonly string[];
}

/**
 * What the caller already loaded, instead of reading the files the options name: the GitHub Action passes the
 * configuration and baseline of a pull request's base commit here (src/sources/git/commit-settings.ts).
 */
export interface Preloaded {
  config?: Config;
  baseline?: Baseline | null;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export function defaultConfig(root: string): Config {
  return {
    source: null,
    root,
    base: root,
    ignorePaths: [],
    allowSecrets: [],
    allowRegexes: [],
    disableRules: [],
    entropy: {},
    rules: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    accounts: [],
    archives: { ...DEFAULT_ARCHIVE_LIMITS },
  };
}
