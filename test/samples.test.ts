// samples/ shows what keywarden finds (samples/leaky) and what it rightly leaves alone (samples/clean).
// The real CLI scans the folder; the findings must be exactly these, and every sample file must be listed
// in samples/README.md, so a new sample cannot be added without saying what it shows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReport, ROOT, runCli } from './support/cli.js';

const EXPECTED: Array<[file: string, rule: string, line: number, column: number]> = [
  ['leaky/.env', 'access-key-id', 4, 19],
  ['leaky/.env', 'secret-access-key', 5, 23],
  ['leaky/Uploader.java', 'secret-access-key', 3, 47],
  ['leaky/Uploader.java', 'secret-access-key', 5, 57],
  ['leaky/aws-credentials', 'access-key-id', 2, 21],
  ['leaky/aws-credentials', 'secret-access-key', 3, 25],
  ['leaky/aws-credentials', 'access-key-id', 6, 19],
  ['leaky/aws-credentials', 'secret-access-key', 7, 23],
  ['leaky/aws-credentials', 'access-key-id', 11, 21],
  ['leaky/aws-credentials', 'secret-access-key', 12, 25],
  ['leaky/aws-credentials', 'session-token', 13, 21],
  ['leaky/ci-bot_credentials.csv', 'access-key-id', 2, 9],
  ['leaky/ci-bot_credentials.csv', 'secret-access-key', 2, 30],
  ['leaky/config.json', 'secret-access-key', 4, 25],
  ['leaky/credentials.csv', 'access-key-id', 2, 1],
  ['leaky/credentials.csv', 'secret-access-key', 2, 22],
  ['leaky/k8s-secret.yaml', 'access-key-id', 7, 22],
  ['leaky/k8s-secret.yaml', 'secret-access-key', 8, 26],
  ['leaky/main.tf', 'access-key-id', 3, 17],
  ['leaky/main.tf', 'secret-access-key', 4, 17],
  ['leaky/presigned-url.txt', 'access-key-id', 2, 91],
  ['leaky/presigned-url.txt', 'session-token', 2, 249],
  ['leaky/s3-client.ts', 'access-key-id', 6, 19],
  ['leaky/s3-client.ts', 'secret-access-key', 7, 23],
  ['leaky/s3-client.ts', 'session-token', 8, 20],
  ['leaky/upload.py', 'access-key-id', 5, 24],
  ['leaky/upload.py', 'secret-access-key', 6, 28],
];

describe('samples/', () => {
  const result = runCli(['scan', 'samples', '--format', 'json']);
  const report = jsonReport(result);

  it('exits 1 with exactly the expected findings, and none in samples/clean', () => {
    expect(result.status, result.stderr).toBe(1);
    const found = report.findings.map((f: any) => [f.file.replace(/^samples\//, ''), f.ruleId.replace(/^aws-/, ''), f.line, f.column]);
    expect(found).toEqual(EXPECTED);
    expect(report.findings.filter((f: any) => f.file.startsWith('samples/clean/'))).toEqual([]);
  });

  it('pairs every secret and token with its key ID where the sample has one', () => {
    const byFile = (file: string) => report.findings.filter((f: any) => f.file === `samples/${file}`);
    for (const file of ['leaky/.env', 'leaky/credentials.csv', 'leaky/ci-bot_credentials.csv', 'leaky/main.tf', 'leaky/upload.py', 'leaky/s3-client.ts', 'leaky/k8s-secret.yaml', 'leaky/aws-credentials']) {
      const ids = byFile(file).filter((f: any) => f.kind === 'access-key-id').map((f: any) => f.secret);
      for (const secret of byFile(file).filter((f: any) => f.kind !== 'access-key-id')) expect(ids, file).toContain(secret.keyId);
    }
  });

  it('points at the secret itself: the sample text at line/column starts with the (unredacted) value', () => {
    const whole = jsonReport(runCli(['scan', 'samples', '--format', 'json', '--no-redact']));
    for (const f of whole.findings) {
      const text = readFileSync(path.join(ROOT, f.file), 'utf8').replace(/^\uFEFF/, '');
      const line = text.split('\n')[f.line - 1];
      const raw = line.slice(f.column - 1, f.endColumn - 1);
      // Encoded samples (base64, URL, JSON \/ escapes, concatenation) point at the encoded text.
      const decoded = [raw, decodeURIComponent(raw), raw.replaceAll('\\/', '/'), Buffer.from(raw, 'base64').toString()];
      if (f.endLine === f.line) expect(decoded, `${f.file}:${f.line}`).toContain(f.secret);
    }
  });

  it('redacts secret keys and tokens but shows key IDs whole by default', () => {
    for (const f of report.findings) {
      if (f.kind === 'access-key-id') expect(f.secret).toMatch(/^A[KS]IA[A-Z2-7]{16}$/);
      else expect(f.secret).toContain('*');
    }
  });

  it('lists every sample file in samples/README.md', () => {
    const readme = readFileSync(path.join(ROOT, 'samples', 'README.md'), 'utf8');
    for (const dir of ['leaky', 'clean']) {
      for (const name of readdirSync(path.join(ROOT, 'samples', dir))) expect(readme, `${dir}/${name}`).toContain(`${dir}/${name}`);
    }
  });
});
