// `keywarden merge REPORT...`: JSON reports (one per repository: the organisation scan's per-repository
// reports, or any `scan --format json` output) → one report. Each finding keeps the report it came from as
// `repository` (the report file's name without .json, or its path when two files share a name); a key found in
// several repositories is one key with several places (reporters/key-groups.ts). Every report is checked
// before anything is written: a file that is not JSON or not a keywarden version-1 report is one line, exit 2.
// Secrets a report holds in full (written with --no-redact) are masked everywhere unless merge gets --no-redact.
// Exit 1 when the merged report has findings, as for scan.
import path from 'node:path';
import { UsageError } from '../errors.js';
import { guide } from '../words/guide.js';
import { compareFindings, secretRedactor } from '../findings.js';
import type { Io } from '../io/io.js';
import { emit, writeLine } from '../io/output.js';
import { isRedacted } from '../remediation/leaks.js';
import { readReport } from './report-file.js';
import { groupByKey, type KeyGroup } from '../reporters/key-groups.js';
import { escapeText } from '../text/escape.js';
import type { Finding, Located, MergeFormat, Report, ScanMode } from '../types.js';
import type { MergeRequest } from './requests.js';
import { VERSION } from '../version.js';


/** A merged report: a version-1 report (remediate --report and merge itself read it) with what was merged. */
export interface MergedReport extends Report {
  reports: Array<{ repository: string; mode: ScanMode; target: string; findings: number }>;
  keys: Array<{ keyId: string | null; kinds: string[]; accountId: string | null; verification: string | null; introduced: string | null; repositories: string[]; places: number }>;
}

const STATUSES = ['live', 'invalid', 'expired', 'secret-mismatch', 'unknown'];

export async function runMerge(options: MergeRequest, io: Io): Promise<number> {
  if (options.paths.length === 0) throw new UsageError(guide().merge.needsReports);
  const labels = labelsFor(options.paths);
  const inputs = options.paths.map((file, index) => ({ label: labels[index], report: readMergeInput(path.resolve(io.cwd, file), file) }));
  const merged = mergeReports(inputs, options.redact);
  const format = options.format;
  emit(await render(merged, format), options, io);
  if (!options.quiet && options.output !== undefined) {
    writeLine(guide().merge.merged(inputs.length, merged.findings.length, merged.keys.filter((key) => key.keyId !== null).length, options.output), io);
  }
  return merged.findings.length > 0 ? 1 : 0;
}

/** Each report's name: its file name without .json; the path as given (without .json) where two names clash. */
export function labelsFor(files: readonly string[]): string[] {
  const strip = (name: string) => name.replace(/\.json$/i, '');
  const base = files.map((file) => strip(path.basename(file)));
  return files.map((file, index) => (base.filter((name) => name === base[index]).length > 1 ? strip(file) : base[index]));
}

/** Reads and checks one report for merging: what remediate checks, and every field the merged formats read. */
export function readMergeInput(file: string, shownAs: string): Report {
  return readReport(file, shownAs, guide().merge, mergeProblem);
}

/** What the merged formats read beyond what reportProblem checks: each field is the type it should be. */
function mergeProblem(report: Report): string | null {
  if (typeof report.tool.version !== 'string') return '"tool.version" must be a string';
  if (typeof report.scan.target !== 'string') return '"scan.target" must be a string';
  for (let i = 0; i < report.findings.length; i++) {
    const finding = report.findings[i] as unknown as Record<string, unknown>;
    const at = `findings[${i}]`;
    if (finding.repository !== undefined && (typeof finding.repository !== 'string' || finding.repository === '')) return `${at}.repository must be a non-empty string`;
    for (const field of ['endLine', 'endColumn'] as const) if (finding[field] !== undefined && !Number.isInteger(finding[field])) return `${at}.${field} must be an integer`;
    const commit = finding.commit as Record<string, unknown> | null | undefined;
    if (commit) for (const field of ['author', 'email', 'date', 'message']) if (typeof commit[field] !== 'string') return `${at}.commit.${field} must be a string`;
    const verification = finding.verification as Record<string, unknown> | undefined;
    if (verification !== undefined && (typeof verification !== 'object' || verification === null || !STATUSES.includes(verification.status as string))) return `${at}.verification.status must be one of ${STATUSES.join(', ')}`;
    const presence = finding.presence as Record<string, unknown> | undefined;
    if (presence !== undefined && !(typeof presence === 'object' && presence !== null && strings(presence.refs) && strings(presence.presentAt) && Number.isInteger(presence.refCount))) return `${at}.presence must have refs, presentAt (strings) and refCount`;
  }
  return null;
}

function strings(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function mergeReports(inputs: ReadonlyArray<{ label: string; report: Report }>, redact: boolean): MergedReport {
  let findings: Finding[] = [];
  for (const { label, report } of inputs) {
    for (const finding of report.findings) {
      findings.push({
        ...finding,
        endLine: finding.endLine ?? finding.line,
        endColumn: finding.endColumn ?? finding.column,
        keyId: finding.keyId ?? null,
        accountId: finding.accountId ?? null,
        commit: finding.commit ?? null,
        // A merged report merged again keeps the repositories it already names.
        repository: finding.repository ?? label,
      });
    }
  }
  if (redact) findings = redactAll(findings);
  findings.sort((a, b) => (a.repository! < b.repository! ? -1 : a.repository! > b.repository! ? 1 : compareFindings(a, b)));
  const modes = [...new Set(inputs.map(({ report }) => report.scan.mode))];
  const sum = (field: 'durationMs' | 'bytes' | 'files' | 'commits') => inputs.reduce((total, { report }) => total + (Number.isFinite(report.scan[field]) ? report.scan[field] : 0), 0);
  const groups = groupByKey(findings);
  return {
    version: 1,
    tool: { name: 'keywarden', version: VERSION },
    scan: {
      // One mode when every report has it; otherwise history if any report read commits, else files.
      mode: modes.length === 1 ? modes[0] : inputs.some(({ report }) => report.scan.commits > 0) ? 'history' : 'files',
      target: `${inputs.length} report${inputs.length === 1 ? '' : 's'}: ${inputs.map(({ label }) => label).join(', ')}`,
      durationMs: sum('durationMs'),
      bytes: sum('bytes'),
      files: sum('files'),
      commits: sum('commits'),
    },
    findings,
    reports: inputs.map(({ label, report }) => ({ repository: label, mode: report.scan.mode, target: report.scan.target, findings: report.findings.length })),
    keys: groups.map(keySummary),
  };
}

function keySummary(group: KeyGroup): MergedReport['keys'][number] {
  return { keyId: group.keyId, kinds: group.kinds, accountId: group.accountId, verification: group.verification?.status ?? null, introduced: group.introduced, repositories: group.repositories, places: group.places.length };
}

/** Secrets a report holds whole are masked in every field of every report (one may name another's secret). */
function redactAll(findings: Finding[]): Finding[] {
  const whole = findings.filter((finding) => finding.kind !== 'access-key-id' && !isRedacted(finding.secret));
  if (whole.length === 0) return findings;
  const text = secretRedactor(whole as unknown as Located[]);
  return findings.map((finding) => ({
    ...finding,
    secret: text(finding.secret),
    file: text(finding.file),
    repository: text(finding.repository!),
    commit: finding.commit ? { ...finding.commit, author: text(finding.commit.author), email: text(finding.commit.email), message: text(finding.commit.message) } : null,
    ...(finding.presence ? { presence: { ...finding.presence, refs: finding.presence.refs.map(text), presentAt: finding.presence.presentAt.map(text) } } : {}),
  }));
}

async function render(merged: MergedReport, format: MergeFormat): Promise<string> {
  const context = { allowed: {}, notes: [], color: false, verbose: false };
  switch (format) {
    case 'json':
      return JSON.stringify(merged, null, 2) + '\n';
    case 'html':
      return (await import('../reporters/html/index.js')).htmlReporter(merged, context);
    case 'sarif': {
      // One SARIF run for all repositories: each location is REPOSITORY/FILE, so results stay apart.
      const findings = merged.findings.map((finding) => ({ ...finding, file: `${finding.repository}/${finding.file}` }));
      return (await import('../reporters/sarif.js')).sarifReporter({ ...merged, findings }, context);
    }
    case 'text':
      return mergeText(merged);
  }
}

/** The text report: one block per key, every place under it; data escaped (escapeText). */
export function mergeText(merged: MergedReport): string {
  const groups = groupByKey(merged.findings);
  const keys = groups.filter((group) => group.keyId !== null).length;
  const lines = [`keywarden merge: ${escapeText(merged.scan.target)}`];
  if (merged.findings.length === 0) return `${lines[0]}\nNo AWS credentials found.\n`;
  lines.push(`${merged.findings.length} finding${merged.findings.length === 1 ? '' : 's'}, ${keys} key${keys === 1 ? '' : 's'} to rotate`, '');
  for (const group of groups) {
    const account = group.accountId ? `, account ${group.accountId}` : '';
    const status = group.verification ? `, ${group.verification.status}` : '';
    const where = `${group.places.length} place${group.places.length === 1 ? '' : 's'} in ${group.repositories.length} repositor${group.repositories.length === 1 ? 'y' : 'ies'}`;
    lines.push(`${group.keyId === null ? 'secrets without a key ID' : escapeText(group.keyId)}${account}${status}: ${where}`);
    for (const finding of group.places) {
      const commit = finding.commit ? `  commit ${escapeText(finding.commit.sha.slice(0, 12))} ${escapeText(finding.commit.date.slice(0, 10))}` : '';
      lines.push(`  ${escapeText(finding.repository ?? '')}  ${escapeText(finding.file)}:${finding.line}:${finding.column}  ${escapeText(finding.kind)}${commit}`);
    }
    lines.push('');
  }
  lines.push('Deactivate each key first; `keywarden merge --format json --output merged.json` then `keywarden remediate --report merged.json` gives the playbook.');
  return lines.join('\n') + '\n';
}
