// Candidate → Finding: the stable fingerprint a baseline stores, redaction, and the owning account.
// The fingerprint hashes rule + path + secret and nothing that moves (no line, no commit), so edits above a
// finding, rebases and squashes leave it unchanged, and the raw secret never reaches a baseline file.
// Redaction covers every field, not only `secret`: a commit subject, author or file name may hold a secret
// too ("add key wJalr…"), and not necessarily the finding's own (the subject of one commit may name another
// finding's secret), so every secret value the scan found is masked wherever it appears (secretRedactor).
import { createHash } from 'node:crypto';
import { accountIdOf } from './aws/account.js';
import type { Finding, Located, Note, Presence, Verification } from './types.js';
import { words } from './words/index.js';

export function fingerprintOf(ruleId: string, file: string, secret: string): string {
  return createHash('sha256').update(`keywarden/v1\0${ruleId}\0${file}\0${secret}`).digest('hex').slice(0, 32);
}

/** Access key IDs are identifiers the remediation commands need; secret keys and tokens are not shown whole. */
export function redact(kind: string, secret: string): string {
  if (kind === 'access-key-id') return secret;
  const shown = secret.length > 12 ? 4 : 0;
  return secret.slice(0, shown) + '*'.repeat(Math.min(16, Math.max(4, secret.length - shown)));
}

/**
 * Masks every secret value among `located` (secret keys and tokens; key IDs are shown whole anyway) wherever
 * it appears in a text, the way the `secret` field is masked. Longest first, so a secret that contains a
 * shorter one is masked whole.
 */
export function secretRedactor(located: readonly Located[]): (text: string) => string {
  const masks = new Map<string, string>();
  for (const item of located) if (item.kind !== 'access-key-id' && item.secret.length > 0) masks.set(item.secret, redact(item.kind, item.secret));
  const secrets = [...masks.keys()].sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  const mask = (text: string, secret: string): string => (text.includes(secret) ? text.replaceAll(secret, masks.get(secret)!) : text);
  if (secrets.length <= MANY_SECRETS) return (text) => secrets.reduce(mask, text);
  // Many secrets (a fixtures file of 170,000 named values): asking each text about every secret took minutes.
  // The secrets a text holds are found through their first characters, then masked as above, longest first.
  const head = secrets.reduce((shortest, secret) => Math.min(shortest, secret.length), Infinity);
  const byHead = new Map<string, number[]>();
  secrets.forEach((secret, rank) => {
    const key = secret.slice(0, head);
    (byHead.get(key) ?? byHead.set(key, []).get(key)!).push(rank);
  });
  return (text) => {
    const held = new Set<number>();
    for (let i = 0; i + head <= text.length; i++) {
      for (const rank of byHead.get(text.slice(i, i + head)) ?? []) if (text.startsWith(secrets[rank], i)) held.add(rank);
    }
    return [...held].sort((a, b) => a - b).reduce((masked, rank) => mask(masked, secrets[rank]), text);
  };
}

/** Up to this many secrets, each text is asked about each secret. */
const MANY_SECRETS = 64;

/** With redaction on, `redactText` (secretRedactor of the whole scan) masks secrets in the other fields too. */
export function toFinding(located: Located, options: { redact: boolean; redactText?: (text: string) => string; presence?: Presence }): Finding {
  const keyId = keyIdOf(located);
  const text = options.redact ? (options.redactText ?? secretRedactor([located])) : (value: string) => value;
  const commit = located.commit && {
    ...located.commit,
    author: text(located.commit.author),
    email: text(located.commit.email),
    message: text(located.commit.message),
  };
  const finding: Finding = {
    ruleId: located.ruleId,
    kind: located.kind,
    file: text(located.file),
    ...(located.entry !== undefined ? { entry: text(located.entry) } : {}),
    line: located.line,
    column: located.column,
    endLine: located.endLine,
    endColumn: located.endColumn,
    secret: options.redact ? redact(located.kind, located.secret) : located.secret,
    fingerprint: fingerprintOf(located.ruleId, located.file, located.secret),
    entropy: Math.round(located.entropy * 100) / 100,
    confidence: located.confidence,
    keyId: located.keyId,
    accountId: keyId ? accountIdOf(keyId) : null,
    commit,
  };
  if (options.presence) finding.presence = { ...options.presence, refs: options.presence.refs.map(text), presentAt: options.presence.presentAt.map(text) };
  if (located.tracked !== undefined) {
    finding.tracked = located.tracked;
    finding.ignored = located.ignored ?? false;
  }
  return finding;
}

/** A finding's `file` when the key is in a commit message, not a file (the JSON's value; reports show the words' name for it). */
export const COMMIT_MESSAGE = 'commit message';

/** Where a finding is, for people: its file, or inside an archive `file!/entry` (src/archive/walk.ts ENTRY_JOIN). */
export function placeOf(finding: Pick<Finding, 'file' | 'entry'>): string {
  return finding.entry === undefined ? finding.file : `${finding.file}!/${finding.entry}`;
}

/** The access key ID a finding (or a located candidate) is about: its own value, or the key ID its secret or
 *  token is paired with. The one home of this rule. */
export function keyIdOf(item: Pick<Finding, 'kind' | 'secret' | 'keyId'>): string | null {
  return item.kind === 'access-key-id' ? item.secret : item.keyId;
}

/** Every distinct access key ID the findings are about, in order. */
export function keyIdsOf(findings: readonly Pick<Finding, 'kind' | 'secret' | 'keyId'>[]): string[] {
  return [...new Set(findings.map(keyIdOf).filter((id): id is string => Boolean(id)))];
}

/** scan --verify: every finding of a checked key (the key ID, its paired secrets and tokens) gets STS's answer. */
export function withVerifications(findings: readonly Finding[], byKeyId: ReadonlyMap<string, Verification>): Finding[] {
  return findings.map((finding) => {
    const keyId = keyIdOf(finding);
    const verification = keyId === null ? undefined : byKeyId.get(keyId);
    return verification ? { ...finding, verification } : finding;
  });
}

/** Report order: by file, then position, then commit date, so output is stable across runs and machines. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.commit?.date ?? '', b.commit?.date ?? '') ||
    compareText(a.commit?.sha ?? '', b.commit?.sha ?? '') ||
    compareText(a.ruleId, b.ruleId)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The --verbose note for a file or archive entry left unread: what and why, kept apart for the Action's warning
 * that names them, and the sentence (words/: notes.skip).
 */
export function skipNote(what: string, why: string): Note {
  return { level: 'info', verbose: true, skipped: { what, why }, message: words().notes.skip(what, why) };
}

/** Each note once (by its message), in order: an archive read twice (history's presence check) says things once. */
export function onceEach(notes: readonly Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((note) => !seen.has(note.message) && Boolean(seen.add(note.message)));
}
