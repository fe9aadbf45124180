// `keywarden init` with a package.json, end to end: husky 9 set up in a real repository (husky and keywarden
// linked into node_modules as an install would leave them, no network), then real `git commit`s through the
// hook it installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile, globalKeywarden, head, installLocally, tryGit } from './support/git-hooks.js';
import { Repo, tempDir } from './support/repo.js';

function huskyProject(options: { husky?: boolean; hook?: string; manifest?: object } = {}): Repo {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify(options.manifest ?? { name: 'demo', private: true, scripts: { test: 'node -e 0' }, devDependencies: { husky: '^9.1.7', keywarden: '^0.1.0' } }, null, 2) + '\n');
  repo.write('.gitignore', 'node_modules/\n');
  if (options.hook !== undefined) repo.write('.husky/pre-commit', options.hook);
  installLocally(repo.dir, { husky: options.husky ?? true });
  repo.commit('project');
  return repo;
}

function snapshot(repo: Repo): string {
  const read = (file: string) => (existsSync(path.join(repo.dir, file)) ? readFileSync(path.join(repo.dir, file), 'utf8') : '<none>');
  return [read('package.json'), read('.husky/pre-commit'), repo.git('config', '--get-all', 'core.hooksPath')].join('\n---\n');
}

describe('keywarden init with package.json (husky)', () => {
  let repo: Repo;
  let initOutput: string;
  beforeAll(async () => {
    repo = huskyProject();
    const result = await runKeywarden(['init'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    initOutput = result.stdout;
  });

  it('sets up husky as husky 9 documents it and says what it did', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repo.dir, 'package.json'), 'utf8'));
    expect(manifest.scripts).toEqual({ test: 'node -e 0', prepare: 'husky' });
    expect(readFileSync(path.join(repo.dir, '.husky/pre-commit'), 'utf8')).toMatch(/^keywarden scan --staged$/m);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(existsSync(path.join(repo.dir, '.husky/_/pre-commit'))).toBe(true);
    expect(initOutput).toContain('set the prepare script in package.json to "husky"');
    expect(initOutput).toContain('created .husky/pre-commit');
    expect(initOutput).toContain('ran husky');
    expect(initOutput).not.toContain('to do');
  });

  it('blocks a commit that stages a key: non-zero, nothing committed, and the message says what and how', async () => {
    const before = head(repo);
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    repo.write('config/aws.ini', credentialsFile(keyId, secret));
    repo.git('add', 'config/aws.ini');
    const commit = tryGit(repo, ['commit', '-m', 'add config']);
    expect(commit.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    const out = commit.output;
    expect(out).toContain('config/aws.ini');
    expect(out).toMatch(/config\/aws\.ini:3\b/);
    expect(out).toContain(keyId);
    expect(out).not.toContain(secret);
    expect(out).toContain('nothing was committed');
    expect(out).toContain('~/.aws/credentials');
    expect(out).toContain('git restore --staged config/aws.ini');
    expect(out).toContain('keywarden:allow');
    expect(out).toContain('baseline');
    expect(out).toContain('keywarden remediate');
    expect(out).toContain('--no-verify');
    // The index still holds the staged file: the user decides what to do with it.
    expect(repo.git('diff', '--cached', '--name-only').trim()).toBe('config/aws.ini');
    repo.git('restore', '--staged', 'config/aws.ini');
    repo.remove('config/aws.ini');
  });

  it('lets a clean commit through', async () => {
    const before = head(repo);
    repo.write('src/index.js', 'console.log("hello");\n');
    repo.git('add', 'src/index.js');
    const commit = tryGit(repo, ['commit', '-m', 'clean']);
    expect(commit.status, commit.output).toBe(0);
    expect(head(repo)).not.toBe(before);
  });

  it('scans exactly the index: a key only in the working tree, or in an unstaged hunk, does not block', async () => {
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    repo.write('src/settings.js', 'export const region = "eu-west-1";\n');
    repo.git('add', 'src/settings.js');
    // The working tree now also holds a key that is not staged.
    repo.write('src/settings.js', `export const region = "eu-west-1";\nexport const key = "${keyId}";\nexport const secret = "${secret}";\n`);
    repo.write('notes.txt', credentialsFile(keyId, secret));
    const commit = tryGit(repo, ['commit', '-m', 'settings']);
    expect(commit.status, commit.output).toBe(0);
    expect(repo.git('show', 'HEAD:src/settings.js')).not.toContain(keyId);
    // And the reverse: staging that key now blocks.
    repo.git('add', 'src/settings.js');
    const blocked = tryGit(repo, ['commit', '-m', 'key']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('src/settings.js');
  });

  it('git commit --no-verify is the escape hatch', async () => {
    const before = head(repo);
    const keyId = fakeKeyId();
    repo.write('forced.ini', credentialsFile(keyId, fakeSecret()));
    repo.git('add', 'forced.ini');
    const commit = tryGit(repo, ['commit', '--no-verify', '-m', 'forced']);
    expect(commit.status, commit.output).toBe(0);
    expect(head(repo)).not.toBe(before);
    expect(repo.git('show', 'HEAD:forced.ini')).toContain(keyId);
  });

  it('running init again changes nothing', async () => {
    const before = snapshot(repo);
    const again = await runKeywarden(['init'], { cwd: repo.dir });
    expect(again.status).toBe(0);
    expect(snapshot(repo)).toBe(before);
    expect(again.stdout).toContain('already');
  });
});

// `npm install --save-dev husky` does not run the project's prepare script (npm runs it only on a bare
// `npm install`), so "install husky and its prepare script activates the hook" left no hook at all.
describe('keywarden init in an npm project where husky is not active: the hook works when init returns', () => {
  it('without husky: init, then a commit of a key is blocked (and package.json gets no prepare that would break npm install)', async () => {
    const repo = Repo.init();
    const manifest = JSON.stringify({ name: 'app', private: true, devDependencies: { keywarden: '^0.1.0' } }, null, 2) + '\n';
    repo.write('package.json', manifest);
    repo.write('.gitignore', 'node_modules/\n');
    installLocally(repo.dir, { husky: false });
    repo.commit('project');
    const init = await runKeywarden(['init'], { cwd: repo.dir });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('the pre-commit hook is active');
    expect(init.stdout).toContain('npm install --save-dev husky`, then `npx keywarden init` again');
    expect(readFileSync(path.join(repo.dir, 'package.json'), 'utf8')).toBe(manifest);
    expect(existsSync(path.join(repo.dir, '.husky'))).toBe(false);

    const before = head(repo);
    const keyId = fakeKeyId();
    repo.write('aws.ini', credentialsFile(keyId, fakeSecret()));
    repo.git('add', 'aws.ini');
    const commit = tryGit(repo, ['commit', '-m', 'key'], { PATH: '/usr/bin:/bin' });
    expect(commit.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(commit.output).toContain(keyId);
    expect(commit.output).toContain('nothing was committed');
  });

  it('husky declared but not installed yet (a fresh clone): blocked at once, and still after `npm install` runs husky', async () => {
    const repo = huskyProject({ husky: false });
    const init = await runKeywarden(['init'], { cwd: repo.dir });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('created .husky/pre-commit');
    expect(init.stdout).toContain('installed keywarden\'s pre-commit hook in .git/hooks/pre-commit');
    expect(init.stdout).toContain('the pre-commit hook is active');
    expect(init.stdout).not.toContain('not active yet');
    repo.write('aws.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', 'aws.ini');
    const before = head(repo);
    const blocked = tryGit(repo, ['commit', '-m', 'key'], { PATH: '/usr/bin:/bin' });
    expect(blocked.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(blocked.output).toContain('aws.ini');

    // `npm install`: husky lands in node_modules and the prepare script init wrote ("husky") runs it.
    installLocally(repo.dir, { husky: true, keywarden: false });
    const prepare = spawnSync(process.execPath, [path.join(repo.dir, 'node_modules', 'husky', 'bin.js')], { cwd: repo.dir, encoding: 'utf8' });
    expect(prepare.status, prepare.stderr).toBe(0);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    const throughHusky = tryGit(repo, ['commit', '-m', 'key'], { PATH: '/usr/bin:/bin' });
    expect(throughHusky.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(throughHusky.output).toContain('aws.ini');
  });
});

describe('keywarden init keeps what is there', () => {
  it('adds keywarden to an existing husky hook, keeping its lines, and both run', async () => {
    const repo = huskyProject({ hook: 'echo "existing hook ran"\nnode -e "process.exit(0)"\n', manifest: { name: 'x', scripts: { prepare: 'npm run build' }, devDependencies: { husky: '*' } } });
    const result = await runKeywarden(['init'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    const hook = readFileSync(path.join(repo.dir, '.husky/pre-commit'), 'utf8');
    expect(hook).toContain('echo "existing hook ran"\nnode -e "process.exit(0)"\n');
    expect(hook.indexOf('keywarden scan --staged')).toBeLessThan(hook.indexOf('existing hook ran'));
    expect(JSON.parse(readFileSync(path.join(repo.dir, 'package.json'), 'utf8')).scripts.prepare).toBe('npm run build && husky');
    expect(result.stdout).toContain('2 existing lines kept');
    expect(result.stdout).toContain('npm install --save-dev github:OWNER/keywarden');
    repo.write('a.txt', 'a\n');
    repo.git('add', 'a.txt');
    const commit = tryGit(repo, ['commit', '-m', 'a']);
    expect(commit.status, commit.output).toBe(0);
    expect(commit.output).toContain('existing hook ran');
    const twice = readFileSync(path.join(repo.dir, '.husky/pre-commit'), 'utf8');
    await runKeywarden(['init'], { cwd: repo.dir });
    expect(readFileSync(path.join(repo.dir, '.husky/pre-commit'), 'utf8')).toBe(twice);
  });

  it('run from a subfolder, sets up the package.json at the top; says which core.hooksPath husky replaced', async () => {
    const repo = huskyProject();
    repo.git('config', 'core.hooksPath', 'old-hooks');
    repo.write('packages/web/index.js', '\n');
    const result = await runKeywarden(['init'], { cwd: path.join(repo.dir, 'packages', 'web') });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(repo.dir, '.husky', 'pre-commit'))).toBe(true);
    expect(existsSync(path.join(repo.dir, 'packages', 'web', '.husky'))).toBe(false);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(result.stdout).toContain('(it was old-hooks)');
  });

  it('keeps tab indentation and a missing final newline of package.json', async () => {
    const repo = Repo.init();
    repo.write('package.json', '{\n\t"name": "tabs",\n\t"devDependencies": {\n\t\t"husky": "^9.1.7"\n\t}\n}');
    const result = await runKeywarden(['init'], { cwd: repo.dir });
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(repo.dir, 'package.json'), 'utf8')).toBe('{\n\t"name": "tabs",\n\t"devDependencies": {\n\t\t"husky": "^9.1.7"\n\t},\n\t"scripts": {\n\t\t"prepare": "husky"\n\t}\n}');
  });

  it('outside a repository, or with a broken package.json: one line, exit 2', async () => {
    const outside = await runKeywarden(['init'], { cwd: tempDir() });
    expect(outside.status).toBe(2);
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
    expect(outside.stderr).toContain('git repository');
    const repo = Repo.init();
    repo.write('package.json', '{ "name": ');
    const broken = await runKeywarden(['init'], { cwd: repo.dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toContain('package.json');
  });

  it('a husky hook that cannot find keywarden fails the commit with husky\'s "command not found"', async () => {
    const repo = huskyProject();
    expect((await runKeywarden(['init'], { cwd: repo.dir })).status).toBe(0);
    repo.remove('node_modules/.bin/keywarden');
    repo.write('b.txt', 'b\n');
    repo.git('add', 'b.txt');
    const commit = tryGit(repo, ['commit', '-m', 'b'], { PATH: '/usr/bin:/bin' });
    expect(commit.status).not.toBe(0);
    expect(commit.output).toMatch(/not found/);
  });
});

// The blocked-commit message offers a baseline; every installed hook must honour it the same way (the husky
// hook ran a bare `keywarden scan --staged`, which ignored it, while hooks/pre-commit passed --baseline).
describe('the baseline a blocked commit offers, done as it says, lets the commit through wherever the hook is installed', () => {
  const setups: Array<[string, () => { repo: Repo; env: Record<string, string> }]> = [
    ['husky (.husky/pre-commit)', () => ({ repo: huskyProject(), env: {} })],
    ['.git/hooks (no package.json)', () => ({ repo: Repo.init(), env: { PATH: `${globalKeywarden()}:${process.env.PATH}` } })],
    [
      'core.hooksPath',
      () => {
        const repo = Repo.init();
        repo.git('config', 'core.hooksPath', 'githooks');
        return { repo, env: { PATH: `${globalKeywarden()}:${process.env.PATH}` } };
      },
    ],
  ];
  it.each(setups)('%s', async (_name, setUp) => {
    const { repo, env } = setUp();
    repo.commit('base', { 'README.md': 'hi\n' });
    expect((await runKeywarden(['init'], { cwd: repo.dir })).status).toBe(0);
    repo.write('test/fixture.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', 'test/fixture.ini');
    const blocked = tryGit(repo, ['commit', '-m', 'fixture'], env);
    expect(blocked.status).not.toBe(0);
    // The advice names the command; run it as written, at the top of the repository.
    const advised = /^\s*keywarden (baseline [^\n(]*?)\s+\(at the top of the repository/m.exec(blocked.output);
    expect(advised, blocked.output).not.toBeNull();
    const baseline = await runKeywarden(advised![1]!.trim().split(/\s+/), { cwd: repo.dir });
    expect(baseline.status, baseline.stderr).toBe(0);
    expect(blocked.output).toContain('then git add .keywarden-baseline.json and commit again');
    repo.git('add', '.keywarden-baseline.json');
    const commit = tryGit(repo, ['commit', '-m', 'fixture'], env);
    expect(commit.status, commit.output).toBe(0);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['.keywarden-baseline.json', 'test/fixture.ini']);
    // A new key in the same commit range still blocks: the baseline accepts only what it lists.
    repo.write('other.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', 'other.ini');
    expect(tryGit(repo, ['commit', '-m', 'other'], env).status).not.toBe(0);
  });
});
