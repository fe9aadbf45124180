// Raw parsed flags → ScanOptions, shared by the yargs parser and the fast path so both mean the same thing.
import { UsageError } from '../errors.js';
import { checkRef } from '../git/revisions.js';
import { checkLanguage } from './lang.js';
import { defaultOptions, FORMATS, REMEDIATE_FORMATS, type Command, type ScanOptions } from './options.js';

export type RawArgs = Record<string, unknown>;

export function toScanOptions(command: Command, positional: string[], raw: RawArgs): ScanOptions {
  const options = defaultOptions(command);
  options.paths = positional;
  options.staged = raw.staged === true;
  // --history is an array that may be empty (every ref); yargs reads `--no-history` as [false], and hands the
  // option not given as [undefined] (see keys below).
  const history = raw.history === undefined ? [undefined] : ([] as unknown[]).concat(raw.history);
  options.history = !history.includes(undefined) && !history.includes(false);
  options.historyRefs = options.history ? history.map(String) : [];
  for (const ref of options.historyRefs) checkRef('--history', ref);
  options.stdin = raw.stdin === true;
  options.preReceive = raw['pre-receive'] === true;
  readPreReceive(options, raw);
  options.range = str(raw.range);
  options.since = str(raw.since);
  options.stdinName = str(raw['stdin-name']);
  options.commitMsg = str(raw['commit-msg']);
  options.output = str(raw.output);
  options.config = str(raw.config);
  options.baseline = str(raw.baseline);
  options.report = str(raw.report);
  options.replacements = str(raw.replacements);
  options.stsEndpoint = str(raw['sts-endpoint']);
  const timeout = str(raw['verify-timeout']);
  if (timeout !== undefined) options.verifyTimeout = parseSeconds(timeout);
  options.redact = raw.redact !== false;
  options.defaultIgnores = raw['no-default-ignores'] !== true;
  options.allowMissing = raw['allow-missing'] === true;
  options.verbose = raw.verbose === true;
  options.quiet = raw.quiet === true;
  options.debug = raw.debug === true;
  options.onlyVerified = raw['only-verified'] === true;
  options.verify = raw.verify === true || options.onlyVerified;
  options.force = raw.force === true;
  const lang = str(raw.lang);
  if (lang !== undefined) options.lang = checkLanguage(lang);
  // yargs hands an array option without a default as [undefined].
  options.keys = ([] as unknown[]).concat(raw.key ?? []).filter((key) => key !== undefined && key !== null).map(String);

  const format = str(raw.format) ?? 'text';
  const allowed: readonly string[] = command === 'remediate' ? REMEDIATE_FORMATS : FORMATS;
  if (!allowed.includes(format)) {
    throw new UsageError(`unknown --format '${format}' for ${command} (choose ${allowed.join(', ')})`);
  }
  options.format = format as ScanOptions['format'];

  const size = str(raw['max-file-size']);
  if (size !== undefined) options.maxFileSize = parseSize(size);

  if (command === 'baseline' && options.output === undefined) throw new UsageError('baseline needs --output FILE (where to write the baseline)');

  const modes = [options.staged, options.history, options.range !== undefined, options.since !== undefined, options.stdin, options.preReceive, options.commitMsg !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError('choose one of --staged, --history, --range, --since, --stdin, --pre-receive, --commit-msg');
  if (modes === 1 && positional.length > 0) {
    // `--history REF...` takes the words after it; paths come after `--` or before --history, and mean nothing to it.
    if (options.history) throw new UsageError(`--history scans commits, not paths: ${positional.join(' ')} (refs go right after it: --history main; scan files without --history)`);
    if (options.range !== undefined) throw new UsageError(`--range is one argument: quote a range of several words (--range "${options.range} ${positional.join(' ')}"); paths cannot be combined with it`);
    throw new UsageError(`paths cannot be combined with --staged, --history, --range, --since, --stdin, --pre-receive or --commit-msg: ${positional.join(' ')}`);
  }
  // --range and --since are read by sources/range.ts (git/revisions.ts says what each may hold).
  return options;
}

/**
 * --timeout and --on-timeout belong to --pre-receive. Its report is the lines git relays to the pusher
 * (src/cli/pre-receive.ts), so it takes no --format or --output: a file written by a hook on the server
 * would be nobody's report; nor --verify, which would hold every push on a network call.
 */
function readPreReceive(options: ScanOptions, raw: RawArgs): void {
  const timeout = str(raw.timeout);
  const onTimeout = str(raw['on-timeout']);
  if (!options.preReceive) {
    if (timeout !== undefined || onTimeout !== undefined) throw new UsageError(`${timeout !== undefined ? '--timeout' : '--on-timeout'} is for --pre-receive (the server-side hook); --verify-timeout bounds --verify`);
    return;
  }
  if (timeout !== undefined) {
    const seconds = /^\s*\d+(\.\d+)?\s*$/.test(timeout) ? Number(timeout) : NaN;
    if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(`--timeout wants seconds between 0 and 3600, got '${timeout}'`);
    options.timeout = seconds;
  }
  if (onTimeout !== undefined) {
    if (onTimeout !== 'open' && onTimeout !== 'closed') throw new UsageError(`--on-timeout wants open (accept the push) or closed (reject it), got '${onTimeout}'`);
    options.onTimeout = onTimeout;
  }
  for (const name of ['format', 'output', 'stdin-name']) {
    if (raw[name] !== undefined) throw new UsageError(`--pre-receive prints its own lines for git to relay to the pusher: --${name} is not taken with it`);
  }
  // A push is not held while a server asks AWS about keys: verification is for the person remediating.
  for (const name of ['verify', 'only-verified', 'sts-endpoint', 'verify-timeout']) {
    if (raw[name] !== undefined && raw[name] !== false) throw new UsageError(`--pre-receive does not take --${name}: the hook never calls AWS (keywarden remediate --verify does, for the keys it found)`);
  }
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return str(value[value.length - 1]);
  return String(value);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-file-size wants a size such as 1048576, 512KB or 10MB, got '${text}'`);
  return Math.floor(Number(match[1]) * unit);
}

/** --verify-timeout: seconds, more than 0 and at most 300. A string in the option table so that the message
 * can quote what was typed (yargs turns a 'number' option's `abc` into NaN). */
export function parseSeconds(text: string): number {
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= 300)) throw new UsageError(`--verify-timeout wants seconds between 0 and 300, got '${text}'`);
  return seconds;
}
