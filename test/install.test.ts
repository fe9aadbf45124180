// Installing keywarden every way a user can get it (it is not on the npm registry): from a git URL into a
// project and globally, from a tarball, and through the pre-commit framework. Each starts from a fresh clone
// of this checkout's HEAD commit (what a git URL serves: commit first), installs into a fresh project with the
// real npm (keywarden's dependencies come from the registry; nothing is built on the way), and ends with a
// real `git commit` of a generated key that is blocked.
// Slow (about a minute) and needs the npm registry and Debian's `pre-commit`, so it runs only with
// KEYWARDEN_INSTALL_TESTS=1, as .ci/run does; `npm test` lists it as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile, head, tryGit, type Outcome } from './support/git-hooks.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';

const ENABLED = process.env.KEYWARDEN_INSTALL_TESTS === '1';
const MINUTES = 60_000;
/** npm's allowScripts notice ("N packages have install scripts not yet covered by allowScripts"). */
const INSTALL_SCRIPT_WARNING = /allowScripts|install scripts/i;

/** Runs a command as a user would (npm quiet about audit and funding), timing it for the CI log. */
function run(label: string, command: string, args: string[], cwd: string, env: Record<string, string> = {}): Outcome {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env },
  });
  if (result.error) throw result.error;
  console.log(`install: ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const stdout = String(result.stdout);
  const stderr = String(result.stderr);
  return { status: result.status ?? -1, stdout, stderr, output: stdout + stderr };
}

function succeeds(outcome: Outcome): string {
  expect(outcome.status, outcome.output).toBe(0);
  return outcome.output;
}

/** A fresh npm project in a fresh repository, as `git init && npm init -y` leaves it. */
function npmProject(): Repo {
  const repo = Repo.init();
  succeeds(run('npm init', 'npm', ['init', '-y'], repo.dir));
  repo.write('.gitignore', 'node_modules/\n');
  return repo;
}

/** Stages a generated key; the commit must fail with the blocked-commit message and leave HEAD where it was. */
function expectKeyBlocked(repo: Repo, env: Record<string, string> = {}): void {
  const before = repo.git('rev-parse', '--verify', '-q', 'HEAD').trim();
  const keyId = fakeKeyId();
  repo.write('config/aws.ini', credentialsFile(keyId, fakeSecret()));
  repo.git('add', 'config/aws.ini');
  const commit = tryGit(repo, ['commit', '-m', 'add config'], env);
  expect(commit.status, commit.output).not.toBe(0);
  expect(commit.output).toContain(keyId);
  expect(commit.output).toContain('Commit blocked: nothing was committed');
  expect(repo.git('rev-parse', '--verify', '-q', 'HEAD').trim()).toBe(before);
  repo.git('rm', '-q', '--cached', 'config/aws.ini');
  repo.remove('config');
}

/** Every worker a bundle chunk or cli.cjs starts (`new URL("./x.js", import.meta.url)`, in cli.cjs its own URL) is a file beside it. */
function expectWorkersResolvable(bundle: string): void {
  const started = new Set<string>();
  for (const name of readdirSync(bundle)) {
    for (const match of readFileSync(path.join(bundle, name), 'utf8').matchAll(/new URL\(["']\.\/([\w.-]+)["'], (?:import\.meta\.url|__keywardenModuleUrl)\)/g)) started.add(match[1]!);
  }
  expect([...started].sort()).toEqual(['files-worker.js', 'pack-worker.js', 'worker.js']);
  for (const name of started) expect(existsSync(path.join(bundle, name)), name).toBe(true);
}

describe.skipIf(!ENABLED)('installing keywarden (KEYWARDEN_INSTALL_TESTS=1)', () => {
  let clone: string;
  let url: string;
  beforeAll(() => {
    clone = path.join(tempDir('keywarden-clone-'), 'keywarden');
    succeeds(run('git clone', 'git', ['clone', '-q', '--no-local', ROOT, clone], ROOT));
    url = `git+file://${clone}`;
  });

  it('from a git URL into a project: npx keywarden init, then a commit of a key is blocked; husky added as init says takes over', { timeout: 5 * MINUTES }, () => {
    const repo = npmProject();
    const install = succeeds(run('npm install --save-dev git+file://…', 'npm', ['install', '--save-dev', url], repo.dir));
    expect(install).not.toMatch(INSTALL_SCRIPT_WARNING);
    expectWorkersResolvable(path.join(repo.dir, 'node_modules', 'keywarden', 'dist', 'bundle'));
    repo.commit('project');

    const init = succeeds(run('npx keywarden init', 'npx', ['keywarden', 'init'], repo.dir));
    expect(init).toContain('the pre-commit hook is active');
    expectKeyBlocked(repo);

    // What init suggests for sharing the hook with every clone, done literally.
    expect(init).toContain('`npm install --save-dev husky`, then `npx keywarden init` again');
    succeeds(run('npm install --save-dev husky', 'npm', ['install', '--save-dev', 'husky'], repo.dir));
    succeeds(run('npx keywarden init (husky)', 'npx', ['keywarden', 'init'], repo.dir));
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expectKeyBlocked(repo);
  });

  it('globally from a git URL (npm install -g): keywarden init in a repository without package.json, a blocked commit, a history scan', { timeout: 5 * MINUTES }, () => {
    const prefix = tempDir('keywarden-global-');
    const install = succeeds(run('npm install -g git+file://…', 'npm', ['install', '-g', '--prefix', prefix, url], tempDir()));
    expect(install).not.toMatch(INSTALL_SCRIPT_WARNING);
    expectWorkersResolvable(path.join(prefix, 'lib', 'node_modules', 'keywarden', 'dist', 'bundle'));
    const env = { PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}` };

    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    succeeds(run('keywarden init', 'keywarden', ['init'], repo.dir, env));
    expectKeyBlocked(repo, env);

    // The history scan (its pack reader and detection pool run on worker threads) from the installed package.
    const keyId = fakeKeyId();
    repo.write('old.ini', credentialsFile(keyId, fakeSecret()));
    repo.git('add', 'old.ini');
    succeeds(tryGit(repo, ['commit', '--no-verify', '-m', 'old key'], env));
    repo.git('gc', '-q');
    const history = run('keywarden scan --history', 'keywarden', ['scan', '--history', '--format', 'json'], repo.dir, env);
    expect(history.status, history.stderr).toBe(1);
    expect(JSON.parse(history.stdout).findings.map((finding: { file: string }) => finding.file)).toContain('old.ini');
  });

  it('from a tarball (npm pack): it holds what runs, and installs into a project that then blocks a commit', { timeout: 5 * MINUTES }, () => {
    const out = tempDir('keywarden-pack-');
    const packed = succeeds(run('npm pack', 'npm', ['pack', '--json', '--pack-destination', out], clone));
    const [{ filename, files }] = JSON.parse(packed.slice(packed.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tops = [...new Set(files.map((file) => (file.path.startsWith('dist/bundle/') ? 'dist/bundle' : file.path.split('/')[0])))].sort();
    expect(tops).toEqual(['README.md', 'bin', 'dist/bundle', 'hooks', 'package.json', 'patterns', 'schema']);

    const repo = npmProject();
    const install = succeeds(run('npm install --save-dev keywarden.tgz', 'npm', ['install', '--save-dev', path.join(out, filename)], repo.dir));
    expect(install).not.toMatch(INSTALL_SCRIPT_WARNING);
    repo.commit('project');
    succeeds(run('npx keywarden init', 'npx', ['keywarden', 'init'], repo.dir));
    expectKeyBlocked(repo);
  });

  it('through the pre-commit framework (repo: a git URL, rev: a commit): blocks a commit; the baseline it offers unblocks it', { timeout: 5 * MINUTES }, () => {
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    expect(version.error, 'pre-commit is not installed (Debian: apt-get install -y pre-commit)').toBeUndefined();
    console.log(`install: ${String(version.stdout).trim()}`);
    const env = { PRE_COMMIT_HOME: tempDir('keywarden-pre-commit-home-') };
    const repo = Repo.init();
    const rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(repo.dir, '.pre-commit-config.yaml'), `repos:\n  - repo: file://${clone}\n    rev: ${rev}\n    hooks:\n      - id: keywarden\n`);
    succeeds(run('pre-commit install', 'pre-commit', ['install'], repo.dir, env));
    repo.git('add', '.pre-commit-config.yaml');
    // The first commit builds the hook's environment (npm install of the clone, npm pack, npm install -g).
    const first = run('git commit (pre-commit installs keywarden)', 'git', ['commit', '-m', 'pre-commit'], repo.dir, env);
    expect(first.status, `${first.output}\n${readLog(env.PRE_COMMIT_HOME)}`).toBe(0);
    expect(first.output).toMatch(/keywarden \(AWS credentials\)\.+Passed/);
    expectKeyBlocked(repo, env);

    repo.write('test/fixture.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', 'test/fixture.ini');
    expect(tryGit(repo, ['commit', '-m', 'fixture'], env).status).not.toBe(0);
    expect(runCli(['baseline', '--output', '.keywarden-baseline.json'], { cwd: repo.dir }).status).toBe(0);
    repo.git('add', '.keywarden-baseline.json');
    const accepted = tryGit(repo, ['commit', '-m', 'fixture'], env);
    expect(accepted.status, accepted.output).toBe(0);
    expect(head(repo)).toMatch(/^[0-9a-f]{40}$/);
  });
});

function readLog(home: string): string {
  const log = path.join(home, 'pre-commit.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}
