// What each command is asked to do, typed: built once at an entry (src/cli/requests.ts for the command line,
// src/action/run.ts for the GitHub Action) from whatever that entry reads. Below the entry nothing sees the
// CLI's flag object (cli/options.ts ScanOptions): a signature says which of these it depends on.
import type { Format, MergeFormat, RemediateFormat } from '../types.js';

/** What to scan and how to judge it: everything a source and the pipeline need. */
export interface ScanRequest {
  /** Folders and files (the default mode); empty for the current folder. */
  paths: string[];
  staged: boolean;
  /** --history was given; historyRefs are its values (none: every ref). */
  history: boolean;
  historyRefs: string[];
  range?: string;
  since?: string;
  stdin: boolean;
  stdinName?: string;
  /** The commit-msg hook's message file. */
  commitMsg?: string;
  /** git's pre-receive hook: `old new ref` lines on standard input. */
  preReceive: boolean;
  /** --config FILE, relative to the working folder; else the nearest configuration. */
  config?: string;
  /** --baseline FILE, relative to the working folder. */
  baseline?: string;
  /** The staged scan's default baseline (the repository's .keywarden-baseline.json) applies; off for `keywarden baseline`. */
  defaultBaseline: boolean;
  redact: boolean;
  maxFileSize?: number;
  /** Missing objects leave the exit code alone (a warning still says so); by default they make it 2. */
  allowMissing: boolean;
  defaultIgnores: boolean;
  /** No progress and no notes. */
  quiet: boolean;
  /** Where the report goes and in which format: decides whether a progress bar may be drawn. */
  format: Format | RemediateFormat;
  output?: string;
}

/** Asking AWS STS about found keys (--verify). */
export interface VerifyRequest {
  verify: boolean;
  stsEndpoint?: string;
  verifyTimeout?: number;
  quiet: boolean;
}

/** `keywarden scan` (every mode but --pre-receive). */
export interface ScanCommandRequest extends ScanRequest, VerifyRequest {
  format: Format;
  verbose: boolean;
  /** Report only findings STS confirmed live. */
  onlyVerified: boolean;
  /** `keywarden remediate` with this scan's options (cli/remediate-command.ts), for the hint after a text report. */
  remediateCommand: string;
}

/** `keywarden scan --pre-receive`: the server-side hook, under a time budget. */
export interface PreReceiveRequest extends ScanRequest {
  verbose: boolean;
  /** Seconds the scan may take. */
  timeout: number;
  onTimeout: 'open' | 'closed';
}

/** `keywarden baseline`: write the current findings as a baseline file. */
export interface BaselineRequest extends ScanRequest {
  verbose: boolean;
}

/** `keywarden remediate`: the playbook for a report, for key IDs, or for a scan it runs itself. */
export interface RemediateRequest extends ScanRequest, VerifyRequest {
  format: RemediateFormat;
  verbose: boolean;
  report?: string;
  keys: string[];
  replacements?: string;
}

/** `keywarden merge`: one report from several JSON reports. */
export interface MergeRequest {
  /** The JSON reports, relative to the working folder. */
  paths: string[];
  format: MergeFormat;
  output?: string;
  redact: boolean;
  quiet: boolean;
}

/** `keywarden init`. */
export interface InitRequest {
  force: boolean;
}
