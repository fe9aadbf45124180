// Findings → leaked keys. The playbook is organised by access key ID, because every AWS action (deactivate,
// delete, look up in CloudTrail, revoke sessions) takes a key ID; a secret or session token is listed under
// the key it is paired with, and secrets without a key ID go to one generic group. Raw secret values are kept
// only for the --replace-text expressions file and --verify; nothing here turns them into text.
import { accountIdFromKeyId } from '../aws/account.js';
import { keyTypeOf, type KeyType } from '../aws/key-id.js';
import type { Finding, Kind, Located, ScanMode } from '../types.js';

/** Where one piece of a leaked credential was seen. */
export interface Sighting {
  kind: Kind;
  file: string;
  line: number;
  column: number;
  /** The commit that introduced it (git scans), else null. */
  commit: string | null;
}

export interface LeakedKey {
  keyId: string;
  keyType: KeyType;
  accountId: string | null;
  sightings: Sighting[];
  /** Raw secret access keys paired with this key ID (unique); empty when none was found or it was redacted. */
  secrets: string[];
  sessionTokens: string[];
  /** A paired secret or token was found but only its redacted form is known (a redacted JSON report). */
  redacted: boolean;
  hasSecret: boolean;
  hasSessionToken: boolean;
}

export interface UnpairedSecrets {
  sightings: Sighting[];
  secrets: string[];
  redacted: boolean;
}

export interface LeakSet {
  keys: LeakedKey[];
  unpaired: UnpairedSecrets | null;
  /** How the credentials were found: decides whether history needs rewriting. null for --key. */
  mode: ScanMode | null;
}

/** One credential piece, from a report finding or from the scan's own located candidates. */
interface Piece extends Sighting {
  keyId: string | null;
  /** The raw value, or null when only a redacted form is known. */
  secret: string | null;
}

/** A redacted value, as src/findings.ts writes it: a short visible prefix, then at least four asterisks. */
export function isRedacted(value: string): boolean {
  return /\*{4,}$/.test(value);
}

export function leaksFromFindings(findings: readonly Finding[], mode: ScanMode | null): LeakSet {
  return group(
    findings.map((finding) => pieceOf(finding, finding.kind !== 'access-key-id' && isRedacted(finding.secret) ? null : finding.secret)),
    mode,
  );
}

/**
 * `redactText` is the scan's (pipeline.ts): a file name may hold a secret of the scan, and the playbook
 * shows file names (and, in the Action, puts them in the job summary); it masks them unless --no-redact.
 */
export function leaksFromLocated(located: readonly Located[], mode: ScanMode | null, redactText: (text: string) => string): LeakSet {
  return group(
    located.filter((item) => !item.allowedBy).map((item) => ({ ...pieceOf(item, item.secret), file: redactText(item.file) })),
    mode,
  );
}

/** A report finding or a located candidate, reduced to what grouping needs; `secret` null when redacted. */
function pieceOf(item: Finding | Located, secret: string | null): Piece {
  return {
    kind: item.kind,
    file: item.file,
    line: item.line,
    column: item.column,
    commit: item.commit?.sha ?? null,
    keyId: keyIdOf(item.kind === 'access-key-id' ? item.secret : item.keyId),
    secret,
  };
}

/**
 * AWS access key IDs are 16 to 128 upper-case letters and digits (the IAM API's AccessKeyId). Anything else
 * (matched by a rule in a repository's own config, or read from a report file) is not used as one: the
 * playbook puts key IDs into commands to paste, and `AKIA$(…)` must never be one of them.
 */
function keyIdOf(value: string | null): string | null {
  return value !== null && /^[A-Z0-9]{16,128}$/.test(value) ? value : null;
}

/** Adds key IDs given on the command line (--key) that the findings do not already hold. */
export function withKeyIds(set: LeakSet, keyIds: readonly string[]): LeakSet {
  const keys = [...set.keys];
  for (const keyId of keyIds) if (!keys.some((key) => key.keyId === keyId)) keys.push(newKey(keyId));
  return { ...set, keys };
}

function group(pieces: Piece[], mode: ScanMode | null): LeakSet {
  const byKey = new Map<string, LeakedKey>();
  let unpaired: UnpairedSecrets | null = null;
  for (const piece of pieces) {
    const sighting: Sighting = { kind: piece.kind, file: piece.file, line: piece.line, column: piece.column, commit: piece.commit };
    if (piece.keyId === null) {
      unpaired ??= { sightings: [], secrets: [], redacted: false };
      unpaired.sightings.push(sighting);
      if (piece.secret === null) unpaired.redacted = true;
      else if (!unpaired.secrets.includes(piece.secret)) unpaired.secrets.push(piece.secret);
      continue;
    }
    let key = byKey.get(piece.keyId);
    if (!key) {
      key = newKey(piece.keyId);
      byKey.set(piece.keyId, key);
    }
    key.sightings.push(sighting);
    if (piece.kind === 'access-key-id') continue;
    const isToken = piece.kind === 'session-token';
    if (isToken) key.hasSessionToken = true;
    else key.hasSecret = true;
    if (piece.secret === null) {
      key.redacted = true;
      continue;
    }
    const list = isToken ? key.sessionTokens : key.secrets;
    if (!list.includes(piece.secret)) list.push(piece.secret);
  }
  return { keys: [...byKey.values()], unpaired, mode };
}

function newKey(keyId: string): LeakedKey {
  return {
    keyId,
    keyType: keyTypeOf(keyId),
    accountId: accountIdFromKeyId(keyId),
    sightings: [],
    secrets: [],
    sessionTokens: [],
    redacted: false,
    hasSecret: false,
    hasSessionToken: false,
  };
}
