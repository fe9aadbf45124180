// The shape of a loaded, validated configuration (.keywarden.json, the "keywarden" key of package.json,
// or --config FILE). JSON only: a config that arrives in a scanned pull request must never run code.

export interface Config {
  /** Where the config came from (a file path), or null for the built-in defaults. */
  source: string | null;
  /** Directory that the config's path globs are relative to. */
  root: string;
  /** picomatch globs of paths never scanned or reported. */
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
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export function defaultConfig(root: string): Config {
  return {
    source: null,
    root,
    ignorePaths: [],
    allowSecrets: [],
    allowRegexes: [],
    disableRules: [],
    entropy: {},
    rules: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    accounts: [],
  };
}
