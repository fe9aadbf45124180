// `keywarden remediate` as users run it: its inputs (--report, --key, its own scan), its errors (one line,
// exit 2), "nothing to remediate" (exit 0), --output, and the short playbook that follows a text scan.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortPlaybook } from '../src/remediation/hint.js';
import { type CliResult } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';
import { COMMIT_A, Fakes, finding, reportOf } from './support/remediation-fakes.js';

function inDir(files: Record<string, string>): string {
  const dir = tempDir('keywarden-remediate-');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('remediate --report', () => {
  const valid = () => reportOf([finding('access-key-id', new Fakes(1).keyId('AKIA', '111122223333'), null, 'a.env', 1, COMMIT_A)]);

  it('rejects a bad report file in one line with exit 2', async () => {
    const cases: Array<[string, RegExp]> = [
      ['{not json', /report\.json is not JSON/],
      ['[]', /not a keywarden version-1 JSON report: the top level is not an object/],
      [JSON.stringify({ ...valid(), version: 2 }), /"version" is 2, expected 1/],
      [JSON.stringify({ ...valid(), tool: { name: 'gitleaks' } }), /"tool\.name" is not "keywarden"/],
      [JSON.stringify({ ...valid(), findings: {} }), /"findings" is not an array/],
      [JSON.stringify({ ...valid(), findings: [{ ...valid().findings[0], line: 0 }] }), /findings\[0\]\.line must be a positive integer/],
      [JSON.stringify({ ...valid(), findings: [{ ...valid().findings[0], secret: 5 }] }), /findings\[0\]\.secret must be a non-empty string/],
      [JSON.stringify({ ...valid(), findings: [{ ...valid().findings[0], commit: 'abc' }] }), /findings\[0\]\.commit must be null or have a "sha"/],
    ];
    for (const [content, pattern] of cases) expectOneLineError(await runKeywarden(['remediate', '--report', 'report.json'], { cwd: inDir({ 'report.json': content }) }), pattern);
    expectOneLineError(await runKeywarden(['remediate', '--report', 'missing.json'], { cwd: inDir({}) }), /cannot read --report missing\.json: ENOENT/);
  });

  it('accepts a report with a UTF-8 BOM and reads its keys', async () => {
    const report = valid();
    const result = await runKeywarden(['remediate', '--report', 'r.json', '--format', 'json'], { cwd: inDir({ 'r.json': '\uFEFF' + JSON.stringify(report) }) });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).keys[0].keyId).toBe(report.findings[0].secret);
  });

  it('reads the report from standard input with --report -, so unredacted secrets never touch the disk', async () => {
    const fakes = new Fakes(2);
    const keyId = fakes.keyId('AKIA', '111122223333');
    const secret = fakes.secret();
    const report = reportOf([finding('access-key-id', keyId, null, 'a.env', 1, COMMIT_A), finding('secret-access-key', secret, keyId, 'a.env', 2, COMMIT_A)]);
    const out = path.join(tempDir('keywarden-expr-'), 'r.txt');
    const result = await runKeywarden(['remediate', '--report', '-', '--replacements', out, '--format', 'json'], { cwd: inDir({}), input: JSON.stringify(report) });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).keys[0].keyId).toBe(keyId);
    expect(readFileSync(out, 'utf8')).toContain(`${secret}==>`);
    expectOneLineError(await runKeywarden(['remediate', '--report', '-'], { cwd: inDir({}), input: '{' }), /--report - \(standard input\) is not JSON/);
  });

  it('says so and exits 0 when the report has no findings', async () => {
    const dir = inDir({ 'r.json': JSON.stringify(reportOf([])) });
    const text = await runKeywarden(['remediate', '--report', 'r.json'], { cwd: dir });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toBe('Nothing to remediate: no AWS credentials found.\n');
    const json = await runKeywarden(['remediate', '--report', 'r.json', '--format', 'json'], { cwd: dir });
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, keys: [], summary: { keys: 0 } });
  });

  it('refuses scan options together with --report or --key', async () => {
    expectOneLineError(await runKeywarden(['remediate', '--report', 'r.json', '--history'], { cwd: inDir({ 'r.json': '{}' }) }), /drop the scan options/);
    expectOneLineError(await runKeywarden(['remediate', 'some/path', '--key', fakeKeyId()], { cwd: inDir({}) }), /drop the scan options/);
  });
});

describe('remediate --key', () => {
  it('builds the playbook for key IDs given on the command line, in order, without duplicates', async () => {
    const first = fakeKeyId('AKIA');
    const second = fakeKeyId('ASIA');
    const result = await runKeywarden(['remediate', '--key', first, '--key', second.toLowerCase(), '--key', first, '--format', 'json'], { cwd: inDir({}) });
    expect(result.status, result.stderr).toBe(0);
    const playbook = JSON.parse(result.stdout);
    expect(playbook.keys.map((key: { keyId: string }) => key.keyId)).toEqual([first, second]);
    expect(playbook.keys[1].steps[1].id).toBe('revoke-sessions');
    expect(playbook.summary.scanMode).toBeNull();
    expect(playbook.history.expressions.missing).toContain('Only key IDs are known');
  });

  it('rejects something that is not an access key ID', async () => {
    for (const bad of ['AKIA123', 'AIDASP2TPHJSQH3FJXYZ', 'not-a-key', fakeKeyId() + 'X']) {
      expectOneLineError(await runKeywarden(['remediate', '--key', bad], { cwd: inDir({}) }), /--key wants an AWS access key ID/);
    }
  });
});

describe('remediate running its own scan', () => {
  it('scans history, keeps secrets out of the playbook, and writes them only to --replacements', async () => {
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    const repo = Repo.init();
    repo.commit('add config', { 'config.py': `aws_access_key_id = "${keyId}"\naws_secret_access_key = "${secret}"\n` });
    repo.commit('remove it', { 'config.py': 'import os\n' });
    const outside = path.join(tempDir('keywarden-expr-'), 'replacements.txt');
    const result = await runKeywarden(['remediate', '--history', '--replacements', outside, '--output', 'playbook.md', '--format', 'markdown'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const playbook = readFileSync(path.join(repo.dir, 'playbook.md'), 'utf8');
    expect(playbook).toContain(`### Key 1 of 1: \`${keyId}\``);
    expect(playbook).toContain('(commit ');
    expect(playbook).toContain(`git filter-repo --replace-text ${outside}`);
    expect(playbook).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
    expect(readFileSync(outside, 'utf8')).toContain(`${secret}==>***REMOVED-AWS-SECRET-ACCESS-KEY***\n`);
    // The scan changed nothing in the repository beyond the --output file it was asked to write.
    expect(repo.git('status', '--porcelain').trim()).toBe('?? playbook.md');
  });

  it('warns when --replacements is inside the scanned folder', async () => {
    const repo = Repo.init();
    repo.commit('add', { 'a.env': `AWS_ACCESS_KEY_ID=${fakeKeyId()}\nAWS_SECRET_ACCESS_KEY=${fakeSecret()}\n` });
    const result = await runKeywarden(['remediate', '--history', '--replacements', 'repl.txt'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: repl\.txt is inside .*: never commit it/);
    expect(existsSync(path.join(repo.dir, 'repl.txt'))).toBe(true);
  });

  it('treats staged credentials as caught before any commit: nothing to rewrite', async () => {
    const keyId = fakeKeyId();
    const repo = Repo.init();
    repo.commit('init', { 'README.md': 'hello\n' });
    repo.write('deploy.sh', `export AWS_ACCESS_KEY_ID=${keyId}\nexport AWS_SECRET_ACCESS_KEY=${fakeSecret()}\n`);
    repo.git('add', 'deploy.sh');
    const result = await runKeywarden(['remediate', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    const playbook = JSON.parse(result.stdout);
    expect(playbook.keys[0].keyId).toBe(keyId);
    expect(playbook.history.needed).toBe(false);
    expect(playbook.notes.join(' ')).toContain('before any commit');
    expect(playbook.keys[0].steps[0].text.join(' ')).toContain('git restore --staged');
  });

  it('exits 0 with "nothing to remediate" on a clean folder, and 2 on a scan error', async () => {
    const clean = await runKeywarden(['remediate', inDir({ 'a.txt': 'nothing here\n' })]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('Nothing to remediate');
    expectOneLineError(await runKeywarden(['remediate', 'no/such/path'], { cwd: inDir({}) }), /no such file or directory/);
  });
});

describe('the short playbook after a text scan', () => {
  it('follows a text report with findings and names the key and the full command', async () => {
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    const dir = inDir({ 'app.env': `AWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n` });
    const result = await runKeywarden(['scan', dir]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('What to do now:');
    expect(result.stdout).toContain(`--access-key-id ${keyId} --status Inactive`);
    expect(result.stdout).toContain('keywarden remediate');
    expect(result.stdout).not.toContain(secret);
    expect((await runKeywarden(['scan', inDir({ 'a.txt': 'clean\n' })])).stdout).not.toContain('What to do now');
  });

  it('adapts to committed findings, temporary keys, many keys and secrets without a key ID', async () => {
    const fakes = new Fakes(3);
    const keys = Array.from({ length: 7 }, (_, i) => fakes.keyId(i === 0 ? 'ASIA' : 'AKIA', '111122223333'));
    const findings = [
      ...keys.map((key, i) => finding('access-key-id', key, null, 'f', i + 1, COMMIT_A)),
      finding('secret-access-key', fakes.secret(), null, 'f', 20, COMMIT_A),
    ];
    const text = shortPlaybook(findings);
    expect(text).toContain('was pushed, treat the key as public');
    expect(text).toContain(`${keys[0]}: IAM console → Roles`);
    for (const key of keys.slice(1, 5)) expect(text).toContain(`--access-key-id ${key} --status Inactive`);
    expect(text).not.toContain(keys[5]);
    expect(text).toContain('…and 2 more keys');
    expect(text).toContain('1 secret without a key ID');
    const uncommitted = shortPlaybook([finding('secret-access-key', fakes.secret(), null, 'f', 1, null)]);
    expect(uncommitted).toContain('Take the credentials out of the files');
    expect(uncommitted).toContain('  2. 1 secret without a key ID');
  });
});
