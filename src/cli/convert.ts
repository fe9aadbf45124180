// Raw parsed flags → ScanOptions, shared by the yargs parser and the fast path so both mean the same thing.
import { UsageError } from '../errors.js';
import { checkRef } from '../sources/git/revisions.js';
import { checkLanguage } from './lang.js';
import { words } from '../words/index.js';
import { defaultOptions, FORMATS, MERGE_FORMATS, REMEDIATE_FORMATS, type Command, type ScanOptions } from './options.js';

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
  const allowed: readonly string[] = command === 'remediate' ? REMEDIATE_FORMATS : command === 'merge' ? MERGE_FORMATS : FORMATS;
  if (!allowed.includes(format)) {
    throw new UsageError(words().cli.errors.unknownFormat(format, command, allowed.join(words().report.listJoin)));
  }
  options.format = format as ScanOptions['format'];

  const size = str(raw['max-file-size']);
  if (size !== undefined) options.maxFileSize = parseSize(size);

  if (command === 'baseline' && options.output === undefined) throw new UsageError(words().cli.errors.baselineOutput);

  const modes = [options.staged, options.history, options.range !== undefined, options.since !== undefined, options.stdin, options.preReceive, options.commitMsg !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError(words().cli.errors.oneMode);
  if (modes === 1 && positional.length > 0) {
    // `--history REF...` takes the words after it; paths come after `--` or before --history, and mean nothing to it.
    if (options.history) throw new UsageError(words().cli.errors.historyPaths(positional.join(' ')));
    if (options.range !== undefined) throw new UsageError(words().cli.errors.rangeWords(options.range, positional.join(' ')));
    throw new UsageError(words().cli.errors.modePaths(positional.join(' ')));
  }
  // --range and --since are read by sources/range.ts (git/revisions.ts says what each may hold).
  return options;
}

/**
 * --timeout and --on-timeout belong to --pre-receive. Its report is the lines git relays to the pusher
 * (src/commands/pre-receive.ts), so it takes no --format or --output: a file written by a hook on the server
 * would be nobody's report; nor --verify, which would hold every push on a network call.
 */
function readPreReceive(options: ScanOptions, raw: RawArgs): void {
  const timeout = str(raw.timeout);
  const onTimeout = str(raw['on-timeout']);
  if (!options.preReceive) {
    if (timeout !== undefined || onTimeout !== undefined) throw new UsageError(words().cli.errors.timeoutWithout(timeout !== undefined ? '--timeout' : '--on-timeout'));
    return;
  }
  if (timeout !== undefined) {
    const seconds = /^\s*\d+(\.\d+)?\s*$/.test(timeout) ? Number(timeout) : NaN;
    if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(words().cli.errors.timeoutRange(timeout));
    options.timeout = seconds;
  }
  if (onTimeout !== undefined) {
    if (onTimeout !== 'open' && onTimeout !== 'closed') throw new UsageError(words().cli.errors.onTimeout(onTimeout));
    options.onTimeout = onTimeout;
  }
  for (const name of ['format', 'output', 'stdin-name']) {
    if (raw[name] !== undefined) throw new UsageError(words().cli.errors.preReceiveOutput(name));
  }
  // A push is not held while a server asks AWS about keys: verification is for the person remediating.
  for (const name of ['verify', 'only-verified', 'sts-endpoint', 'verify-timeout']) {
    if (raw[name] !== undefined && raw[name] !== false) throw new UsageError(words().cli.errors.preReceiveVerify(name));
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
  if (!match || unit === undefined) throw new UsageError(words().cli.errors.maxFileSize(text));
  return Math.floor(Number(match[1]) * unit);
}

/** --verify-timeout: seconds, more than 0 and at most 300. A string in the option table so that the message
 * can quote what was typed (yargs turns a 'number' option's `abc` into NaN). */
export function parseSeconds(text: string): number {
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= 300)) throw new UsageError(words().cli.errors.verifyTimeout(text));
  return seconds;
}
