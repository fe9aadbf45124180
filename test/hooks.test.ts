// hooks/pre-commit and hooks/pre-push without package.json: installed by `keywarden init` (or copied), run by
// real `git commit` / `git push` under /bin/sh (dash on Debian), finding keywarden on PATH, and saying so
// clearly when it cannot. pre-push is exercised against a local bare remote.
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile, globalKeywarden, head, installLocally, tryGit } from './support/git-hooks.js';
import { Repo, tempDir } from './support/repo.js';

const HOOK = readFileSync(path.join(ROOT, 'hooks', 'pre-commit'), 'utf8');
const withKeywarden = () => ({ PATH: `${globalKeywarden()}:${process.env.PATH}` });

describe('hooks/ scripts are POSIX sh', () => {
  it('parse under dash (sh -n) and start with #!/bin/sh', async () => {
    for (const name of ['pre-commit', 'pre-push']) {
      const file = path.join(ROOT, 'hooks', name);
      execFileSync('dash', ['-n', file]);
      expect(readFileSync(file, 'utf8').startsWith('#!/bin/sh\n'), name).toBe(true);
      expect(statSync(file).mode & 0o111, `${name} is executable`).not.toBe(0);
    }
  });
});

describe('keywarden init without package.json (hooks/pre-commit in .git/hooks)', () => {
  let repo: Repo;
  let env: Record<string, string>;
  beforeAll(async () => {
    repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    env = withKeywarden();
    const result = await runKeywarden(['init'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('installed keywarden\'s pre-commit hook in .git/hooks/pre-commit');
  });

  it('installs hooks/pre-commit as an executable hook, and a second init changes nothing', async () => {
    const target = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    expect(readFileSync(target, 'utf8')).toBe(HOOK);
    expect(statSync(target).mode & 0o755).toBe(0o755);
    const again = await runKeywarden(['init'], { cwd: repo.dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already keywarden\'s pre-commit hook');
    expect(readFileSync(target, 'utf8')).toBe(HOOK);
  });

  it('blocks a staged key (nothing committed, the full message), passes a clean commit, ignores unstaged keys, yields to --no-verify', async () => {
    const before = head(repo);
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    repo.write('.env', `AWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    repo.git('add', '.env');
    const blocked = tryGit(repo, ['commit', '-m', 'env'], env);
    expect(blocked.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(blocked.output).toMatch(/\.env:1\b/);
    expect(blocked.output).toContain(keyId);
    expect(blocked.output).not.toContain(secret);
    expect(blocked.output).toContain('nothing was committed');
    expect(blocked.output).toContain('git restore --staged .env');
    expect(blocked.output).toContain('keywarden:allow');
    expect(blocked.output).toContain('keywarden remediate');
    expect(blocked.output).toContain('--no-verify');

    // Unstage it: the key stays in the working tree but no longer blocks.
    repo.git('restore', '--staged', '.env');
    repo.write('app.txt', 'clean\n');
    repo.git('add', 'app.txt');
    const clean = tryGit(repo, ['commit', '-m', 'clean'], env);
    expect(clean.status, clean.output).toBe(0);
    expect(head(repo)).not.toBe(before);

    repo.git('add', '.env');
    const forced = tryGit(repo, ['commit', '--no-verify', '-m', 'forced'], env);
    expect(forced.status, forced.output).toBe(0);
    expect(repo.git('show', 'HEAD:.env')).toContain(keyId);
  });

  it('checks what `git commit -a` and `git commit -- PATH` would commit (the temporary index git hands the hook)', async () => {
    repo.write('app.cfg', 'x=1\n');
    repo.git('add', 'app.cfg');
    expect(tryGit(repo, ['commit', '-m', 'tracked'], env).status).toBe(0);
    const before = head(repo);
    const keyId = fakeKeyId();
    repo.write('app.cfg', `x=1\n${credentialsFile(keyId, fakeSecret())}`);
    const all = tryGit(repo, ['commit', '-a', '-m', 'all'], env);
    expect(all.status).not.toBe(0);
    expect(all.output).toContain(keyId);
    expect(head(repo)).toBe(before);
    // Committing only another path leaves the modified app.cfg out, so nothing blocks.
    repo.write('other.txt', 'y\n');
    repo.git('add', 'other.txt');
    const only = tryGit(repo, ['commit', '-m', 'only other', '--', 'other.txt'], env);
    expect(only.status, only.output).toBe(0);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('other.txt');
    repo.git('checkout', '--', 'app.cfg');
  });

  it('says clearly that keywarden is missing, and stops the commit', async () => {
    const bare = tempDir('keywarden-path-');
    symlinkSync('/usr/bin/git', path.join(bare, 'git'));
    repo.write('c.txt', 'c\n');
    repo.git('add', 'c.txt');
    const before = head(repo);
    const result = tryGit(repo, ['commit', '-m', 'c'], { PATH: bare });
    expect(result.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(result.output).toContain('cannot find keywarden');
    expect(result.output).toContain('npm install --save-dev github:OWNER/keywarden');
    expect(result.output).toContain('--no-verify');
    repo.git('restore', '--staged', 'c.txt');
  });
});

describe('.pre-commit-hooks.yaml (the pre-commit framework)', () => {
  it('declares a node hook that scans the index itself and takes no file names', async () => {
    const yaml = readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    // The hook's own entry (the header comment shows one indented, for .pre-commit-config.yaml), up to the next.
    const start = yaml.indexOf('\n- id: keywarden\n');
    const next = yaml.indexOf('\n- id:', start + 1);
    const hook = yaml.slice(start, next === -1 ? undefined : next);
    expect(hook).toMatch(/^ {2}entry: keywarden scan --staged$/m);
    expect(hook).toMatch(/^ {2}language: node$/m);
    expect(hook).toMatch(/^ {2}pass_filenames: false$/m);
    expect(hook).toMatch(/^ {2}name: .+$/m);
    // pre-commit before 3.2 (Debian 12 ships 3.0.4) rejects the whole manifest over `stages: [pre-commit]`.
    expect(hook).not.toMatch(/^ {2}stages:/m);
    // The entry is a real command of the bin pre-commit would install (package.json "bin").
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.keywarden).toBe('bin/keywarden.js');
  });
});

describe('hooks/pre-commit finds a local install', () => {
  it('uses the repository\'s node_modules/.bin/keywarden when none is on PATH', async () => {
    const repo = Repo.init();
    repo.write('.gitignore', 'node_modules/\n');
    installLocally(repo.dir, { husky: false });
    repo.commit('base');
    expect((await runKeywarden(['init'], { cwd: repo.dir })).status).toBe(0);
    const keyId = fakeKeyId();
    repo.write('deploy.sh', `export AWS_ACCESS_KEY_ID=${keyId}\nexport AWS_SECRET_ACCESS_KEY=${fakeSecret()}\n`);
    repo.git('add', 'deploy.sh');
    // PATH has git and node (bin/keywarden.js is `#!/usr/bin/env node`) but no keywarden.
    const blocked = tryGit(repo, ['commit', '-m', 'deploy'], { PATH: '/usr/bin:/bin' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain(keyId);
    expect(blocked.output).toContain('nothing was committed');
  });
});

describe('hooks/pre-commit without any keywarden, npx included', () => {
  it('tries npx offline only (no download, no wait on the network) and then says what to install', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    expect((await runKeywarden(['init'], { cwd: repo.dir })).status).toBe(0);
    repo.write('x.txt', 'x\n');
    repo.git('add', 'x.txt');
    const started = Date.now();
    // /usr/bin has git, node and npx; npm's cache is empty; no registry is reachable on purpose.
    const result = tryGit(repo, ['commit', '-m', 'x'], { PATH: '/usr/bin:/bin', npm_config_cache: tempDir('keywarden-npm-cache-'), npm_config_registry: 'http://127.0.0.1:9' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('cannot find keywarden');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('keywarden init never clobbers a hook', () => {
  it('installs into core.hooksPath when it is set', async () => {
    const repo = Repo.init();
    repo.git('config', 'core.hooksPath', 'githooks');
    const result = await runKeywarden(['init'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(repo.dir, 'githooks', 'pre-commit'), 'utf8')).toBe(HOOK);
    expect(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('from a linked worktree installs into the shared hooks folder that worktree runs', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    const worktree = path.join(tempDir('keywarden-wt-'), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    const result = await runKeywarden(['init'], { cwd: worktree });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe(HOOK);
    const wt = new Repo(worktree);
    wt.write('leak.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    wt.git('add', 'leak.ini');
    const blocked = tryGit(wt, ['commit', '-m', 'leak'], withKeywarden());
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('leak.ini');
  });

  it('stops at a foreign hook; with --force chains it: it runs after a clean scan, not after a blocked one', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    const hooks = path.join(repo.dir, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    const foreign = '#!/bin/sh\necho "foreign hook ran"\n';
    repo.write('.git/hooks/pre-commit', foreign);
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);

    const refused = await runKeywarden(['init'], { cwd: repo.dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe(foreign);

    const forced = await runKeywarden(['init', '--force'], { cwd: repo.dir });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path.join(hooks, 'pre-commit.before-keywarden'), 'utf8')).toBe(foreign);
    expect(readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe(HOOK);

    const env = withKeywarden();
    repo.write('ok.txt', 'ok\n');
    repo.git('add', 'ok.txt');
    const clean = tryGit(repo, ['commit', '-m', 'ok'], env);
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toContain('foreign hook ran');

    repo.write('key.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', 'key.ini');
    const blocked = tryGit(repo, ['commit', '-m', 'key'], env);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).not.toContain('foreign hook ran');
  });
});

describe('hooks/pre-push', () => {
  it('blocks a push whose new commits add a key, on an existing and on a new branch; clean pushes pass', async () => {
    const remote = Repo.init({ bare: true });
    const repo = Repo.init();
    repo.git('remote', 'add', 'origin', remote.dir);
    copyFileSync(path.join(ROOT, 'hooks', 'pre-push'), path.join(repo.dir, '.git', 'hooks', 'pre-push'));
    chmodSync(path.join(repo.dir, '.git', 'hooks', 'pre-push'), 0o755);
    const env = withKeywarden();

    // First push of a repository that was never pushed: everything is new, and clean.
    repo.commit('base', { 'README.md': 'hi\n' });
    const first = tryGit(repo, ['push', 'origin', 'main'], env);
    expect(first.status, first.output).toBe(0);

    // An existing branch: the pushed commits add a key two commits back.
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    repo.commit('add key', { 'deploy/aws.ini': credentialsFile(keyId, secret) });
    repo.commit('unrelated', { 'more.txt': 'more\n' });
    const pushedBefore = remote.git('rev-parse', 'main').trim();
    const blocked = tryGit(repo, ['push', 'origin', 'main'], env);
    expect(blocked.status).not.toBe(0);
    expect(remote.git('rev-parse', 'main').trim()).toBe(pushedBefore);
    expect(blocked.output).toContain('deploy/aws.ini');
    expect(blocked.output).toContain(keyId);
    expect(blocked.output).not.toContain(secret);
    expect(blocked.output).toContain('nothing was pushed');

    // --no-verify is the escape hatch here too.
    const forced = tryGit(repo, ['push', '--no-verify', 'origin', 'main'], env);
    expect(forced.status, forced.output).toBe(0);

    // A new branch: only its own commits are scanned (the key already on main does not block it)...
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature work', { 'feature.txt': 'feature\n' });
    const cleanBranch = tryGit(repo, ['push', 'origin', 'feature'], env);
    expect(cleanBranch.status, cleanBranch.output).toBe(0);

    // ...and a new branch that adds a key is blocked.
    repo.git('checkout', '-q', '-b', 'leaky', 'main');
    const otherKey = fakeKeyId();
    repo.commit('leak', { 'leak.env': `AWS_ACCESS_KEY_ID=${otherKey}\nAWS_SECRET_ACCESS_KEY=${fakeSecret()}\n` });
    const newBranch = tryGit(repo, ['push', 'origin', 'leaky'], env);
    expect(newBranch.status).not.toBe(0);
    expect(newBranch.output).toContain(otherKey);
    expect(() => remote.git('rev-parse', '--verify', 'refs/heads/leaky')).toThrow();

    // Deleting a branch pushes no commits and is never blocked.
    const deleted = tryGit(repo, ['push', 'origin', ':feature'], env);
    expect(deleted.status, deleted.output).toBe(0);
  });
});

describe('scan --staged reads the repository\'s .keywarden-baseline.json itself (one default for every hook)', () => {
  it('from any subfolder; `keywarden baseline` is not hidden by it; other modes read only --baseline', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    const keyId = fakeKeyId();
    repo.write('app/conf/aws.ini', credentialsFile(keyId, fakeSecret()));
    repo.git('add', 'app/conf/aws.ini');
    const sub = path.join(repo.dir, 'app');
    expect((await runKeywarden(['scan', '--staged'], { cwd: sub })).status).toBe(1);
    expect((await runKeywarden(['baseline', '--staged', '--output', '.keywarden-baseline.json'], { cwd: repo.dir })).status).toBe(0);
    expect((await runKeywarden(['scan', '--staged'], { cwd: sub })).status).toBe(0);
    expect((await runKeywarden(['scan', '--staged'], { cwd: repo.dir })).status).toBe(0);
    // Regenerating the baseline still records the finding the existing baseline accepts.
    const again = path.join(tempDir('keywarden-baseline-'), 'again.json');
    expect((await runKeywarden(['baseline', '--staged', '--output', again], { cwd: repo.dir })).status).toBe(0);
    expect(readFileSync(again, 'utf8')).toContain('app/conf/aws.ini');
    // A files scan is not a hook: no default baseline.
    expect((await runKeywarden(['scan', 'app'], { cwd: repo.dir })).status).toBe(1);
    // The default is read like a named baseline: one that is a symlink out of the repository is refused, not skipped.
    const outside = path.join(tempDir('keywarden-outside-'), 'baseline.json');
    copyFileSync(path.join(repo.dir, '.keywarden-baseline.json'), outside);
    repo.remove('.keywarden-baseline.json');
    symlinkSync(outside, path.join(repo.dir, '.keywarden-baseline.json'));
    const refused = await runKeywarden(['scan', '--staged'], { cwd: repo.dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('symbolic link');
  });
});
