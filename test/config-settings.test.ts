// What each configuration setting does, end to end with the real CLI: path ignores (globs, "!" re-includes, a
// config in a parent folder), allowed values and regexes (global and per rule), disabled rules, entropy
// overrides, custom rules, the size limit, and the three places a config can come from.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';

interface Reported {
  file: string;
  ruleId: string;
  kind: string;
  secret: string;
}

function write(dir: string, file: string, content: string | object): void {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

function credentials(keyId: string, secret: string): string {
  return `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
}

/** A repository-like folder (a .git marker stops the config search) holding the given files. */
function project(files: Record<string, string | object>): string {
  const dir = tempDir('keywarden-settings-');
  mkdirSync(path.join(dir, '.git'));
  for (const [file, content] of Object.entries(files)) write(dir, file, content);
  return dir;
}

async function scan(dir: string, args: string[] = []): Promise<{ result: CliResult; found: Reported[] }> {
  const result = await runKeywarden(['scan', '--format', 'json', ...args], { cwd: dir });
  expect([0, 1], result.stderr).toContain(result.status);
  return { result, found: jsonReport(result).findings };
}

async function allowedCount(dir: string, reason: string, args: string[] = []): Promise<number> {
  const text = (await runKeywarden(['scan', ...args], { cwd: dir })).stdout;
  const match = new RegExp(`(\\d+) allowed by ${reason}`).exec(text);
  return match ? Number(match[1]) : 0;
}

/** The ids of the built-in rules for key IDs and secret keys, learnt from a scan rather than assumed. */
let idRule = '';
let secretRule = '';
beforeAll(async () => {
  const dir = project({ 'creds.ini': credentials(fakeKeyId(), fakeSecret()) });
  const { found } = await scan(dir);
  idRule = found.find((f) => f.kind === 'access-key-id')?.ruleId ?? '';
  secretRule = found.find((f) => f.kind === 'secret-access-key')?.ruleId ?? '';
  expect(idRule, 'the engine finds a key ID in a credentials file').not.toBe('');
  expect(secretRule, 'the engine finds a secret key in a credentials file').not.toBe('');
});

describe('ignorePaths', () => {
  it('ignores globs relative to the config, counts them as allowed, and "!" re-includes', async () => {
    const files: Record<string, string> = {
      'samples/one.ini': credentials(fakeKeyId(), fakeSecret()),
      'samples/keep/two.ini': credentials(fakeKeyId(), fakeSecret()),
      'deep/certs/key.pem': credentials(fakeKeyId(), fakeSecret()),
      'src/samples/not-top.ini': credentials(fakeKeyId(), fakeSecret()),
      'src/app.ini': credentials(fakeKeyId(), fakeSecret()),
    };
    const dir = project({ ...files, '.keywarden.json': { ignorePaths: ['/samples/', '*.pem', '!samples/keep/'] } });
    const { found } = await scan(dir);
    expect(new Set(found.map((f) => f.file))).toEqual(new Set(['samples/keep/two.ini', 'src/samples/not-top.ini', 'src/app.ini']));
    expect(await allowedCount(dir, 'path')).toBe(4);
    const verbose = await runKeywarden(['scan', '--verbose'], { cwd: dir });
    expect(verbose.stderr).toMatch(/allowed by path: samples\/one\.ini:2:/);
  });

  it('still scans a path named on the command line that ignorePaths covers', async () => {
    const dir = project({ 'samples/a.ini': credentials(fakeKeyId(), fakeSecret()), 'src/b.ini': 'clean\n', '.keywarden.json': { ignorePaths: ['samples/'] } });
    expect((await scan(dir)).found).toEqual([]);
    expect((await scan(dir, ['samples'])).found.map((f) => f.file)).toContain('samples/a.ini');
    expect((await scan(dir, ['samples/a.ini'])).found.length).toBeGreaterThan(0);
  });

  it('applies a config found in a parent folder to paths reported relative to a subfolder', async () => {
    const dir = project({
      '.keywarden.json': { ignorePaths: ['pkg/fixtures/', 'build/**/*.ini'] },
      'pkg/fixtures/a.ini': credentials(fakeKeyId(), fakeSecret()),
      'pkg/build/out/b.ini': credentials(fakeKeyId(), fakeSecret()),
      'pkg/src/c.ini': credentials(fakeKeyId(), fakeSecret()),
    });
    const { found } = await scan(path.join(dir, 'pkg'));
    // Reported relative to the working directory; "pkg/fixtures/" is relative to the config's folder and still
    // matches, while "build/**" (anchored at the config's folder) does not reach pkg/build.
    expect(new Set(found.map((f) => f.file))).toEqual(new Set(['build/out/b.ini', 'src/c.ini']));
  });

  it('applies anchored globs to a staged scan run from a subfolder, and reports top-level paths', async () => {
    const repo = Repo.init();
    repo.commit('config', { '.keywarden.json': JSON.stringify({ ignorePaths: ['/fixtures/'] }), 'sub/x.txt': 'x\n' });
    repo.write('fixtures/a.ini', credentials(fakeKeyId(), fakeSecret()));
    const leak = fakeKeyId();
    repo.write('sub/leak.ini', `aws_access_key_id = ${leak}\n`);
    repo.git('add', '-A');
    for (const cwd of [repo.dir, path.join(repo.dir, 'sub')]) {
      expect((await scan(cwd, ['--staged'])).found.map((f) => [f.file, f.secret])).toEqual([['sub/leak.ini', leak]]);
    }
  });

  // Git sources report paths relative to the top level; globs must match them from any subfolder.
  it('applies anchored globs to history and range scans run from a subfolder of the repository', async () => {
    const repo = Repo.init();
    const first = repo.commit('config', { '.keywarden.json': JSON.stringify({ ignorePaths: ['/fixtures/'] }), 'sub/x.txt': 'x\n' });
    const leak = fakeKeyId();
    repo.commit('add', { 'fixtures/a.ini': credentials(fakeKeyId(), fakeSecret()), 'sub/leak.ini': `aws_access_key_id = ${leak}\n` });
    for (const cwd of [repo.dir, path.join(repo.dir, 'sub')]) {
      for (const args of [['--history'], ['--range', `${first}..HEAD`]]) {
        expect((await scan(cwd, args)).found.map((f) => [f.file, f.secret]), `${args[0]} from ${cwd}`).toEqual([['sub/leak.ini', leak]]);
      }
    }
  });

});

describe('allow', () => {
  it('allows exact values everywhere, including the secret paired with an allowed key ID', async () => {
    const [keyId, secret] = [fakeKeyId(), fakeSecret()];
    const other = fakeKeyId();
    const dir = project({ 'a.ini': credentials(keyId, secret), 'b.ini': `id = ${other}\n`, '.keywarden.json': { allow: { secrets: [keyId] } } });
    const { found } = await scan(dir);
    expect(found.map((f) => f.secret)).toEqual([other]);
    // The key ID and its secret in a.ini, and the key ID written in .keywarden.json itself.
    expect(await allowedCount(dir, 'allowlist')).toBe(3);
  });

  it('allows values for one rule only', async () => {
    const [keyId, secret] = [fakeKeyId(), fakeSecret()];
    const dir = project({ 'a.ini': credentials(keyId, secret) });
    write(dir, '.keywarden.json', { allow: { rules: { [secretRule]: { secrets: [secret] } } } });
    const inA = async (): Promise<string[]> => (await scan(dir)).found.filter((f) => f.file === 'a.ini').map((f) => f.ruleId).sort();
    expect(await inA()).toEqual([idRule]);
    // The same value listed under another rule does not allow it.
    write(dir, '.keywarden.json', { allow: { rules: { [idRule]: { secrets: [secret] } } } });
    expect(await inA()).toEqual([idRule, secretRule].sort());
  });

  it('allows by regex, globally and for one rule', async () => {
    const [keyId, secret] = [fakeKeyId(), fakeSecret()];
    const dir = project({ 'a.ini': credentials(keyId, secret), 'b.ini': credentials(fakeKeyId(), fakeSecret()) });
    write(dir, '.keywarden.json', { allow: { regexes: [`^${keyId.slice(0, 12)}`] } });
    expect((await scan(dir)).found.every((f) => f.file === 'b.ini')).toBe(true);
    write(dir, '.keywarden.json', { allow: { rules: { [idRule]: { regexes: ['^A'] } } } });
    const found = (await scan(dir)).found;
    expect(found.map((f) => f.ruleId)).toEqual([secretRule, secretRule]);
  });
});

describe('rules', () => {
  it('disables rules', async () => {
    const dir = project({ 'a.ini': credentials(fakeKeyId(), fakeSecret()) });
    write(dir, '.keywarden.json', { disableRules: [idRule] });
    const found = (await scan(dir)).found;
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => f.ruleId === idRule)).toBe(false);
    // Disabled is not "allowed": nothing is counted for it.
    expect((await runKeywarden(['scan'], { cwd: dir })).stdout).not.toMatch(/allowed/);
  });

  it('overrides a rule’s entropy minimum', async () => {
    const dir = project({ 'a.ini': credentials(fakeKeyId(), fakeSecret()) });
    write(dir, '.keywarden.json', { entropy: { [secretRule]: 7.9 } });
    expect((await scan(dir)).found.some((f) => f.ruleId === secretRule)).toBe(false);
    write(dir, '.keywarden.json', { entropy: { [secretRule]: 0 } });
    expect((await scan(dir)).found.some((f) => f.ruleId === secretRule)).toBe(true);
  });

  it('rejects an unknown rule id in disableRules with exit 2', async () => {
    const dir = project({ '.keywarden.json': { disableRules: ['no-such-rule'] } });
    const result = await runKeywarden(['scan'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/disableRules.*no-such-rule/);
  });

  it('adds custom rules in the patterns/ format', async () => {
    const token = `itk_${'0123456789abcdefghijklmnopqrstuv'.split('').sort(() => Math.random() - 0.5).join('')}`;
    const rule = {
      id: 'internal-token',
      kind: 'internal-token',
      description: 'Our internal service token',
      regex: 'itk_[a-z0-9]{32}',
      keywords: ['itk_'],
      examples: { match: ['token = itk_abcdefghijklmnopqrstuvwxyz012345'], noMatch: [{ text: 'itk_short', reason: 'too short' }] },
    };
    const dir = project({ 'svc.txt': `token: ${token}\n`, '.keywarden.json': { rules: [rule] } });
    // The rule's own example in .keywarden.json is found too: a config is scanned like any other file.
    const found = (await scan(dir)).found;
    expect(found.map((f) => [f.ruleId, f.file])).toEqual([['internal-token', '.keywarden.json'], ['internal-token', 'svc.txt']]);
    write(dir, '.keywarden.json', { rules: [rule], ignorePaths: ['.keywarden.json'] });
    expect((await scan(dir, ['--no-redact'])).found.map((f) => [f.ruleId, f.file, f.secret])).toEqual([['internal-token', 'svc.txt', token]]);
    write(dir, '.keywarden.json', { rules: [{ ...rule, regex: '(unclosed' }] });
    const bad = await runKeywarden(['scan'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.keywarden\.json: rules\[0\]: regex: /);
  });
});

describe('maxFileSize and where the config comes from', () => {
  it('skips files over the configured size, and --max-file-size overrides it', async () => {
    const dir = project({ 'big.ini': credentials(fakeKeyId(), fakeSecret()) + '#'.repeat(4096) + '\n', '.keywarden.json': { maxFileSize: '2KB' } });
    expect((await scan(dir)).found).toEqual([]);
    expect((await runKeywarden(['scan', '--verbose'], { cwd: dir })).stderr).toMatch(/skipped big\.ini: .*2048-byte limit/);
    expect((await scan(dir, ['--max-file-size', '1MB'])).found.length).toBeGreaterThan(0);
  });

  it('reads the "keywarden" key of package.json', async () => {
    const dir = project({ 'fixtures/a.ini': credentials(fakeKeyId(), fakeSecret()), 'package.json': { name: 'app', keywarden: { ignorePaths: ['fixtures/'] } } });
    expect((await scan(dir)).found).toEqual([]);
    expect(await allowedCount(dir, 'path')).toBe(2);
  });

  it('uses --config FILE instead of the nearest config, with globs relative to the working directory', async () => {
    const dir = project({
      'fixtures/a.ini': credentials(fakeKeyId(), fakeSecret()),
      '.keywarden.json': { ignorePaths: ['nothing/'] },
      'ci/keywarden.json': { ignorePaths: ['/fixtures/'] },
    });
    expect((await scan(dir)).found.length).toBeGreaterThan(0);
    expect((await scan(dir, ['--config', 'ci/keywarden.json'])).found).toEqual([]);
    // A shared config kept outside the repository works the same way.
    const shared = path.join(tempDir('keywarden-shared-'), 'org.json');
    writeFileSync(shared, JSON.stringify({ ignorePaths: ['/fixtures/'] }));
    expect((await scan(dir, ['--config', shared])).found).toEqual([]);
  });
});
