// The command line's flags (ScanOptions) turned into each command's typed request: the one place that maps
// one onto the other, so that below the entry nothing depends on the CLI's flag object.
import type { BaselineRequest, InitRequest, MergeRequest, PreReceiveRequest, RemediateRequest, ScanCommandRequest, ScanRequest, VerifyRequest } from '../commands/requests.js';
import type { Format, MergeFormat, RemediateFormat } from '../types.js';
import type { ScanOptions } from './options.js';
import { remediateCommand as remediateCommandOf } from './remediate-command.js';

export function scanRequestOf(options: ScanOptions): ScanRequest {
  return {
    paths: options.paths,
    staged: options.staged,
    history: options.history,
    historyRefs: options.historyRefs,
    range: options.range,
    since: options.since,
    stdin: options.stdin,
    stdinName: options.stdinName,
    commitMsg: options.commitMsg,
    preReceive: options.preReceive,
    config: options.config,
    baseline: options.baseline,
    defaultBaseline: options.command !== 'baseline',
    redact: options.redact,
    maxFileSize: options.maxFileSize,
    allowMissing: options.allowMissing,
    defaultIgnores: options.defaultIgnores,
    quiet: options.quiet,
    format: options.format,
    output: options.output,
  };
}

function verifyRequestOf(options: ScanOptions): VerifyRequest {
  return { verify: options.verify, stsEndpoint: options.stsEndpoint, verifyTimeout: options.verifyTimeout, quiet: options.quiet };
}

/** `argv` is the command line as typed: the remediation hint repeats its scan options. */
export function scanCommandRequestOf(options: ScanOptions, argv: readonly string[]): ScanCommandRequest {
  const remediateCommand = remediateCommandOf(argv);
  // The format was checked against the scan formats when the command line was read (cli/convert.ts).
  return { ...scanRequestOf(options), ...verifyRequestOf(options), format: options.format as Format, verbose: options.verbose, onlyVerified: options.onlyVerified, remediateCommand };
}

export function preReceiveRequestOf(options: ScanOptions): PreReceiveRequest {
  return { ...scanRequestOf(options), verbose: options.verbose, timeout: options.timeout, onTimeout: options.onTimeout };
}

export function baselineRequestOf(options: ScanOptions): BaselineRequest {
  return { ...scanRequestOf(options), verbose: options.verbose };
}

export function remediateRequestOf(options: ScanOptions): RemediateRequest {
  return { ...scanRequestOf(options), ...verifyRequestOf(options), format: options.format as RemediateFormat, verbose: options.verbose, report: options.report, keys: options.keys, replacements: options.replacements };
}

export function initRequestOf(options: ScanOptions): InitRequest {
  return { force: options.force };
}

export function mergeRequestOf(options: ScanOptions): MergeRequest {
  // The format was checked against the merge formats when the command line was read (cli/convert.ts).
  return { paths: options.paths, format: options.format as MergeFormat, output: options.output, redact: options.redact, quiet: options.quiet };
}
