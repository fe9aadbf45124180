// Baselines: what is stored (fingerprints and readable facts, never a secret, line or commit), that the file is
// byte-stable and merges cleanly in real git, and that it keeps matching through the edits, rebases and squashes
// that break other tools' baselines, while the same secret pasted into a new file is still reported.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBaseline, serializeBaseline } from '../src/config/baseline.js';
import { fingerprintOf } from '../src/findings.js';
import type { Finding } from '../src/types.js';
import { type CliResult, jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';

function finding(file: string, secret: string, ruleId = 'aws-access-key-id', kind = 'access-key-id'): Finding {
  return {
    ruleId, kind, file, line: 7, column: 3, endLine: 7, endColumn: 23, secret,
    fingerprint: fingerprintOf(ruleId, file, secret), entropy: 3.5, confidence: 'high', keyId: null, accountId: null,
    commit: { sha: 'f'.repeat(40), author: 'a', email: 'a@example.com', date: '2024-01-01T00:00:00Z', message: 'm' },
  };
}

/** A credentials file the detection rules find: a key ID and its secret key, with the usual names. */
function credentials(keyId = fakeKeyId(), secret = fakeSecret()): string {
  return `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
}

function findings(result: CliResult): Array<{ file: string; ruleId: string; fingerprint: string; secret: string }> {
  return jsonReport(result).findings;
}

function expectClean(result: CliResult): void {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(jsonReport(result).findings).toEqual([]);
}

describe('baseline file format', () => {
  it('stores fingerprints with file, rule, kind and key ID, but no secret, line or commit', async () => {
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    const text = serializeBaseline([finding('a.env', keyId), { ...finding('a.env', secret, 'aws-secret-access-key', 'secret-access-key'), keyId }]);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('f'.repeat(40));
    expect(text).not.toMatch(/"line"|"column"|"commit"/);
    const entry = JSON.parse(text)[fingerprintOf('aws-secret-access-key', 'a.env', secret)];
    expect(entry).toEqual({ file: 'a.env', ruleId: 'aws-secret-access-key', kind: 'secret-access-key', key: `${keyId.slice(0, 4)}…${keyId.slice(-4)}` });
    // Not even the access key ID is stored whole, so scanning the baseline file finds nothing in it.
    expect(text).not.toContain(keyId);
    expect(parseBaseline(text, 'x').fingerprints).toEqual(new Set([fingerprintOf('aws-access-key-id', 'a.env', keyId), fingerprintOf('aws-secret-access-key', 'a.env', secret)]));
  });

  it('is sorted by file then fingerprint, one entry per line, deduplicated, with a trailing newline, whatever the input order', async () => {
    const items = ['z/b.env', 'a.env', 'm/c.env', 'a.env', 'm/c.env'].map((file) => finding(file, fakeKeyId()));
    items.push(items[1]);
    const text = serializeBaseline(items);
    expect(serializeBaseline([...items].reverse())).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^ {2}"about": /);
    expect(lines[lines.length - 3]).toBe('  "version": 1');
    const entries = lines.slice(2, -3);
    expect(entries).toHaveLength(5);
    for (const line of entries) expect(line).toMatch(/^ {2}"[0-9a-f]{32}": \{"file":"[^"]+","ruleId":"aws-access-key-id","kind":"access-key-id","key":"AKIA…\w{4}"\},$/);
    const order = entries.map((line) => [JSON.parse(`{${line.slice(0, -1)}}`), line.slice(3, 35)] as const).map(([entry, fp]) => `${Object.values(entry as object)[0].file} ${fp}`);
    expect(order).toEqual([...order].sort());
    expect(serializeBaseline([])).toBe(`{\n${lines[1]}\n  "version": 1\n}\n`);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '{ "version": 1,', /^baseline b\.json: invalid JSON/],
    ['a merge conflict', '{\n<<<<<<< HEAD\n  "version": 1\n=======\n>>>>>>> x\n}', /a merge conflict is left in it/],
    ['an array', '[]', /expected a JSON object/],
    ['no version', '{}', /version: missing/],
    ['a newer version', '{"version": 2}', /version: 2 is not a baseline format this keywarden reads \(1\); upgrade keywarden/],
    ['a bad fingerprint', '{"version": 1, "abc": {"file": "a", "ruleId": "r"}}', /abc: not a fingerprint/],
    ['a raw secret smuggled in', `{"version": 1, "${'a'.repeat(32)}": {"file": "a", "ruleId": "r", "secret": "x"}}`, /\.secret: unknown key/],
    ['no file', `{"version": 1, "${'a'.repeat(32)}": {"ruleId": "r"}}`, /\.file: expected the path/],
  ];
  for (const [name, text, pattern] of bad) {
    it(`refuses ${name} with one line`, () => expect(() => parseBaseline(text, 'b.json')).toThrow(pattern));
  }
});

describe('baselines with the CLI', () => {
  it('writes a baseline that suppresses what it recorded, and exits 2 on a bad or missing baseline', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'creds.ini'), credentials());
    const written = await runKeywarden(['baseline', '--output', '.keywarden-baseline.json'], { cwd: dir });
    expect(written.status, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/wrote [1-9]\d* baseline entries to \.keywarden-baseline\.json/);
    expect((await runKeywarden(['scan', '--format', 'json'], { cwd: dir })).status).toBe(1);
    const scanned = await runKeywarden(['scan', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: dir });
    expectClean(scanned);
    expect((await runKeywarden(['scan', '--baseline', '.keywarden-baseline.json'], { cwd: dir })).stdout).toMatch(/No AWS credentials found\. \(\d+ allowed by baseline\)/);
    // Regenerating gives the same bytes.
    const first = readFileSync(path.join(dir, '.keywarden-baseline.json'), 'utf8');
    await runKeywarden(['baseline', '--output', '.keywarden-baseline.json'], { cwd: dir });
    expect(readFileSync(path.join(dir, '.keywarden-baseline.json'), 'utf8')).toBe(first);

    writeFileSync(path.join(dir, 'bad.json'), '{"version": 1, "nope": 1}');
    const bad = await runKeywarden(['scan', '--baseline', 'bad.json'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^keywarden: baseline .*bad\.json: nope: not a fingerprint/)]);
    const missing = await runKeywarden(['scan', '--baseline', 'missing.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^keywarden: baseline .*missing\.json: no such file/);
  });

  it('survives lines inserted above the finding, and reports the same secret pasted into a new file', async () => {
    const dir = tempDir();
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    writeFileSync(path.join(dir, 'creds.ini'), credentials(keyId, secret));
    expect((await runKeywarden(['baseline', '--output', 'base.json'], { cwd: dir })).status).toBe(0);

    writeFileSync(path.join(dir, 'creds.ini'), '# a comment\n\n[other]\nregion = eu-west-1\n\n' + credentials(keyId, secret));
    expectClean(await runKeywarden(['scan', '--format', 'json', '--baseline', 'base.json', 'creds.ini'], { cwd: dir }));

    writeFileSync(path.join(dir, 'deploy.sh'), `export AWS_ACCESS_KEY_ID=${keyId}\nexport AWS_SECRET_ACCESS_KEY=${secret}\n`);
    const pasted = await runKeywarden(['scan', '--format', 'json', '--baseline', 'base.json'], { cwd: dir });
    expect(pasted.status).toBe(1);
    const reported = findings(pasted);
    expect(reported.length).toBeGreaterThan(0);
    expect(new Set(reported.map((f) => f.file))).toEqual(new Set(['deploy.sh']));
  });

  it('survives a rebase and a squash of the commit that introduced the secret (--history and --range)', async () => {
    const repo = Repo.init();
    repo.commit('init', { 'README.md': 'hello\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('add config', { 'config/app.ini': credentials() });
    repo.commit('more work', { 'src/app.txt': 'code\n' });
    const written = await runKeywarden(['baseline', '--history', '--output', '.keywarden-baseline.json'], { cwd: repo.dir });
    expect(written.status, written.stderr).toBe(0);
    const recorded = readFileSync(path.join(repo.dir, '.keywarden-baseline.json'), 'utf8');
    expect(Object.keys(JSON.parse(recorded)).length).toBeGreaterThan(2);
    expectClean(await runKeywarden(['scan', '--history', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));

    // Rebase the feature onto a main that moved on: every feature commit gets a new SHA.
    const before = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'docs/guide.md': 'guide\n' });
    repo.git('checkout', '-q', 'feature');
    repo.git('rebase', '-q', 'main');
    expect(repo.git('rev-parse', 'HEAD').trim()).not.toBe(before);
    const withoutBaseline = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(withoutBaseline.status).toBe(1);
    expectClean(await runKeywarden(['scan', '--history', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));
    expectClean(await runKeywarden(['scan', '--range', 'main..feature', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));

    // Squash the feature into one commit.
    repo.git('reset', '-q', '--soft', 'main');
    repo.git('commit', '-q', '-m', 'feature, squashed');
    expect(repo.git('rev-list', '--count', 'main..feature').trim()).toBe('1');
    expectClean(await runKeywarden(['scan', '--history', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));
    expectClean(await runKeywarden(['scan', '--range', 'main..feature', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));
    // A plain file scan of the working tree agrees.
    expectClean(await runKeywarden(['scan', '--format', 'json', '--baseline', '.keywarden-baseline.json', 'config'], { cwd: repo.dir }));
  });

  it('merges cleanly in git when two branches each add entries for different files', async () => {
    const repo = Repo.init();
    repo.commit('init', { 'm/one.ini': credentials() });
    const regenerate = async (): Promise<void> => {
      const result = await runKeywarden(['baseline', '--output', '.keywarden-baseline.json'], { cwd: repo.dir });
      expect(result.status, result.stderr).toBe(0);
    };
    await regenerate();
    repo.commit('baseline');
    const base = readFileSync(path.join(repo.dir, '.keywarden-baseline.json'), 'utf8');
    expect(base.split('\n').length).toBeGreaterThan(5);

    repo.git('checkout', '-q', '-b', 'left');
    repo.write('a/left.ini', credentials());
    await regenerate();
    repo.commit('left adds a key');
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'right');
    repo.write('z/right.ini', credentials());
    await regenerate();
    repo.commit('right adds a key');

    repo.git('checkout', '-q', 'left');
    repo.git('merge', '-q', '--no-edit', 'right');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    const merged = readFileSync(path.join(repo.dir, '.keywarden-baseline.json'), 'utf8');
    expect(merged).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expectClean(await runKeywarden(['scan', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));
    // The merged file is exactly what regenerating would write: merging kept it sorted.
    await regenerate();
    expect(readFileSync(path.join(repo.dir, '.keywarden-baseline.json'), 'utf8')).toBe(merged);

    // Two branches inserting at the very same place: with `merge=union` git keeps both sides' lines, and since
    // every entry line ends with a comma between fixed first and last lines, the result is still valid.
    repo.commit('union merges', { '.gitattributes': '.keywarden-baseline.json merge=union\n' });
    for (const [branch, file] of [['one', 'b/1.ini'], ['two', 'b/2.ini']]) {
      repo.git('checkout', '-q', '-b', branch, 'left');
      repo.write(file, credentials());
      await regenerate();
      repo.commit(`${branch} adds a key`);
    }
    repo.git('checkout', '-q', 'one');
    repo.git('merge', '-q', '--no-edit', 'two');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    expectClean(await runKeywarden(['scan', '--format', 'json', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }));
  });
});
