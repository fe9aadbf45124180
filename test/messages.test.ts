// Commit and tag messages are pushed like files (issue #14 item 8): `scan --history`, `--range` and the
// pre-receive hook read them (src/sources/git/messages.ts), and the commit-msg hook (`scan --commit-msg`, installed by
// `keywarden init` plain and with husky) blocks a key typed into a message before the commit exists.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, jsonReport, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { globalKeywarden, head, installLocally, tryGit } from './support/git-hooks.js';
import { bareServer, push, serverRef } from './support/git-server.js';
import { Repo, tempDir } from './support/repo.js';

describe('history and range scans read commit messages', () => {
  it('reports a key in a commit message under "commit message" with that commit; a clean message is not reported', async () => {
    const repo = Repo.init();
    repo.commit('first, clean', { 'README.md': 'hi\n' });
    const keyId = fakeKeyId();
    const leaky = repo.commit(`deploy fix\n\nused ${keyId} for the test run`);
    repo.commit('later, clean');
    for (const args of [['--history'], ['--range', 'HEAD~2..HEAD'], ['--range', `${leaky}^!`]]) {
      const result = await runKeywarden(['scan', ...args, '--format', 'json'], { cwd: repo.dir });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      const findings = jsonReport(result).findings;
      expect(findings, args.join(' ')).toHaveLength(1);
      expect(findings[0]).toMatchObject({ file: 'commit message', line: 3, column: 6, secret: keyId });
      expect(findings[0].commit).toMatchObject({ sha: leaky, message: 'deploy fix' });
    }
    // The range without that commit finds nothing.
    const clean = await runKeywarden(['scan', '--range', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(clean.status, clean.stderr).toBe(0);
    expect(jsonReport(clean).findings).toEqual([]);
  });

  it('--history reads the messages of the commits its log lists (every branch, a tag\'s, the stash), with no rev-list of its own', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    const ids = { side: fakeKeyId(), tagged: fakeKeyId(), stash: fakeKeyId(), main: fakeKeyId() };
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit(`side work ${ids.side}`);
    repo.git('checkout', '-q', '--detach', 'main');
    const tagged = repo.commit(`only a tag holds this ${ids.tagged}`);
    repo.git('tag', 'lonely', tagged);
    repo.git('checkout', '-q', 'main');
    const main = repo.commit(`main ${ids.main}`);
    repo.write('README.md', 'changed\n');
    repo.git('stash', 'push', '-q', '-m', `wip ${ids.stash}`);
    const stash = repo.git('rev-parse', 'stash@{0}').trim();
    for (const readers of ['1', '2']) {
      const trace = path.join(tempDir('keywarden-trace-'), 'trace.json');
      const result = runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir, env: { GIT_TRACE2_EVENT: trace, KEYWARDEN_LOG_READERS: readers } });
      expect(result.status, result.stderr).toBe(1);
      const found = jsonReport(result).findings.filter((finding: any) => finding.file === 'commit message').map((finding: any) => [finding.secret, finding.commit.sha]);
      // (The stash's index commit quotes main's subject, and so its key: found there too.)
      expect(found, `readers ${readers}`).toEqual(expect.arrayContaining([[ids.side, side], [ids.tagged, tagged], [ids.stash, stash], [ids.main, main]]));
      expect(new Set(found.map(([secret]: string[]) => secret)), `readers ${readers}`).toEqual(new Set(Object.values(ids)));
      // The only rev-list a whole history's scan may start resolves the log's starting commits (two readers).
      const events = readFileSync(trace, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      const lists = events.filter((event) => event.event === 'start' && event.argv.includes('rev-list') && !event.argv.some((arg: string) => arg.startsWith('--no-walk')));
      expect(lists.map((event) => event.argv.join(' ')), `readers ${readers}`).toEqual([]);
    }
    // A scan of some refs lists their commits itself, and reads their messages the same.
    const some = await runKeywarden(['scan', '--history', 'side', '--format', 'json'], { cwd: repo.dir });
    expect(jsonReport(some).findings.filter((finding: any) => finding.file === 'commit message').map((finding: any) => finding.secret)).toEqual([ids.side]);
  });

  it('masks a secret key in a message in every field (the subject too)', async () => {
    const repo = Repo.init();
    const secret = fakeSecret();
    const sha = repo.commit(`aws_secret_access_key = ${secret}`);
    const result = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).not.toContain(secret);
    const [finding] = jsonReport(result).findings;
    expect(finding).toMatchObject({ file: 'commit message', kind: 'secret-access-key' });
    expect(finding.commit.sha).toBe(sha);
  });

  it('escapes hostile bytes of a message in the text report', async () => {
    const repo = Repo.init();
    const keyId = fakeKeyId();
    repo.commit(`title \x1b[31mred\x1b]0;pwned\x07 ${keyId}\nsecond line\n\n\x1b[2Jbody`);
    const result = await runKeywarden(['scan', '--history'], { cwd: repo.dir, env: { NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('commit message');
    expect(result.stdout).toContain(keyId);
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).not.toContain('\x07');
    expect(result.stdout).toContain('\\x1b[31mred');
  });

  it('reads the raw message: a key after a NUL (which git log %B cuts off) is found', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    const keyId = fakeKeyId();
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    const parent = head(repo);
    const raw = Buffer.from(`tree ${tree}\nparent ${parent}\nauthor A <a@example.com> 1700000000 +0100\ncommitter A <a@example.com> 1700000000 +0100\n\nsubject\n\nbefore\0after ${keyId}\n`, 'latin1');
    const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: repo.dir, input: raw }).toString().trim();
    repo.git('update-ref', 'refs/heads/main', sha);
    const result = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(1);
    const [finding] = jsonReport(result).findings;
    expect(finding).toMatchObject({ file: 'commit message', line: 3, secret: keyId });
    expect(finding.commit).toMatchObject({ sha, author: 'A', email: 'a@example.com', date: '2023-11-14T23:13:20+01:00', message: 'subject' });
  });

  it('--history reads annotated tags\' messages too, named by the tag', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    const keyId = fakeKeyId();
    repo.git('tag', '-a', 'v1.0', '-m', `release\n\nkey ${keyId}`);
    repo.git('tag', '-a', 'v1.1', '-m', 'clean release');
    const result = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(1);
    const findings = jsonReport(result).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'tag message (v1.0)', line: 3, column: 5, secret: keyId, commit: null });
  });
});

describe('scan --pre-receive reads the pushed commits\' messages', () => {
  it('rejects a push whose only key is in a commit message; the ref stays where it was', async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = Repo.init();
    work.commit('first', { 'README.md': 'hello\n' });
    expect(push(work, url, 'main').status).toBe(0);
    const before = serverRef(server, 'refs/heads/main');
    const keyId = fakeKeyId();
    work.commit(`note ${keyId}`, { 'docs/a.md': 'text\n' });
    const result = push(work, url, 'main');
    expect(result.status).not.toBe(0);
    expect(result.remote.join('\n')).toContain(`commit message:1:6 access key ID ${keyId}`);
    expect(serverRef(server, 'refs/heads/main')).toBe(before);
  });
});

describe('scan --commit-msg FILE', () => {
  it('blocks a message with a key (exit 1, "commit message", advice), passes a clean one, and leaves out the -v diff below the scissors', async () => {
    const repo = Repo.init();
    const keyId = fakeKeyId();
    repo.write('msg', `fix\n\nkey ${keyId}\n`);
    const blocked = await runKeywarden(['scan', '--commit-msg', 'msg'], { cwd: repo.dir });
    expect(blocked.status, blocked.stderr).toBe(1);
    expect(blocked.stdout).toContain('commit message');
    expect(blocked.stdout).toContain('Commit blocked: nothing was committed. The commit message holds AWS credentials (line 3)');
    const json = jsonReport(await runKeywarden(['scan', '--commit-msg', 'msg', '--format', 'json'], { cwd: repo.dir }));
    expect(json.scan.mode).toBe('commit-msg');
    expect(json.findings[0]).toMatchObject({ file: 'commit message', line: 3, column: 5, commit: null });

    repo.write('clean', 'fix\n\n# a comment\n');
    expect((await runKeywarden(['scan', '--commit-msg', 'clean'], { cwd: repo.dir })).status).toBe(0);
    // `git commit -v`: the staged diff (here one that removes a key) sits below the scissors line; git drops it.
    repo.write('verbose', `remove the key\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\ndiff --git a/.env b/.env\n-AWS_ACCESS_KEY_ID=${keyId}\n`);
    const verbose = await runKeywarden(['scan', '--commit-msg', 'verbose'], { cwd: repo.dir });
    expect(verbose.status, verbose.stdout).toBe(0);
    // A missing file is a usage error, not a pass.
    const missing = await runKeywarden(['scan', '--commit-msg', 'nope'], { cwd: repo.dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--commit-msg: cannot read nope');
  });
});

describe('the commit-msg hook', () => {
  it('.pre-commit-hooks.yaml declares keywarden-commit-msg for the commit-msg stage, given the message file', async () => {
    const yaml = readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const hook = yaml.slice(yaml.indexOf('\n- id: keywarden-commit-msg\n'));
    expect(hook).toMatch(/^- id: keywarden-commit-msg$/m);
    expect(hook).toMatch(/^ {2}entry: keywarden scan --commit-msg$/m);
    expect(hook).toMatch(/^ {2}stages: \[commit-msg\]$/m);
    // pre-commit passes the message file as the one file name: pass_filenames stays at its default (true).
    expect(hook).not.toMatch(/pass_filenames/);
  });

  it('hooks/commit-msg is POSIX sh and executable', async () => {
    const file = path.join(ROOT, 'hooks', 'commit-msg');
    execFileSync('dash', ['-n', file]);
    expect(readFileSync(file, 'utf8').startsWith('#!/bin/sh\n')).toBe(true);
    expect(statSync(file).mode & 0o111).not.toBe(0);
  });

  it('installed by keywarden init (plain git), blocks `git commit -m <key>` and lets a clean message through', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    const init = await runKeywarden(['init'], { cwd: repo.dir });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("installed keywarden's commit-msg hook in .git/hooks/commit-msg");
    expect(readFileSync(path.join(repo.dir, '.git/hooks/commit-msg'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'hooks', 'commit-msg'), 'utf8'));
    const env = { PATH: `${globalKeywarden()}:${process.env.PATH}` };
    const before = head(repo);
    const keyId = fakeKeyId();
    const blocked = tryGit(repo, ['commit', '--allow-empty', '-m', `oops ${keyId}`], env);
    expect(blocked.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(blocked.output).toContain('commit message');
    expect(blocked.output).toContain('Commit blocked');
    const clean = tryGit(repo, ['commit', '--allow-empty', '-m', 'a clean message'], env);
    expect(clean.status, clean.output).toBe(0);
    expect(head(repo)).not.toBe(before);
  });

  it('leaves someone else\'s commit-msg hook alone without --force (init still succeeds) and chains it with --force', async () => {
    const repo = Repo.init();
    repo.commit('base');
    repo.write('.git/hooks/commit-msg', '#!/bin/sh\necho "theirs $1" > .git/theirs-ran\n');
    execFileSync('chmod', ['+x', path.join(repo.dir, '.git/hooks/commit-msg')]);
    const init = await runKeywarden(['init'], { cwd: repo.dir });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('to do: .git/hooks/commit-msg already exists');
    const forced = await runKeywarden(['init', '--force'], { cwd: repo.dir });
    expect(forced.status, forced.stderr).toBe(0);
    const env = { PATH: `${globalKeywarden()}:${process.env.PATH}` };
    const clean = tryGit(repo, ['commit', '--allow-empty', '-m', 'clean'], env);
    expect(clean.status, clean.output).toBe(0);
    expect(readFileSync(path.join(repo.dir, '.git/theirs-ran'), 'utf8')).toMatch(/^theirs .*COMMIT_EDITMSG/);
  });

  it('installed by keywarden init with husky (.husky/commit-msg), blocks a key in the message', async () => {
    const repo = Repo.init();
    repo.write('package.json', JSON.stringify({ name: 'demo', private: true, devDependencies: { husky: '^9.1.7', keywarden: '^0.1.0' } }, null, 2) + '\n');
    repo.write('.gitignore', 'node_modules/\n');
    installLocally(repo.dir, { husky: true });
    repo.commit('project');
    const init = await runKeywarden(['init'], { cwd: repo.dir });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('created .husky/commit-msg');
    expect(readFileSync(path.join(repo.dir, '.husky/commit-msg'), 'utf8')).toContain('keywarden scan --commit-msg "$1"');
    expect(existsSync(path.join(repo.dir, '.husky/_/commit-msg'))).toBe(true);
    const before = head(repo);
    const blocked = tryGit(repo, ['commit', '--allow-empty', '-m', `oops ${fakeKeyId()}`]);
    expect(blocked.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(blocked.output).toContain('commit message');
    const clean = tryGit(repo, ['commit', '--allow-empty', '-m', 'clean']);
    expect(clean.status, clean.output).toBe(0);
  });
});
