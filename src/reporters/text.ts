// The human report: findings grouped by file, one line each, the commit that introduced it under it for git
// scans. Colour only when the entry says so (a TTY without NO_COLOR). Secrets arrive already redacted. Every
// value that came from the scan is escaped (escapeText) before it is painted: a file name or commit subject
// holding an escape sequence would otherwise drive the terminal or forge a report line.
import { keyTypeOf, type KeyType } from '../aws/key-id.js';
import { escapeText } from '../text/escape.js';
import type { Finding, Presence, Reporter, ReportContext } from '../types.js';

const KIND_LABELS: Record<string, string> = {
  'access-key-id': 'access key ID',
  'secret-access-key': 'secret access key',
  'session-token': 'session token',
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

export const textReporter: Reporter = (report, context) => {
  const paint: Paint = context.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(paint('1;4', escapeText(file)));
    for (const finding of findings) lines.push(...describeFinding(finding, paint));
    lines.push('');
  }
  lines.push(summaryLine(report.findings.length, byFile.size, context, paint));
  return lines.join('\n') + '\n';
};

function describeFinding(finding: Finding, paint: Paint): string[] {
  const position = `${finding.line}:${finding.column}`.padEnd(8);
  let what = kindLabel(finding.kind);
  if (finding.kind === 'access-key-id') {
    const label = prefixLabel(finding.secret);
    if (label) what += ` (${label})`;
  } else if (finding.keyId) {
    what += ` for ${escapeText(finding.keyId)}`;
  }
  if (finding.accountId) what += `, account ${finding.accountId}`;
  const out = [`  ${paint('2', position)}${paint('31;1', escapeText(finding.secret))}  ${what}  ${paint('2', `${escapeText(finding.ruleId)} ${finding.confidence}`)}`];
  if (finding.commit) {
    const c = finding.commit;
    out.push(`  ${' '.repeat(8)}${paint('33', escapeText(c.sha.slice(0, 12)))} ${escapeText(c.author)} <${escapeText(c.email)}> ${escapeText(c.date.slice(0, 10))} ${paint('2', escapeText(c.message))}`);
  }
  if (finding.presence) out.push(`  ${' '.repeat(8)}${describePresence(finding.presence, paint)}`);
  return out;
}

/** Whether the key is still at a branch tip (fix the code too) or only in history (rotate and purge). */
export function describePresence(presence: Presence, paint: Paint = (_code, text) => text): string {
  const names = (refs: string[], total: number): string => {
    const shown = refs.map((ref) => escapeText(shortRef(ref))).join(', '); // ref names are data (git allows bidi controls)
    return total > refs.length ? `${shown} and ${total - refs.length} more` : shown;
  };
  if (presence.refCount === 0) return paint('2', 'held by no ref (only in stash entries or unreachable)');
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
  if (count === 0) return paint('32', `No AWS credentials found.${allowedText}`);
  const noun = count === 1 ? 'finding' : 'findings';
  const fileNoun = files === 1 ? 'file' : 'files';
  return paint('31;1', `${count} ${noun} in ${files} ${fileNoun}${allowedText}.`);
}
