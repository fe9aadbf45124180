// The command-line options, declared once. yargs builds the full CLI (help, validation, every command)
// from this table; the pre-commit hook's `scan --staged` goes through the small parser in fast-argv.ts
// built from the same table, because importing yargs alone costs more than the whole staged scan.

export type OptionType = 'boolean' | 'string' | 'array' | 'number';

export interface OptionSpec {
  type: OptionType;
  describe: string;
  alias?: string;
  choices?: readonly string[];
  default?: unknown;
  /** Commands the option belongs to. */
  commands: readonly Command[];
  /** An 'array' option that may also be given with no value: it takes every word after it up to the next option or `--`. */
  optionalValues?: boolean;
}

export type Command = 'scan' | 'remediate' | 'baseline' | 'init' | 'merge';

import type { Format, MergeFormat, RemediateFormat } from '../types.js';
export type { Format, MergeFormat, RemediateFormat };
export const FORMATS = ['text', 'json', 'sarif', 'github', 'html'] as const satisfies readonly Format[];
export const REMEDIATE_FORMATS = ['text', 'markdown', 'json'] as const satisfies readonly RemediateFormat[];
/** keywarden merge (src/commands/merge.ts): the report formats that can show several repositories. */
export const MERGE_FORMATS = ['text', 'json', 'sarif', 'html'] as const satisfies readonly MergeFormat[];

/** Seconds a pre-receive scan may take when --timeout is not given. */
export const DEFAULT_PRE_RECEIVE_TIMEOUT = 60;

const SCANNING: readonly Command[] = ['scan', 'remediate', 'baseline'];

export const OPTIONS: Record<string, OptionSpec> = {
  staged: { type: 'boolean', describe: 'Scan what the index adds (pre-commit)', commands: SCANNING },
  history: { type: 'array', optionalValues: true, describe: 'Scan every commit reachable from every ref (and the stash), or with REF... only the whole history of those branches, tags or commits', commands: SCANNING },
  range: { type: 'string', describe: 'Scan the commits of a range as git rev-list reads it: BASE..HEAD (a pull request), A...B, A^! (one commit), "^A B", "B --not A"', commands: SCANNING },
  since: { type: 'string', describe: 'Scan the commits of REF..HEAD', commands: SCANNING },
  stdin: { type: 'boolean', describe: 'Scan standard input', commands: SCANNING },
  'commit-msg': { type: 'string', describe: "Scan a commit message file (the commit-msg hook passes git's, $1): a key in the message blocks the commit", commands: ['scan'] },
  'pre-receive': { type: 'boolean', describe: "Server-side pre-receive hook: read git's `old new ref` lines on standard input and scan the commits the push brings that no existing ref holds; any finding rejects the push", commands: ['scan'] },
  timeout: { type: 'string', describe: 'With --pre-receive: seconds the scan may take (default 60); then --on-timeout decides', commands: ['scan'] },
  'on-timeout': { type: 'string', describe: 'With --pre-receive: when --timeout runs out, closed rejects the push (default), open accepts it with a warning', commands: ['scan'] },
  'stdin-name': { type: 'string', describe: 'File name to report for standard input', commands: SCANNING },
  format: { type: 'string', describe: 'Report format: text|json|sarif|github|html (merge: text|json|sarif|html; remediate: text|markdown|json)', commands: ['scan', 'remediate', 'merge'] },
  output: { type: 'string', alias: 'o', describe: 'Write the report to FILE instead of standard output', commands: ['scan', 'remediate', 'baseline', 'merge'] },
  config: { type: 'string', describe: 'Configuration file (default: nearest .keywarden.json or "keywarden" in package.json)', commands: SCANNING },
  baseline: { type: 'string', describe: 'Baseline file of accepted findings', commands: SCANNING },
  redact: { type: 'boolean', default: true, describe: 'Redact secret keys and tokens (--no-redact prints them whole)', commands: [...SCANNING, 'merge'] },
  'max-file-size': { type: 'string', describe: 'Skip files larger than this (bytes, or e.g. 10MB)', commands: SCANNING },
  'allow-missing': { type: 'boolean', describe: 'Exit 0 or 1 even when blobs the scan needs are missing from the repository (a partial clone, damaged objects); a warning still lists them', commands: SCANNING },
  'no-default-ignores': { type: 'boolean', describe: 'Also walk .git/ and node_modules/ folders', commands: SCANNING },
  verbose: { type: 'boolean', alias: 'v', describe: 'Say which files were skipped and why, and list allowed findings', commands: SCANNING },
  quiet: { type: 'boolean', alias: 'q', describe: 'No progress, no notes: only the report', commands: [...SCANNING, 'merge'] },
  debug: { type: 'boolean', describe: 'Print stack traces for unexpected errors', commands: ['scan', 'remediate', 'baseline', 'init', 'merge'] },
  report: { type: 'string', describe: 'A keywarden JSON report to build the playbook from (- reads standard input)', commands: ['remediate'] },
  key: { type: 'array', describe: 'An access key ID to build the playbook for (repeatable)', commands: ['remediate'] },
  replacements: { type: 'string', describe: 'Write the git filter-repo / BFG --replace-text expressions file (holds the secrets) to FILE', commands: ['remediate'] },
  verify: { type: 'boolean', describe: 'Ask AWS STS whether each found key pair is live (network; never by default)', commands: ['remediate', 'scan'] },
  'only-verified': {
    type: 'boolean',
    describe:
      'Report only findings whose key STS confirmed live (implies --verify; exit 1 if any, else 0). Keys STS could not confirm (invalid, expired, no answer, not checked) are left out: a filter for triage, not a gate',
    commands: ['scan'],
  },
  'sts-endpoint': { type: 'string', describe: 'STS endpoint for --verify', commands: ['remediate', 'scan'] },
  'verify-timeout': { type: 'string', describe: 'Seconds to wait for STS in --verify', commands: ['remediate', 'scan'] },
  force: { type: 'boolean', describe: 'Overwrite or chain an existing hook', commands: ['init'] },
};

/** Options common to every scan, as the rest of the program sees them (camelCase, defaults applied). */
export interface ScanOptions {
  command: Command;
  paths: string[];
  staged: boolean;
  /** --history was given; historyRefs are its values (none: every ref). */
  history: boolean;
  historyRefs: string[];
  range?: string;
  since?: string;
  stdin: boolean;
  stdinName?: string;
  /** scan --commit-msg FILE: the commit-msg hook (src/sources/commit-msg.ts). */
  commitMsg?: string;
  /** scan --pre-receive: git's pre-receive hook (src/sources/git/pre-receive.ts, src/commands/pre-receive.ts). */
  preReceive: boolean;
  /** --timeout: the pre-receive scan's budget, in seconds. */
  timeout: number;
  /** --on-timeout: what a pre-receive scan that ran out of time does with the push. */
  onTimeout: 'open' | 'closed';
  format: Format | RemediateFormat;
  output?: string;
  config?: string;
  baseline?: string;
  redact: boolean;
  maxFileSize?: number;
  /** Missing objects leave the exit code alone (a warning still says so); by default they make it 2. */
  allowMissing: boolean;
  defaultIgnores: boolean;
  verbose: boolean;
  quiet: boolean;
  debug: boolean;
  report?: string;
  keys: string[];
  replacements?: string;
  verify: boolean;
  /** scan --only-verified: report only findings whose key STS confirmed live (sets verify). */
  onlyVerified: boolean;
  stsEndpoint?: string;
  verifyTimeout?: number;
  force: boolean;
}

export function defaultOptions(command: Command): ScanOptions {
  return {
    command,
    paths: [],
    staged: false,
    history: false,
    historyRefs: [],
    stdin: false,
    preReceive: false,
    timeout: DEFAULT_PRE_RECEIVE_TIMEOUT,
    onTimeout: 'closed',
    format: 'text',
    redact: true,
    allowMissing: false,
    defaultIgnores: true,
    verbose: false,
    quiet: false,
    debug: false,
    keys: [],
    verify: false,
    onlyVerified: false,
    force: false,
  };
}

/** A flag, as yargs reads one: `-x` or `--name`, but neither `-` (standard input) nor a negative number. */
export function isFlag(token: string): boolean {
  return token.length > 1 && token.startsWith('-') && !/^-\d/.test(token);
}
