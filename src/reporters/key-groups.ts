// Findings → the keys to rotate, each with every place it was seen. The same access key ID found in three
// repositories (a merged report) or three files is one key with three places: what a security lead acts on.
// A finding belongs to a key by the access key ID it is or is paired with (keyIdOfFinding); secrets with no
// key ID cannot be told apart once redacted, so they form one group, as in the playbook (remediation/leaks.ts).
import { keyIdOfFinding } from '../findings.js';
import { credentialOf, type CredentialType } from '../remediation/leaks.js';
import type { Finding, Kind, Verification } from '../types.js';

export interface KeyGroup {
  /** The access key ID (or another credential's identifier); null for the group of secrets without one. */
  keyId: string | null;
  credential: CredentialType;
  kinds: Kind[];
  accountId: string | null;
  /** STS's answer when the scan ran with --verify (the first finding of the key that has one). */
  verification: Verification | null;
  /** Every finding of the key, in report order. */
  places: Finding[];
  /** The repositories (merged reports) it was found in, in first-seen order; empty for a single scan. */
  repositories: string[];
  /** The earliest commit date among its places (ISO 8601), or null when no place has a commit. */
  introduced: string | null;
}

/** Identifiers as IAM issues them; anything else (a hostile report's value) is not used to group. */
const IDENTIFIER = /^[\w+=,.@:/-]{1,256}$/;

export function groupByKey(findings: readonly Finding[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const finding of findings) {
    const id = keyIdOfFinding(finding);
    const keyId = id !== null && IDENTIFIER.test(id) ? id : null;
    const credential = credentialOf(finding.kind);
    const name = keyId === null ? '\0unpaired' : `${credential}\0${keyId}`;
    let group = groups.get(name);
    if (!group) {
      group = { keyId, credential, kinds: [], accountId: null, verification: null, places: [], repositories: [], introduced: null };
      groups.set(name, group);
    }
    group.places.push(finding);
    if (!group.kinds.includes(finding.kind)) group.kinds.push(finding.kind);
    group.accountId ??= finding.accountId ?? null;
    group.verification ??= finding.verification ?? null;
    if (finding.repository !== undefined && !group.repositories.includes(finding.repository)) group.repositories.push(finding.repository);
    const date = finding.commit?.date;
    if (date && (group.introduced === null || Date.parse(date) < Date.parse(group.introduced))) group.introduced = date;
  }
  // Keys first (live ones first, then the most widely leaked), the secrets without a key ID last.
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.repositories.length - a.repositories.length || b.places.length - a.places.length);
}

function rank(group: KeyGroup): number {
  if (group.keyId === null) return 2;
  return group.verification?.status === 'live' ? 0 : 1;
}
