// Hostile scale: one file of 130,000 named values, a folder of 130,000 files each left unread with a note.
// Both once crashed ("Maximum call stack size exceeded": lists spread into one push) after minutes (every
// report field asked about every secret for redaction); the redaction of many secrets must stay exact.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact, secretRedactor } from '../src/findings.js';
import type { Located } from '../src/types.js';
import { runCli } from './support/cli.js';
import { fakeSecret } from './support/fakes.js';
import { seeded } from './support/random.js';
import { tempDir } from './support/repo.js';

/** What secretRedactor does with few secrets: every text asked about every secret, longest first. */
function maskedOneByOne(located: Located[], text: string): string {
  const byLength = [...new Set(located.map((item) => item.secret))].sort((a, b) => b.length - a.length);
  for (const secret of byLength) text = text.replaceAll(secret, redact('secret-access-key', secret));
  return text;
}

describe('many findings', () => {
  it('masks a text holding any of hundreds of secrets as it masks one holding any of a few', () => {
    const next = seeded(97);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
    const pick = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const secrets: string[] = [];
    for (let i = 0; i < 300; i++) {
      const roll = next();
      // Some share their first characters, some hold another secret, some are held by one: longest first matters.
      if (roll < 0.2 && secrets.length > 0) secrets.push(secrets[Math.floor(next() * secrets.length)].slice(0, 8) + pick(30));
      else if (roll < 0.35 && secrets.length > 0) secrets.push(pick(3) + secrets[Math.floor(next() * secrets.length)] + pick(3));
      else secrets.push(pick(6 + Math.floor(next() * 50)));
    }
    const located = secrets.map((secret) => ({ kind: 'secret-access-key', secret }) as Located);
    const redactText = secretRedactor(located);
    let masked = 0;
    for (let round = 0; round < 400; round++) {
      const parts: string[] = [];
      for (let k = 0; k < 6; k++) parts.push(next() < 0.5 ? secrets[Math.floor(next() * secrets.length)] : pick(Math.floor(next() * 20)));
      const text = parts.join(next() < 0.5 ? ' ' : '');
      const expected = maskedOneByOne(located, text);
      expect(redactText(text), text).toBe(expected);
      if (expected !== text) masked++;
    }
    expect(masked).toBeGreaterThan(300);
  });

  it('reports a file of 130,000 named values, each once', () => {
    const dir = tempDir('keywarden-many-');
    const lines = Array.from({ length: 130000 }, () => `aws_secret = ${fakeSecret()}\n`);
    writeFileSync(path.join(dir, 'fixtures.txt'), lines.join(''));
    const result = runCli(['scan', 'fixtures.txt', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.findings).toHaveLength(130000);
    expect(report.findings[129999].line).toBe(130000);
  });

  it('counts 130,000 files left unread, on worker threads as on one', () => {
    const dir = tempDir('keywarden-many-');
    mkdirSync(path.join(dir, 'tree'));
    for (let i = 0; i < 130000; i++) writeFileSync(path.join(dir, 'tree', `f${i}.txt`), 'xy');
    for (const threads of ['1', '0']) {
      const result = runCli(['scan', 'tree', '--max-file-size', '1'], { cwd: dir, env: { KEYWARDEN_FILE_THREADS: threads } });
      expect(result.status, `${threads}: ${result.stderr}`).toBe(0);
      expect(result.stderr, threads).toMatch(/^keywarden: 130000 files skipped/m);
    }
  });
});
