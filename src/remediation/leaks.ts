// Findings → leaked keys. The playbook is organised by access key ID, because every AWS action (deactivate,
// delete, look up in CloudTrail, revoke sessions) takes a key ID; a secret or session token is listed under
// the key it is paired with, and secrets without a key ID go to one generic group. Credentials that hang off
// an access key (an SES SMTP password derived from its secret, a short-term Bedrock API key it signed) are
// listed under that key; the other kinds (service-specific credentials, CloudFront key pairs, AppSync API keys,
// console passwords) are grouped by what identifies them, each with its own steps (playbook.ts). Raw secret values are kept
// only for the --replace-text expressions file and --verify; nothing here turns them into text.
import { accountIdFromKeyId, accountIdOf } from '../aws/account.js';
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
  /** Inside an archive (`file` is the archive): the entry's path in it. */
  entry?: string;
}

/** What a leaked entry is: an access key, or a credential of another kind with its own revocation. */
export type CredentialType = 'access-key' | 'service-specific' | 'cloudfront-key-pair' | 'appsync-api-key' | 'console-password';

const CREDENTIAL_OF_KIND: Record<string, CredentialType> = {
  'bedrock-api-key': 'service-specific',
  'service-specific-password': 'service-specific',
  'cloudfront-private-key': 'cloudfront-key-pair',
  'appsync-api-key': 'appsync-api-key',
  'console-password': 'console-password',
};

/** Names an entry whose identifier is unknown, or is the secret itself (an AppSync API key's ID is the key). */
export const UNIDENTIFIED: Record<Exclude<CredentialType, 'access-key'>, string> = {
  'service-specific': 'service-specific credential (user not found)',
  'cloudfront-key-pair': 'CloudFront key pair (ID not found)',
  'appsync-api-key': 'AppSync API key',
  'console-password': 'console password (user not found)',
};

export function credentialOf(kind: Kind): CredentialType {
  return CREDENTIAL_OF_KIND[kind] ?? 'access-key';
}

export interface LeakedKey {
  /**
   * The access key ID; for other credentials what identifies them (service user name, CloudFront key pair ID,
   * IAM user ARN), or an UNIDENTIFIED label.
   */
  keyId: string;
  credential: CredentialType;
  /** Every kind found for this entry (the access key's own pieces and what hangs off it). */
  kinds: Kind[];
  keyType: KeyType;
  accountId: string | null;
  sightings: Sighting[];
  /**
   * Raw secret values of this entry (unique): secret access keys and what hangs off the key, or the credential
   * itself; empty when none was found or it was redacted.
   */
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
    located.filter((item) => !item.allowedBy).map((item) => ({ ...pieceOf(item, item.secret), file: redactText(item.file), ...(item.entry !== undefined ? { entry: redactText(item.entry) } : {}) })),
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
    ...(item.entry !== undefined ? { entry: item.entry } : {}),
    keyId: keyIdOf(item.kind, item.kind === 'access-key-id' ? item.secret : item.keyId),
    secret,
  };
}

/**
 * AWS access key IDs are 16 to 128 upper-case letters and digits (the IAM API's AccessKeyId). Anything else
 * (matched by a rule in a repository's own config, or read from a report file) is not used as one: the
 * playbook puts key IDs into commands to paste, and `AKIA$(…)` must never be one of them. Other credentials'
 * identifiers are held to their own IAM shapes: a service user name (IAM user name characters, `-at-`, the
 * account) or an IAM user ARN.
 */
const IDENTIFIER: Record<CredentialType, RegExp> = {
  'access-key': /^[A-Z0-9]{16,128}$/,
  'service-specific': /^[\w+=,.@-]{1,64}-at-\d{12}$/,
  'cloudfront-key-pair': /^[A-Z0-9]{16,128}$/,
  'appsync-api-key': /^$/,
  'console-password': /^arn:aws[a-z-]*:iam::\d{12}:user\/[\w+=,.@/-]{1,512}$/,
};

function keyIdOf(kind: Kind, value: string | null): string | null {
  return value !== null && IDENTIFIER[credentialOf(kind)].test(value) ? value : null;
}

/** Adds key IDs given on the command line (--key) that the findings do not already hold. */
export function withKeyIds(set: LeakSet, keyIds: readonly string[]): LeakSet {
  const keys = [...set.keys];
  for (const keyId of keyIds) if (!keys.some((key) => key.keyId === keyId)) keys.push(newKey(keyId, 'access-key'));
  return { ...set, keys };
}

function group(pieces: Piece[], mode: ScanMode | null): LeakSet {
  const byKey = new Map<string, LeakedKey>();
  let unpaired: UnpairedSecrets | null = null;
  for (const piece of pieces) {
    const sighting: Sighting = { kind: piece.kind, file: piece.file, line: piece.line, column: piece.column, commit: piece.commit, ...(piece.entry !== undefined ? { entry: piece.entry } : {}) };
    const credential = credentialOf(piece.kind);
    if (credential === 'access-key' && piece.keyId !== null && !isAccessKeyShape(piece.keyId)) piece.keyId = null;
    if (piece.keyId === null && credential === 'access-key') {
      unpaired ??= { sightings: [], secrets: [], redacted: false };
      unpaired.sightings.push(sighting);
      if (piece.secret === null) unpaired.redacted = true;
      else if (!unpaired.secrets.includes(piece.secret)) unpaired.secrets.push(piece.secret);
      continue;
    }
    const id = credential === 'appsync-api-key' ? UNIDENTIFIED[credential] : piece.keyId ?? UNIDENTIFIED[credential as Exclude<CredentialType, 'access-key'>];
    const group = `${credential}\0${id}`;
    let key = byKey.get(group);
    if (!key) {
      key = newKey(id, credential);
      byKey.set(group, key);
    }
    key.sightings.push(sighting);
    if (!key.kinds.includes(piece.kind)) key.kinds.push(piece.kind);
    if (piece.kind === 'access-key-id') continue;
    const isToken = piece.kind === 'session-token';
    if (isToken) key.hasSessionToken = true;
    else if (piece.kind === 'secret-access-key' || credential !== 'access-key') key.hasSecret = true;
    if (piece.secret === null) {
      key.redacted = true;
      continue;
    }
    const list = isToken ? key.sessionTokens : key.secrets;
    if (!list.includes(piece.secret)) list.push(piece.secret);
  }
  return { keys: [...byKey.values()], unpaired, mode };
}

/** The shape of an access key ID (any letters and digits after a known prefix: see aws-access-key-id-unverified). */
function isAccessKeyShape(keyId: string): boolean {
  return /^A(?:KI|SI|BI|CC)A[A-Z0-9]{16}$|^A3T[A-Z0-9][A-Z0-9]{16}$/.test(keyId);
}

function newKey(keyId: string, credential: CredentialType): LeakedKey {
  return {
    keyId,
    credential,
    kinds: [],
    keyType: credential === 'access-key' ? keyTypeOf(keyId) : 'unknown',
    accountId: credential === 'access-key' ? accountIdFromKeyId(keyId) : accountIdOf(keyId),
    sightings: [],
    secrets: [],
    sessionTokens: [],
    redacted: false,
    hasSecret: false,
    hasSessionToken: false,
  };
}
