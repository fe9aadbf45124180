// Random credentials forced into the shapes that the engine's soft gates (entropy.ts) distrust: real keys
// take these shapes by chance (about 1 pair in 1,000), so they must still be found when named and paired.
// Every value is generated from a seed (random.ts), so a failing round can be replayed.
import { seeded } from './random.js';

export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
const LETTERS = BASE64.slice(0, 52);

export type Random = () => number;

export function pickFrom(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A key ID as AWS issues them: AKIA + 16 base32 characters, no retry (whatever the engine thinks of it). */
export function randomKeyId(random: Random): string {
  return 'AKIA' + pickFrom(random, BASE32, 16);
}

/** A secret access key as AWS issues them: 40 random base64 characters, no retry. */
export function randomSecret(random: Random): string {
  return pickFrom(random, BASE64, 40);
}

/** True when `value` holds none of the case-insensitive substrings (placeholder stopwords are hard gates). */
function clear(value: string, words: readonly string[]): boolean {
  const lower = value.toLowerCase();
  return !words.some((word) => lower.includes(word));
}

/** Stopwords of the two rules (patterns/*.json): a generated value holding one would be rejected for that. */
const SECRET_STOPWORDS = ['example', 'sample', 'secret', 's3cr3t', 'password', 'passw0rd', 'placeholder', 'changeme', 'dummy', 'redacted', 'your', 'xxxx', 'here', 'access', 'fake', 'test'];
const KEY_STOPWORDS = ['xxxx', 'zzzz', 'aaaaaaa', 'pacific', 'asianews', 'account', 'access', 'secret'];

/** Retries `make` until its value is clear of the stopwords (a random value holds one about 1 time in 2,000). */
function until(make: () => string, words: readonly string[]): string {
  for (;;) {
    const value = make();
    if (value !== '' && clear(value, words) && !value.includes('EXAMPLE') && !/^eyJ/.test(value)) return value;
  }
}

/** A random secret with a run of exactly 4 equal characters (`…uuuu…`), and none longer. */
export function secretWithRepeat(random: Random): string {
  return until(() => {
    const c = pickFrom(random, BASE64, 1);
    const at = Math.floor(random() * 37);
    const s = randomSecret(random);
    const value = s.slice(0, at) + c.repeat(4) + s.slice(at + 4);
    return /(.)\1{4}/.test(value) ? '' : value;
  }, SECRET_STOPWORDS);
}

/** A random secret made of letters only (both cases), like about 1 real secret in 4,000. */
export function lettersOnlySecret(random: Random): string {
  return until(() => {
    const value = pickFrom(random, LETTERS, 40);
    return /[a-z]/.test(value) && /[A-Z]/.test(value) ? value : '';
  }, SECRET_STOPWORDS);
}

/** A random secret with no upper-case letter (lower case, digits, / and +): one letter case. */
export function singleCaseSecret(random: Random): string {
  return until(() => {
    const value = pickFrom(random, BASE64.slice(26), 40);
    return /[a-z]/.test(value) && /[0-9]/.test(value) ? value : '';
  }, SECRET_STOPWORDS);
}

/** A random secret that otherwise passes every gate (a fresh draw until it does: `passes` is the engine's check). */
export function plainSecret(random: Random, passes: (secret: string) => boolean): string {
  for (;;) {
    const value = randomSecret(random);
    if (passes(value)) return value;
  }
}

/** A random key ID that otherwise passes every gate. */
export function plainKeyId(random: Random, passes: (keyId: string) => boolean): string {
  for (;;) {
    const value = randomKeyId(random);
    if (passes(value)) return value;
  }
}

const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXZ';
const VOWELS = 'AEIOU';

/** A key ID that reads like words: AKIA + 16 letters alternating consonant and vowel (no digit, half vowels). */
export function pronounceableKeyId(random: Random): string {
  return until(() => {
    let body = '';
    for (let i = 0; i < 16; i++) body += pickFrom(random, i % 2 === 0 ? CONSONANTS : VOWELS, 1);
    return 'AKIA' + body;
  }, KEY_STOPWORDS);
}

/** A key ID with a run of exactly 5 equal base32 characters (the key ID rule's soft maxRepeat is 4). */
export function keyIdWithRepeat(random: Random): string {
  return until(() => {
    const at = Math.floor(random() * 12);
    const c = pickFrom(random, BASE32, 1);
    const body = pickFrom(random, BASE32, 16);
    const value = 'AKIA' + body.slice(0, at) + c.repeat(5) + body.slice(at + 5);
    return /(.)\1{5}/.test(value) ? '' : value;
  }, KEY_STOPWORDS);
}

export { seeded };

/** The two lines of a credentials file. */
export function namedPair(keyId: string, secret: string): string {
  return `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
}
