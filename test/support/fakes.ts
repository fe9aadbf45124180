// Fake AWS credentials generated at run time: the right shape, random, never real, never committed.
import { randomBytes, randomInt } from 'node:crypto';
import { defaultConfig } from '../../src/config/types.js';
import { scanText } from '../../src/engine/scan.js';
import { loadRules } from '../../src/rules/load.js';

// The engine deliberately passes over a few random-looking values when they are not both named and paired
// (about 5 in 10,000: word-like or sequence-like ones, the soft gates; see recall-gates.test.ts); a test that
// needs a key found on its own must not fail by that chance, so a fake of a reportable
// kind is one the engine reports in the plainest context. Identifier-only prefixes (AIDA, AROA, …) are never
// reported, so for them the first well-shaped value is returned: the retry is bounded, never a loop.
const RULES = loadRules(defaultConfig(process.cwd()));
function reported(line: string, value: string): boolean {
  return scanText(line, RULES).some((candidate) => candidate.secret === value);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

const ATTEMPTS = 64;

/** An access key ID: prefix + base32 characters to 20 (with digits, like real ones). */
export function fakeKeyId(prefix = 'AKIA'): string {
  let first: string | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const body = pick(BASE32, 20 - prefix.length);
    if (!/[2-7]/.test(body)) continue;
    const keyId = prefix + body;
    first ??= keyId;
    if (reported(`aws_access_key_id = ${keyId}`, keyId)) return keyId;
  }
  return first ?? prefix + '2'.repeat(20 - prefix.length);
}

/** A secret access key: 40 characters of [A-Za-z0-9/+] with mixed classes, like the real ones. */
export function fakeSecret(): string {
  let first: string | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const secret = pick(SECRET_ALPHABET, 40);
    if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret)) continue;
    first ??= secret;
    if (reported(`aws_secret_access_key = ${secret}`, secret)) return secret;
  }
  if (first === null) throw new Error('fakeSecret: no well-shaped value in 64 tries');
  return first;
}

/**
 * A session token shaped like STS's: the real ones open with a fixed, low-entropy header that base64-encodes a
 * run of 0xff bytes ("IQoJb3JpZ2luX2VjE…//////////wEaCXVzLWVhc3QtMSJH…"), then random material.
 */
export function fakeSessionToken(length = 356): string {
  const head = `IQoJb3JpZ2luX2VjE${pick(SECRET_ALPHABET.slice(0, 52), 2)}//////////wEaCXVzLWVhc3QtMSJH`;
  const body = randomBytes(length).toString('base64').replace(/=+$/, '');
  return (head + body).slice(0, length);
}

/** A leaked pair as it appears in a credentials or .env-style file. */
export interface Leak {
  id: string;
  secret: string;
  text: string;
}

export function fakeLeak(prefix = 'AKIA'): Leak {
  const id = fakeKeyId(prefix);
  const secret = fakeSecret();
  return { id, secret, text: `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n` };
}
