// The shape of a loaded, validated configuration (.keywarden.json, the "keywarden" key of package.json,
// or --config FILE). JSON only: a config that arrives in a scanned pull request must never run code.
// The file's JSON names (ignorePaths, allow.secrets, allow.rules.<id>.regexes, …) are mapped onto these
// flat fields by config/validate.ts; schema/keywarden.schema.json describes the file for editors.

import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '../archive/limits.js';

export interface Config {
  /** Where the config came from (a file path), or null for the built-in defaults. */
  source: string | null;
  /** Directory that the config's path globs are relative to: the folder holding the config file, or the working directory for --config FILE. */
  root: string;
  /**
   * Directory that scanned paths (Chunk.path, Located.file) are relative to: the working directory the
   * config was loaded for. A source that reports paths relative to somewhere else (e.g. the repository's
   * top level while cwd is a subfolder) sets this so path globs still match.
   */
  base: string;
  /** picomatch globs of paths whose findings are accepted ("!" re-includes; the last matching glob wins). */
  ignorePaths: string[];
  /**
   * Paths named on the command line (relative to `base`), set by the pipeline. A named path that ignorePaths
   * covers is scanned and reported anyway: `keywarden scan samples/` shows samples/ even though the repository's
   * config accepts it for whole-repository and history scans.
   */
  namedPaths: string[];
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

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export function defaultConfig(root: string): Config {
  return {
    source: null,
    root,
    base: root,
    ignorePaths: [],
    namedPaths: [],
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
