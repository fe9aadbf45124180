// What an AWS access key ID says about itself, offline: its shape and its type (the 4-character prefix).
// The prefixes are documented in the IAM User Guide ("Unique identifiers" / IAM identifiers); only the ones
// that start an access key ID are here, because remediation differs by type: a long-term key (AKIA) is
// deleted, a temporary one (ASIA) expires and its role's sessions are revoked.

export type KeyType = 'long-term' | 'temporary' | 'bearer-token' | 'context-specific' | 'unknown';

const TYPES: Record<string, KeyType> = {
  AKIA: 'long-term',
  ASIA: 'temporary',
  ABIA: 'bearer-token',
  ACCA: 'context-specific',
};

/** An access key ID: a known 4-character prefix and 16 characters of the base32 alphabet (A–Z, 2–7). */
const KEY_ID = /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/;

export function isAccessKeyId(text: string): boolean {
  return KEY_ID.test(text);
}

export function keyTypeOf(keyId: string): KeyType {
  return TYPES[keyId.slice(0, 4)] ?? 'unknown';
}
