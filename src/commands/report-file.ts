// Reads a keywarden version-1 JSON report (docs/ARCHITECTURE.md) for `remediate --report FILE`. The file may come from
// another machine or an older run, so every field the playbook relies on is checked and the first problem is
// named in one line (file, finding index, field) instead of failing later on an undefined value.
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { words } from '../words/index.js';
import type { Finding, Report, ScanMode } from '../types.js';

const MODES: readonly ScanMode[] = ['files', 'staged', 'history', 'range', 'stdin', 'commit-msg'];

/** How a command names a report it cannot use (remediate says --report, merge "the report"). */
export interface ReportWords {
  cannotRead(shown: string, code: string): string;
  notJson(shown: string, problem: string): string;
  notReport(shown: string, problem: string): string;
}

/** remediate's words for --report. */
function remediateWords(): ReportWords {
  const w = words().errors;
  return { cannotRead: w.cannotReadReport, notJson: w.reportNotJson, notReport: w.reportNotReport };
}

/**
 * Reads and checks one report; every problem is one line naming the file, in the command's words. `more`
 * checks what a command reads beyond what the playbook needs (merge: every field's type).
 */
export function readReport(file: string, shownAs: string, wording: ReportWords = remediateWords(), more?: (report: Report) => string | null): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(wording.cannotRead(shownAs, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  return parseReport(text, shownAs, wording, more);
}

/** `--report -`: the report piped from `keywarden scan --format json --no-redact`, so the secrets never touch the disk. */
export async function readReportFromStream(stream: Readable): Promise<Report> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return parseReport(Buffer.concat(chunks).toString('utf8'), words().errors.standardInput, remediateWords());
}

function parseReport(text: string, shownAs: string, wording: ReportWords, more?: (report: Report) => string | null): Report {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(wording.notJson(shownAs, (error as Error).message.split('\n')[0]));
  }
  const problem = reportProblem(data) ?? more?.(data as Report) ?? null;
  if (problem) throw new UsageError(wording.notReport(shownAs, problem));
  return data as Report;
}

/** The first reason `data` is not a version-1 report, or null. */
export function reportProblem(data: unknown): string | null {
  if (!isObject(data)) return 'the top level is not an object';
  if (data.version !== 1) return `"version" is ${JSON.stringify(data.version) ?? 'missing'}, expected 1`;
  if (!isObject(data.tool) || data.tool.name !== 'keywarden') return '"tool.name" is not "keywarden"';
  if (!isObject(data.scan) || !MODES.includes(data.scan.mode as ScanMode)) return `"scan.mode" must be one of ${MODES.join(', ')}`;
  if (!Array.isArray(data.findings)) return '"findings" is not an array';
  for (let i = 0; i < data.findings.length; i++) {
    const problem = findingProblem(data.findings[i]);
    if (problem) return `findings[${i}]${problem}`;
  }
  return null;
}

function findingProblem(finding: unknown): string | null {
  if (!isObject(finding)) return ' is not an object';
  for (const field of ['ruleId', 'kind', 'file', 'secret', 'fingerprint'] as const) {
    if (typeof finding[field] !== 'string' || finding[field] === '') return `.${field} must be a non-empty string`;
  }
  for (const field of ['line', 'column'] as const) {
    if (!Number.isInteger(finding[field]) || (finding[field] as number) < 1) return `.${field} must be a positive integer`;
  }
  for (const field of ['keyId', 'accountId'] as const) {
    if (finding[field] !== null && finding[field] !== undefined && typeof finding[field] !== 'string') return `.${field} must be a string or null`;
  }
  const commit = finding.commit;
  if (commit !== null && commit !== undefined && (!isObject(commit) || typeof commit.sha !== 'string')) return '.commit must be null or have a "sha"';
  return null;
}

/** Fills optional fields older writers may omit, so the rest of remediation sees complete Findings. */
export function normalizeFindings(report: Report): Finding[] {
  return report.findings.map((finding) => ({ ...finding, keyId: finding.keyId ?? null, accountId: finding.accountId ?? null, commit: finding.commit ?? null }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
