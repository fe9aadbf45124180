// The human report: a table with one header row (LINE:COL SECRET KIND RULE CONFIDENCE) whose columns line up
// across every finding (widths measured in terminal columns by src/text/width.ts), findings grouped under
// their file, and under each row its details: the key's type and account or the key ID it pairs with, STS's
// answer after --verify, and for git scans the commit that introduced it and where it stands today. Colour only when the
// entry says so (a TTY without NO_COLOR). Secrets arrive already redacted. Every value that came from the scan
// is escaped (escapeText) before it is measured and painted: a file name or commit subject holding an escape
// sequence would otherwise drive the terminal or forge a report line.
import { COMMIT_MESSAGE, placeOf } from '../findings.js';
import { keyTypeOf } from '../aws/key-id.js';
import { escapeText } from '../text/escape.js';
import { displayWidth, padToWidth } from '../text/width.js';
import type { Finding, Presence, Reporter, ReportContext, Verification } from '../types.js';
import { kindLabel, words } from '../words/index.js';

/** Short labels for the report line; the key types themselves live in aws/key-id.ts with remediation's. */
export function prefixLabel(keyId: string): string | null {
  const w = words();
  // A3T… is the older key format the rule also finds; it has no type of its own in remediation.
  return w.keyTypeShort[keyTypeOf(keyId)] ?? (keyId.startsWith('A3T') ? w.olderFormatKey : null);
}


export type Paint = (code: string, text: string) => string;

/**
 * Widest a column grows (in terminal columns) so that the table stays within 100 columns for the AWS rules:
 * a longer value (an unredacted session token, a long rule ID from a config) is printed whole and pushes the
 * rest of its own row right, rather than widening every row or being cut.
 */
const MAX_WIDTH = [11, 40, 17, 24, 10];
/** MAX_WIDTH, with KIND as wide as the AWS rules' own kinds in this language ('secret access key', シークレットアクセスキー). */
function maxColumnWidths(): number[] {
  const kind = Math.max(MAX_WIDTH[2], ...['access-key-id', 'secret-access-key', 'session-token'].map((k) => displayWidth(kindLabel(k))));
  return MAX_WIDTH.map((width, i) => (i === 2 ? kind : width));
}
const GAP = '  ';
const INDENT = '  ';

export const textReporter: Reporter = (report, context) => {
  const paint: Paint = context.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    // An archive's entries are headed each on their own (`app.zip!/src/.env`): line numbers are the entry's.
    const place = placeOf(finding);
    const list = byFile.get(place) ?? [];
    list.push(finding);
    byFile.set(place, list);
  }
  if (report.findings.length > 0) {
    // Widths over every row of every file, so the columns line up across the whole report.
    // The table's columns (words/: report.header); every finding is one row under them, its details on lines indented to SECRET.
    const header = words().report.header;
    const maxWidths = maxColumnWidths();
    const rows = new Map(report.findings.map((finding) => [finding, cellsOf(finding)]));
    const widths = header.map((title, i) => Math.min(maxWidths[i], Math.max(displayWidth(title), ...[...rows.values()].map((cells) => displayWidth(cells[i])))));
    const detailIndent = INDENT + ' '.repeat(widths[0]) + GAP;
    lines.push(paint('2', INDENT + tableRow([...header], widths)));
    for (const [file, findings] of byFile) {
      // A commit message has no file name: it is headed by what it is, in the run's language.
      lines.push(paint('1;4', file === COMMIT_MESSAGE ? words().report.commitMessage : escapeText(file)));
      for (const finding of findings) {
        const cells = rows.get(finding)!;
        lines.push(INDENT + tableRow(cells, widths, [(text) => paint('2', text), (text) => paint('31;1', text), (text) => text, (text) => paint('2', text), (text) => paint('2', text)]));
        for (const detail of detailsOf(finding, paint)) lines.push(detailIndent + detail);
      }
      lines.push('');
    }
  }
  lines.push(summaryLine(report.findings.length, byFile.size, byFile.size === 1 && byFile.has(COMMIT_MESSAGE), context, paint));
  return lines.join('\n') + '\n';
};

/** One row: each cell padded to its column's width (measured before painting), the last one not padded. */
function tableRow(cells: readonly string[], widths: readonly number[], paints: ReadonlyArray<(text: string) => string> = []): string {
  return cells
    .map((cell, i) => {
      const painted = paints[i] ? paints[i](cell) : cell;
      return i === cells.length - 1 ? painted : painted + padToWidth(cell, widths[i]).slice(cell.length);
    })
    .join(GAP);
}

/** The row's cells, data already escaped (escapeText) and secrets already redacted. */
function cellsOf(finding: Finding): string[] {
  return [`${finding.line}:${finding.column}`, escapeText(finding.secret), escapeText(kindLabel(finding.kind)), escapeText(finding.ruleId), words().report.confidence[finding.confidence] ?? finding.confidence];
}

/** The lines under a row: what the key is and whose, STS's answer (--verify), the commit, where it stands today. */
function detailsOf(finding: Finding, paint: Paint): string[] {
  const w = words().report;
  const what: string[] = [];
  if (finding.kind === 'access-key-id') {
    const label = prefixLabel(finding.secret);
    if (label) what.push(label);
  } else if (finding.keyId) {
    what.push(w.forKey(escapeText(finding.keyId)));
  }
  if (finding.accountId) what.push(w.account(escapeText(finding.accountId)));
  const out = what.length > 0 ? [paint('2', what.join(w.listJoin))] : [];
  if (finding.verification) out.push(paint(finding.verification.status === 'live' ? '31;1' : '2', describeVerification(finding.verification)));
  if (finding.commit) {
    const c = finding.commit;
    out.push(`${paint('33', escapeText(c.sha.slice(0, 12)))} ${escapeText(c.author)} <${escapeText(c.email)}> ${escapeText(c.date.slice(0, 10))} ${paint('2', escapeText(c.message))}`);
  }
  if (finding.presence) out.push(describePresence(finding.presence, paint));
  return out;
}

/** STS's answer (scan --verify) in one line, data escaped for a terminal or a log. The ARN names the user or role. */
export function describeVerification(verification: Verification): string {
  const w = words().report.verification;
  const { status } = verification;
  // The statuses that name no owner have a meaning each (src/aws/verify.ts has the long forms).
  const meaning = status === 'live' ? '' : (w.meaning[status] ?? w.other);
  const what = status === 'live' ? w.live(verification.arn ? escapeText(verification.arn) : null) : w.status(escapeText(status), meaning);
  return w.line(what, escapeText(verification.checkedAt.replace(/\.\d+Z$/, 'Z')));
}

/** Whether the key is still at a branch tip (fix the code too) or only in history (rotate and purge). */
export function describePresence(presence: Presence, paint: Paint = (_code, text) => text): string {
  const w = words().report;
  const names = (refs: string[], total: number): string => {
    const shown = refs.map((ref) => escapeText(shortRef(ref))).join(w.listJoin); // ref names are data (git allows bidi controls)
    return total > refs.length ? w.presence.more(shown, total - refs.length) : shown;
  };
  if (presence.refCount === 0) return paint('2', w.presence.noBranch);
  if (presence.presentAt.length > 0) return paint('31', w.presence.atTip(names(presence.presentAt, presence.presentAt.length)));
  return paint('2', w.presence.removed(names(presence.refs, presence.refCount)));
}

function shortRef(ref: string): string {
  for (const prefix of ['refs/heads/', 'refs/remotes/']) if (ref.startsWith(prefix)) return ref.slice(prefix.length);
  return ref.startsWith('refs/tags/') ? words().report.presence.tag(ref.slice('refs/tags/'.length)) : ref;
}

function summaryLine(count: number, files: number, inMessage: boolean, context: ReportContext, paint: Paint): string {
  const w = words().report;
  const allowed = Object.entries(context.allowed).filter(([, n]) => n > 0);
  const allowedText = allowed.length > 0 ? w.allowedList(allowed.map(([why, n]) => w.allowedBy(n, w.allowedNames[why] ?? escapeText(why)))) : '';
  const left = context.leftOut ?? 0;
  const leftText = left > 0 ? w.leftOut(left) : '';
  if (count === 0) return paint('32', w.clean(context.leftOut !== undefined, allowedText)) + leftText;
  return paint('31;1', inMessage ? w.foundInMessage(count, allowedText) : w.found(count, files, allowedText)) + leftText;
}
