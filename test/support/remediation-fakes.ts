// Deterministic fakes for the remediation golden files: a seeded generator (mulberry32) makes the same key
// IDs, secrets and tokens on every run and machine, so golden files can hold placeholders ({{KEY1}}) that the
// test substitutes. Key IDs are built to decode to a chosen account. Nothing here is, or was, a real key.
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../../src/types.js';
import { seeded } from './random.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class Fakes {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seeded(seed);
  }

  pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A newer-format key ID that decodes to `account` (flag bit, 40 account bits, 7 + 32 random bits). */
  keyId(prefix: 'AKIA' | 'ASIA', account: string): string {
    const low = BigInt(Math.floor(this.next() * 128));
    const tail = BigInt(Math.floor(this.next() * 2 ** 32));
    const value = ((((1n << 47n) | (BigInt(account) << 7n) | low) << 32n) | tail) as bigint;
    let out = '';
    for (let i = 15; i >= 0; i--) out += BASE32[Number((value >> BigInt(i * 5)) & 31n)];
    return prefix + out;
  }

  /** An older-format key ID (fifth character I): no account can be decoded from it. */
  oldKeyId(): string {
    return 'AKIAI' + this.pick(BASE32, 15);
  }

  secret(): string {
    for (;;) {
      const secret = this.pick(SECRET_ALPHABET, 40);
      if (/[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) && /[/+]/.test(secret)) return secret;
    }
  }

  sessionToken(): string {
    return 'IQoJb3JpZ2luX2Vj' + this.pick(B64, 340);
  }
}

export const COMMIT_A = { sha: '1f2e3d4c5b6a79880123456789abcdef01234567', author: 'Test Author', email: 'author@example.com', date: '2024-01-01T00:00:00Z', message: 'add config' };
export const COMMIT_B = { sha: '9a8b7c6d5e4f30211234567890abcdef12345678', author: 'Test Author', email: 'author@example.com', date: '2024-01-02T00:00:00Z', message: 'deploy script' };

/** A finding as the pipeline writes it with --no-redact. */
export function finding(kind: Finding['kind'], secret: string, keyId: string | null, file: string, line: number, commit: Finding['commit']): Finding {
  const ruleId = kind === 'access-key-id' ? 'aws-access-key-id' : kind === 'secret-access-key' ? 'aws-secret-access-key' : 'aws-session-token';
  return {
    ruleId,
    kind,
    file,
    line,
    column: 5,
    endLine: line,
    endColumn: 5 + secret.length,
    secret,
    fingerprint: createHash('sha256').update(`${ruleId}\0${file}\0${secret}`).digest('hex').slice(0, 32),
    entropy: 4.2,
    confidence: 'high',
    keyId,
    accountId: null,
    commit,
  };
}

export function reportOf(findings: Finding[], mode: Report['scan']['mode'] = 'history'): Report {
  return { version: 1, tool: { name: 'keywarden', version: '0.1.0' }, scan: { mode, target: 'all refs', durationMs: 1, bytes: 1, files: 1, commits: 2 }, findings };
}
