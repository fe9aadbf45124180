// The --replacements expressions file, proven by use: a real repository holds fake secrets (plain, JSON-escaped,
// URL-encoded, a session token) across several commits and branches; `git filter-repo --replace-text` with
// the generated file must leave none of them in any commit. Where git-filter-repo is not installed (it is
// on CI via apt), that case is skipped and the exact file format is still checked.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeywarden } from './support/run.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';
import { COMMIT_A, Fakes, finding, reportOf } from './support/remediation-fakes.js';

const HAS_FILTER_REPO = spawnSync('git', ['filter-repo', '--version'], { encoding: 'utf8' }).status === 0;

function fixture() {
  const fakes = new Fakes(7);
  const key = fakes.keyId('AKIA', '111122223333');
  const secret = fakes.secret();
  const asia = fakes.keyId('ASIA', '111122223333');
  const asiaSecret = fakes.secret();
  const token = fakes.sessionToken();
  const lone = fakes.secret();
  const findings = [
    finding('access-key-id', key, null, 'app.env', 1, COMMIT_A),
    finding('secret-access-key', secret, key, 'app.env', 2, COMMIT_A),
    finding('access-key-id', asia, null, 'ci.json', 1, COMMIT_A),
    finding('secret-access-key', asiaSecret, asia, 'ci.json', 2, COMMIT_A),
    finding('session-token', token, asia, 'ci.json', 3, COMMIT_A),
    finding('secret-access-key', lone, null, 'notes.txt', 1, COMMIT_A),
  ];
  return { key, secret, asia, asiaSecret, token, lone, findings };
}

async function writeExpressions(findings: ReturnType<typeof fixture>['findings']) {
  const dir = tempDir('keywarden-replace-');
  writeFileSync(path.join(dir, 'report.json'), JSON.stringify(reportOf(findings)));
  const file = path.join(tempDir('keywarden-expr-'), 'replacements.txt');
  writeFileSync(file, 'an older, world-readable file\n', { mode: 0o644 }); // overwritten, and made private
  const result = await runKeywarden(['remediate', '--report', 'report.json', '--replacements', file, '--format', 'json'], { cwd: dir });
  return { result, file };
}

describe('remediate --replacements', () => {
  it('writes the exact --replace-text format: literal==>replacement, longest first, no comments, private mode', async () => {
    const f = fixture();
    const { result, file } = await writeExpressions(f.findings);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('it holds the leaked secrets');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    const url = (value: string) => value.replaceAll('/', '%2F').replaceAll('+', '%2B');
    const expected = [
      [f.token, '***REMOVED-AWS-SESSION-TOKEN***'],
      [f.token.replaceAll('/', '\\/'), '***REMOVED-AWS-SESSION-TOKEN***'],
      [url(f.token), '***REMOVED-AWS-SESSION-TOKEN***'],
      [url(f.token).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), '***REMOVED-AWS-SESSION-TOKEN***'],
      ...[f.secret, f.asiaSecret, f.lone].flatMap((s) => [
        [s, '***REMOVED-AWS-SECRET-ACCESS-KEY***'],
        [s.replaceAll('/', '\\/'), '***REMOVED-AWS-SECRET-ACCESS-KEY***'],
        [url(s), '***REMOVED-AWS-SECRET-ACCESS-KEY***'],
        [url(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), '***REMOVED-AWS-SECRET-ACCESS-KEY***'],
      ]),
      [f.key, '***REMOVED-AWS-ACCESS-KEY-ID***'],
      [f.asia, '***REMOVED-AWS-ACCESS-KEY-ID***'],
    ]
      .filter((pair, index, all) => all.findIndex((other) => other[0] === pair[0]) === index)
      .map(([literal, replacement]) => `${literal}==>${replacement}`);
    expect([...lines].sort()).toEqual([...expected].sort());
    const lengths = lines.map((line) => line.split('==>')[0].length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(lines.some((line) => line.startsWith('#') || line === '')).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // The playbook itself points at the written file and never holds a secret.
    expect(JSON.parse(result.stdout).history.expressions).toMatchObject({ file, written: true, count: lines.length, missing: null });
    for (const value of [f.secret, f.asiaSecret, f.token, f.lone]) expect(result.stdout).not.toContain(value);
  });

  it.skipIf(!HAS_FILTER_REPO)('removes every secret from every commit when git filter-repo runs it', async () => {
    const f = fixture();
    const repo = Repo.init();
    repo.commit('add config', { 'app.env': `AWS_ACCESS_KEY_ID=${f.key}\nAWS_SECRET_ACCESS_KEY=${f.secret}\n` });
    repo.commit('ci session', {
      'ci.json': JSON.stringify({ AccessKeyId: f.asia, SecretAccessKey: f.asiaSecret.replaceAll('/', '\\/'), SessionToken: f.token }) + '\n',
    });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('a note', { 'notes.txt': `old secret: ${f.lone}\nurl: https://example.com/?s=${encodeURIComponent(f.secret)}\n` });
    repo.git('checkout', '-q', 'main');
    repo.git('tag', 'v1', 'feature');
    const { result, file } = await writeExpressions(f.findings);
    expect(result.status, result.stderr).toBe(0);

    // What the playbook says to do: a fresh mirror clone, then filter-repo with the file.
    const mirror = path.join(tempDir('keywarden-mirror-'), 'repo.git');
    const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
    expect(git(path.dirname(mirror), 'clone', '-q', '--mirror', repo.dir, mirror).status).toBe(0);
    const before = git(mirror, 'log', '--all', '-p').stdout;
    for (const value of [f.key, f.secret, f.asia, f.token, f.lone]) expect(before).toContain(value);

    const filtered = git(mirror, 'filter-repo', '--replace-text', file);
    expect(filtered.status, filtered.stderr).toBe(0);
    const after = git(mirror, 'log', '--all', '-p').stdout;
    const forms = [f.key, f.secret, f.asia, f.asiaSecret, f.asiaSecret.replaceAll('/', '\\/'), f.token, f.lone, encodeURIComponent(f.secret)];
    for (const value of forms) expect(after).not.toContain(value);
    expect(after).toContain('AWS_SECRET_ACCESS_KEY=***REMOVED-AWS-SECRET-ACCESS-KEY***');
    expect(after).toContain('***REMOVED-AWS-SESSION-TOKEN***');
    expect(after).toContain('***REMOVED-AWS-ACCESS-KEY-ID***');
    // Branches and tags were rewritten too, and the commits are all still there.
    expect(git(mirror, 'rev-list', '--all', '--count').stdout.trim()).toBe('3');
    expect(git(mirror, 'show', 'v1:notes.txt').stdout).toContain('***REMOVED-AWS-SECRET-ACCESS-KEY***');
  });

  it('refuses to write the file from a redacted report, in one line, exit 2', async () => {
    const f = fixture();
    const redacted = f.findings.map((item) => (item.kind === 'access-key-id' ? item : { ...item, secret: item.secret.slice(0, 4) + '*'.repeat(16) }));
    const dir = tempDir('keywarden-replace-');
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(reportOf(redacted)));
    const blocked = await runKeywarden(['remediate', '--report', 'report.json', '--replacements', 'x.txt'], { cwd: dir });
    expect(blocked.status).toBe(2);
    expect(blocked.stderr.trim().split('\n')).toHaveLength(1);
    expect(blocked.stderr).toContain('--no-redact');
    // Without --replacements the playbook is still produced, and says why the file cannot be complete.
    const playbook = await runKeywarden(['remediate', '--report', 'report.json'], { cwd: dir });
    expect(playbook.status, playbook.stderr).toBe(0);
    expect(playbook.stdout).toContain('redacted');
    expect(playbook.stdout).toContain('--no-redact');
  });
});
