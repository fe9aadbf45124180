// The offline account decoder (src/aws/account.ts) against key IDs whose accounts were published with them,
// and against older-format IDs that encode no account.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountIdFromKeyId } from '../src/aws/account.js';
import { isAccessKeyId, keyTypeOf } from '../src/aws/key-id.js';
import { Fakes } from './support/remediation-fakes.js';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { tempDir } from './support/repo.js';

// Published examples: key IDs only (never secrets), each printed next to its account by its source.
const PUBLISHED: Array<[keyId: string, account: string, source: string]> = [
  // Aidan Steele, "AWS Access Key ID formats" (2020), and Tal Be'ery, "A short note on AWS KEY ID" (2023).
  ['ASIAY34FZKBOKMUTVV7A', '609629065308', 'https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489'], // keywarden:allow
  // psanford/aws-account-id-from-key, README example.
  ['ASIAVJ2E6QGR2WZILJFM', '364679954851', 'https://github.com/psanford/aws-account-id-from-key'], // keywarden:allow
  // The aws_account_id_from_key_id crate's documented example.
  ['AKIASP2TPHJSQH3FJXYZ', '171436882533', 'https://docs.rs/aws_account_id_from_key_id'], // keywarden:allow
];

describe('accountIdFromKeyId', () => {
  it.each(PUBLISHED)('decodes %s to its published account %s', async (keyId, account) => {
    expect(accountIdFromKeyId(keyId)).toBe(account);
  });

  it('gives null for older-format IDs (fifth character I or J)', async () => {
    // The AWS documentation's own example is an old-format ID.
    expect(accountIdFromKeyId('AKIAIOSFODNN7EXAMPLE')).toBeNull();
    expect(accountIdFromKeyId('AKIAJ' + 'QGR2WZILJFMABCDE'.slice(0, 15))).toBeNull();
    expect(accountIdFromKeyId('ASIAI' + 'ABCDEFGHIJKLMNO')).toBeNull();
  });

  it('gives null for any ID without the new-format bit and for malformed input', async () => {
    for (const fifth of 'ABCDEFGHKLMNOP') expect(accountIdFromKeyId('AKIA' + fifth + 'ZZZZZZZZZZZZZZZ'), fifth).toBeNull();
    expect(accountIdFromKeyId('')).toBeNull();
    expect(accountIdFromKeyId('AKIA')).toBeNull();
    expect(accountIdFromKeyId('akiasp2tphjsqh3fjxyz')).toBeNull();
    expect(accountIdFromKeyId('AKIASP2TPHJSQH3FJXY0')).toBeNull(); // 0 is not base32
    expect(accountIdFromKeyId('AKIASP2TPHJSQH3FJXYZZ')).toBeNull(); // 21 characters
  });

  it('keeps the 12-digit form with leading zeros, and refuses values past 12 digits', async () => {
    // Build IDs from chosen accounts: flag bit, 40 account bits, 7 low bits, then base32 of the 10 bytes.
    for (const account of [0n, 1n, 42n, 999_999_999_999n, 123_456_789_012n]) {
      const keyId = 'AKIA' + encode((1n << 47n) | (account << 7n) | 0x55n);
      expect(accountIdFromKeyId(keyId)).toBe(account.toString().padStart(12, '0'));
    }
    // 40 bits reach 13 digits, which no account has (a random fake key, not a real one).
    for (const account of [1_000_000_000_000n, (1n << 40n) - 1n]) {
      expect(accountIdFromKeyId('AKIA' + encode((1n << 47n) | (account << 7n) | 0x55n))).toBeNull();
    }
  });
});

describe('key ID shape and type', () => {
  it('knows the access key prefixes', async () => {
    expect(keyTypeOf('AKIASP2TPHJSQH3FJXYZ')).toBe('long-term'); // keywarden:allow
    expect(keyTypeOf('ASIAY34FZKBOKMUTVV7A')).toBe('temporary'); // keywarden:allow
    expect(keyTypeOf('AIDASP2TPHJSQH3FJXYZ')).toBe('unknown');
    expect(isAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(isAccessKeyId('AKIAIOSFODNN7EXAMPL')).toBe(false);
    expect(isAccessKeyId('AIDASP2TPHJSQH3FJXYZ')).toBe(false);
  });
});

/** 48 bits (the first 6 bytes) followed by 32 zero bits, as 16 base32 characters. */
function encode(first6: bigint): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const all = first6 << 32n; // 80 bits
  let out = '';
  for (let i = 15; i >= 0; i--) out += alphabet[Number((all >> BigInt(i * 5)) & 31n)];
  return out;
}

describe('accountId in scan findings', () => {
  it('is decoded for a newer-format key ID and null for an old-format one', async () => {
    const fakes = new Fakes(11);
    const newer = fakes.keyId('AKIA', '210987654321');
    const older = fakes.oldKeyId();
    const dir = tempDir('keywarden-account-');
    writeFileSync(path.join(dir, 'a.env'), `AWS_ACCESS_KEY_ID=${newer}\n`);
    writeFileSync(path.join(dir, 'b.env'), `AWS_ACCESS_KEY_ID=${older}\n`);
    const report = jsonReport(await runKeywarden(['scan', dir, '--format', 'json']));
    const byKey = new Map(report.findings.map((f: { secret: string; accountId: string | null }) => [f.secret, f.accountId]));
    expect(byKey.get(newer)).toBe('210987654321');
    expect(byKey.get(older)).toBeNull();
  });
});
