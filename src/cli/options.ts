// The command-line options, declared once. yargs builds the full CLI (help, validation, every command)
// from this table; the pre-commit hook's `scan --staged` goes through the small parser in fast-argv.ts
// built from the same table, because importing yargs alone costs more than the whole staged scan.
import { LANGUAGES, type Language } from '../words/index.js';

export type OptionType = 'boolean' | 'string' | 'array' | 'number';

/** What an option is for, shown by --help, is in the words catalogue (words/: cli.options), by option name. */
export interface OptionSpec {
  type: OptionType;
  alias?: string;
  choices?: readonly string[];
  default?: unknown;
  /** Commands the option belongs to. */
  commands: readonly Command[];
  /** An 'array' option that may also be given with no value: it takes every word after it up to the next option or `--`. */
  optionalValues?: boolean;
}

export type Command = 'scan' | 'remediate' | 'baseline' | 'init' | 'merge';

import type { ScanRequest, VerifyRequest } from '../commands/requests.js';
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
  staged: { type: 'boolean', commands: SCANNING },
  history: { type: 'array', optionalValues: true, commands: SCANNING },
  range: { type: 'string', commands: SCANNING },
  since: { type: 'string', commands: SCANNING },
  stdin: { type: 'boolean', commands: SCANNING },
  'commit-msg': { type: 'string', commands: ['scan'] },
  'pre-receive': { type: 'boolean', commands: ['scan'] },
  timeout: { type: 'string', commands: ['scan'] },
  'on-timeout': { type: 'string', commands: ['scan'] },
  'stdin-name': { type: 'string', commands: SCANNING },
  format: { type: 'string', commands: ['scan', 'remediate', 'merge'] },
  output: { type: 'string', alias: 'o', commands: ['scan', 'remediate', 'baseline', 'merge'] },
  config: { type: 'string', commands: SCANNING },
  baseline: { type: 'string', commands: SCANNING },
  redact: { type: 'boolean', default: true, commands: [...SCANNING, 'merge'] },
  'max-file-size': { type: 'string', commands: SCANNING },
  'allow-missing': { type: 'boolean', commands: SCANNING },
  'no-default-ignores': { type: 'boolean', commands: SCANNING },
  verbose: { type: 'boolean', alias: 'v', commands: SCANNING },
  quiet: { type: 'boolean', alias: 'q', commands: [...SCANNING, 'merge'] },
  debug: { type: 'boolean', commands: ['scan', 'remediate', 'baseline', 'init', 'merge'] },
  report: { type: 'string', commands: ['remediate'] },
  key: { type: 'array', commands: ['remediate'] },
  replacements: { type: 'string', commands: ['remediate'] },
  verify: { type: 'boolean', commands: ['remediate', 'scan'] },
  'only-verified': { type: 'boolean', commands: ['scan'] },
  'sts-endpoint': { type: 'string', commands: ['remediate', 'scan'] },
  'verify-timeout': { type: 'string', commands: ['remediate', 'scan'] },
  force: { type: 'boolean', commands: ['init'] },
  // Read before the parsers run (cli/lang.ts), so that their own messages are in the chosen language.
  lang: { type: 'string', choices: LANGUAGES, commands: ['scan', 'remediate', 'baseline', 'init', 'merge'] },
};

/** Options common to every scan, as the rest of the program sees them (camelCase, defaults applied). */
/**
 * Every flag of every command, as the entry sees them (camelCase, defaults applied). The fields a scan or a
 * --verify needs are the command requests' own (commands/requests.ts), so each is declared once; the entry
 * (cli/requests.ts) narrows this object to a request.
 */
export interface ScanOptions extends Omit<ScanRequest, 'defaultBaseline'>, Omit<VerifyRequest, 'quiet'> {
  command: Command;
  /** --timeout: the pre-receive scan's budget, in seconds. */
  timeout: number;
  /** --on-timeout: what a pre-receive scan that ran out of time does with the push. */
  onTimeout: 'open' | 'closed';
  verbose: boolean;
  debug: boolean;
  report?: string;
  keys: string[];
  replacements?: string;
  /** scan --only-verified: report only findings whose key STS confirmed live (sets verify). */
  onlyVerified: boolean;
  force: boolean;
  /** --lang, when given (the run's language is chosen from it or the locale before parsing: cli/lang.ts). */
  lang?: Language;
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
