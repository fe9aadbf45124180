// The human report: a table with one header row (LINE:COL SECRET KIND RULE CONFIDENCE) whose columns line up
// across every finding (widths measured in terminal columns by src/text/width.ts), findings grouped under
// their file, and under each row its details: the key's type and account or the key ID it pairs with, STS's
// answer after --verify, and for git scans the commit that introduced it and where it stands today. Colour only when the
// entry says so (a TTY without NO_COLOR). Secrets arrive already redacted. Every value that came from the scan
// is escaped (escapeText) before it is measured and painted: a file name or commit subject holding an escape
// sequence would otherwise drive the terminal or forge a report line.
import { placeOf } from '../findings.js';
import { keyTypeOf, type KeyType } from '../aws/key-id.js';
import { escapeText } from '../text/escape.js';
import { displayWidth, padToWidth } from '../text/width.js';
import type { Finding, Presence, Reporter, ReportContext, Verification } from '../types.js';

const KIND_LABELS: Record<string, string> = {
  'access-key-id': 'access key ID',
  'secret-access-key': 'secret access key',
  'session-token': 'session token',
  'bedrock-api-key': 'Bedrock API key',
  'bedrock-short-term-key': 'short-term Bedrock API key',
  'service-specific-password': 'service-specific credential password',
  'ses-smtp-password': 'SES SMTP password',
  'appsync-api-key': 'AppSync API key',
  'cloudfront-private-key': 'CloudFront private key',
  'console-password': 'console password',
};

/** Short labels for the report line; the key types themselves live in aws/key-id.ts with remediation's. */
const TYPE_LABELS: Record<KeyType, string | null> = {
  'long-term': 'long-term key',
  temporary: 'temporary STS key',
  'bearer-token': 'AWS STS service bearer token key',
  'context-specific': 'context-specific credential',
  unknown: null,
};

export function prefixLabel(keyId: string): string | null {
  // A3T… is the older key format the rule also finds; it has no type of its own in remediation.
  return TYPE_LABELS[keyTypeOf(keyId)] ?? (keyId.startsWith('A3T') ? 'older-format key' : null);
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

export type Paint = (code: string, text: string) => string;

/** The table's columns; every finding is one row under them, its details on lines indented to SECRET. */
const HEADER = ['LINE:COL', 'SECRET', 'KIND', 'RULE', 'CONFIDENCE'] as const;
/**
 * Widest a column grows (in terminal columns) so that the table stays within 100 columns for the AWS rules:
 * a longer value (an unredacted session token, a long rule ID from a config) is printed whole and pushes the
 * rest of its own row right, rather than widening every row or being cut.
 */
const MAX_WIDTH = [11, 40, 17, 24, 10];
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
    const rows = new Map(report.findings.map((finding) => [finding, cellsOf(finding)]));
    const widths = HEADER.map((title, i) => Math.min(MAX_WIDTH[i], Math.max(displayWidth(title), ...[...rows.values()].map((cells) => displayWidth(cells[i])))));
    const detailIndent = INDENT + ' '.repeat(widths[0]) + GAP;
    lines.push(paint('2', INDENT + tableRow([...HEADER], widths)));
    for (const [file, findings] of byFile) {
      lines.push(paint('1;4', escapeText(file)));
      for (const finding of findings) {
        const cells = rows.get(finding)!;
        lines.push(INDENT + tableRow(cells, widths, [(text) => paint('2', text), (text) => paint('31;1', text), (text) => text, (text) => paint('2', text), (text) => paint('2', text)]));
        for (const detail of detailsOf(finding, paint)) lines.push(detailIndent + detail);
      }
      lines.push('');
    }
  }
  lines.push(summaryLine(report.findings.length, byFile.size, context, paint));
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
  return [`${finding.line}:${finding.column}`, escapeText(finding.secret), escapeText(kindLabel(finding.kind)), escapeText(finding.ruleId), finding.confidence];
}

/** The lines under a row: what the key is and whose, STS's answer (--verify), the commit, where it stands today. */
function detailsOf(finding: Finding, paint: Paint): string[] {
  const what: string[] = [];
  if (finding.kind === 'access-key-id') {
    const label = prefixLabel(finding.secret);
    if (label) what.push(label);
  } else if (finding.keyId) {
    what.push(`for ${escapeText(finding.keyId)}`);
  }
  if (finding.accountId) what.push(`account ${escapeText(finding.accountId)}`);
  const out = what.length > 0 ? [paint('2', what.join(', '))] : [];
  if (finding.verification) out.push(paint(finding.verification.status === 'live' ? '31;1' : '2', describeVerification(finding.verification)));
  if (finding.commit) {
    const c = finding.commit;
    out.push(`${paint('33', escapeText(c.sha.slice(0, 12)))} ${escapeText(c.author)} <${escapeText(c.email)}> ${escapeText(c.date.slice(0, 10))} ${paint('2', escapeText(c.message))}`);
  }
  if (finding.presence) out.push(describePresence(finding.presence, paint));
  return out;
}

/** What each answer means, for the statuses that name no owner (src/aws/verify.ts has the long forms). */
const VERIFICATION_TEXT: Record<Exclude<Verification['status'], 'live'>, string> = {
  invalid: 'AWS does not accept the key ID now',
  expired: 'the session token has expired',
  'secret-mismatch': 'the key ID exists but this is not its secret: treat the key as live',
  unknown: 'no clear answer; the --verify line on stderr says why',
};

/** STS's answer (scan --verify) in one line, data escaped for a terminal or a log. The ARN names the user or role. */
export function describeVerification(verification: Verification): string {
  const { status } = verification;
  const what = status === 'live' ? `LIVE${verification.arn ? ` as ${escapeText(verification.arn)}` : ''}` : `${escapeText(status)} (${VERIFICATION_TEXT[status] ?? 'unknown answer'})`;
  return `STS: ${what}, checked ${escapeText(verification.checkedAt.replace(/\.\d+Z$/, 'Z'))}`;
}

/** Whether the key is still at a branch tip (fix the code too) or only in history (rotate and purge). */
export function describePresence(presence: Presence, paint: Paint = (_code, text) => text): string {
  const names = (refs: string[], total: number): string => {
    const shown = refs.map((ref) => escapeText(shortRef(ref))).join(', '); // ref names are data (git allows bidi controls)
    return total > refs.length ? `${shown} and ${total - refs.length} more` : shown;
  };
  if (presence.refCount === 0) return paint('2', 'held by no branch (only by tags or stash entries)');
  if (presence.presentAt.length > 0) return paint('31', `still present at the tip of ${names(presence.presentAt, presence.presentAt.length)}`);
  return paint('2', `removed since: gone from the tips of ${names(presence.refs, presence.refCount)}, still in their history`);
}

function shortRef(ref: string): string {
  for (const prefix of ['refs/heads/', 'refs/remotes/']) if (ref.startsWith(prefix)) return ref.slice(prefix.length);
  return ref.startsWith('refs/tags/') ? `tag ${ref.slice('refs/tags/'.length)}` : ref;
}

function summaryLine(count: number, files: number, context: ReportContext, paint: Paint): string {
  const allowed = Object.entries(context.allowed).filter(([, n]) => n > 0);
  const allowedText = allowed.length > 0 ? ` (${allowed.map(([why, n]) => `${n} allowed by ${escapeText(why)}`).join(', ')})` : '';
  const left = context.leftOut ?? 0;
  const leftText = left > 0 ? ` ${left} finding${left === 1 ? '' : 's'} left out by --only-verified: STS did not confirm ${left === 1 ? 'its key' : 'their keys'} live.` : '';
  if (count === 0) return paint('32', `No ${context.leftOut !== undefined ? 'live ' : ''}AWS credentials found.${allowedText}`) + leftText;
  const noun = count === 1 ? 'finding' : 'findings';
  const fileNoun = files === 1 ? 'file' : 'files';
  return paint('31;1', `${count} ${noun} in ${files} ${fileNoun}${allowedText}.`) + leftText;
}
