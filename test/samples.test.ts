// samples/ shows what keywarden finds (samples/leaky) and what it rightly leaves alone (samples/clean).
// The real CLI scans the folder; the findings must be exactly those samples/expected.json lists (what `npm
// start` checks too), and every sample file must be listed in samples/README.md, so a new sample cannot be
// added without saying what it shows. The text report of samples/ is a golden file (test/golden/text/).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { expectGolden } from './support/golden.js';
import { tempDir } from './support/repo.js';

/** What samples/ holds, kept beside it (samples/expected.json): also what `npm start` checks (build/check-samples.mjs). */
const EXPECTED: Array<{ file: string; ruleId: string; line: number; column: number }> = JSON.parse(readFileSync(path.join(ROOT, 'samples', 'expected.json'), 'utf8')).findings;

const result = await runKeywarden(['scan', 'samples', '--format', 'json']);
const report = jsonReport(result);

describe('samples/', () => {

  it('exits 1 with exactly the expected findings, and none in samples/clean', async () => {
    expect(result.status, result.stderr).toBe(1);
    const found = report.findings.map((f: any) => ({ file: f.file.replace(/^samples\//, ''), ruleId: f.ruleId, line: f.line, column: f.column }));
    expect(found).toEqual(EXPECTED);
    expect(EXPECTED).toHaveLength(27);
    expect(report.findings.filter((f: any) => f.file.startsWith('samples/clean/'))).toEqual([]);
  });

  it('pairs every secret and token with its key ID where the sample has one', async () => {
    const byFile = (file: string) => report.findings.filter((f: any) => f.file === `samples/${file}`);
    for (const file of ['leaky/.env', 'leaky/credentials.csv', 'leaky/ci-bot_credentials.csv', 'leaky/main.tf', 'leaky/upload.py', 'leaky/s3-client.ts', 'leaky/k8s-secret.yaml', 'leaky/aws-credentials']) {
      const ids = byFile(file).filter((f: any) => f.kind === 'access-key-id').map((f: any) => f.secret);
      for (const secret of byFile(file).filter((f: any) => f.kind !== 'access-key-id')) expect(ids, file).toContain(secret.keyId);
    }
  });

  it('points at the secret itself: the sample text at line/column starts with the (unredacted) value', async () => {
    const whole = jsonReport(await runKeywarden(['scan', 'samples', '--format', 'json', '--no-redact']));
    for (const f of whole.findings) {
      const text = readFileSync(path.join(ROOT, f.file), 'utf8').replace(/^\uFEFF/, '');
      const line = text.split('\n')[f.line - 1];
      const raw = line.slice(f.column - 1, f.endColumn - 1);
      // Encoded samples (base64, URL, JSON \/ escapes, concatenation) point at the encoded text.
      const decoded = [raw, decodeURIComponent(raw), raw.replaceAll('\\/', '/'), Buffer.from(raw, 'base64').toString()];
      if (f.endLine === f.line) expect(decoded, `${f.file}:${f.line}`).toContain(f.secret);
    }
  });

  it('redacts secret keys and tokens but shows key IDs whole by default', async () => {
    for (const f of report.findings) {
      if (f.kind === 'access-key-id') expect(f.secret).toMatch(/^A[KS]IA[A-Z2-7]{16}$/);
      else expect(f.secret).toContain('*');
    }
  });

  it('the text report is a table with its details, then the short playbook naming `keywarden remediate samples` (golden)', async () => {
    const text = await runKeywarden(['scan', 'samples']);
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toContain('Full playbook with ready commands: keywarden remediate samples\n');
    expectGolden('text/samples.txt', text.stdout);
  });

  it('npm start ends with one line saying every expected key was found (build/check-samples.mjs)', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toMatch(/&& node build\/check-samples\.mjs$/);
    const check = spawnSync(process.execPath, [path.join(ROOT, 'build', 'check-samples.mjs')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toBe('npm start: all 27 fake credentials in samples/ were found, and nothing in samples/clean/.\n');
  });

  it('the check fails with one clear line when a sample key is not found, or something unexpected is', async () => {
    const copy = path.join(tempDir('keywarden-samples-'), 'samples');
    cpSync(path.join(ROOT, 'samples'), copy, { recursive: true });
    rmSync(path.join(copy, 'leaky', 'main.tf'));
    writeFileSync(path.join(copy, 'clean', 'oops.env'), readFileSync(path.join(ROOT, 'samples', 'leaky', '.env')));
    const check = spawnSync(process.execPath, [path.join(ROOT, 'build', 'check-samples.mjs'), copy], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe(
      'npm start: 2 of 27 fake credentials in samples/ NOT found: leaky/main.tf:3:17 aws-access-key-id, leaky/main.tf:4:17 aws-secret-access-key; ' +
        '2 unexpected findings: clean/oops.env:4:19 aws-access-key-id, clean/oops.env:5:23 aws-secret-access-key\n',
    );
  });

  it('lists every sample file in samples/README.md', async () => {
    const readme = readFileSync(path.join(ROOT, 'samples', 'README.md'), 'utf8');
    for (const dir of ['leaky', 'clean']) {
      for (const name of readdirSync(path.join(ROOT, 'samples', dir))) expect(readme, `${dir}/${name}`).toContain(`${dir}/${name}`);
    }
  });
});
