// Configuration and baselines the repository provides are trusted only as far as they are its own: a file that
// is a symbolic link out of the repository is refused (found, or named inside the repository as the hooks do),
// a file that is not valid JSON is described by line and column without quoting it, and git scans find the
// repository's configuration from its top level even when keywarden runs outside the work tree.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, jsonReport, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile } from './support/git-hooks.js';
import { Repo, tempDir } from './support/repo.js';

/** A file outside any repository, as ~/.aws/credentials would be: two lines, the second a secret. */
function outsideSecret(): { file: string; secret: string } {
  const secret = fakeSecret();
  const file = path.join(tempDir('keywarden-home-'), 'credentials');
  writeFileSync(file, `[default]\naws_secret_access_key = ${secret}\n`);
  return { file, secret };
}

/** A folder that is its own repository root (a .git marker), holding a key in leak.ini. */
function project(): string {
  const dir = tempDir('keywarden-trust-');
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, 'leak.ini'), credentialsFile(fakeKeyId(), fakeSecret()));
  return dir;
}

function expectOneLineRefusal(result: CliResult, pattern: RegExp, secret?: string): void {
  expect(result.status, result.stdout + result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  if (secret !== undefined) {
    expect(result.stderr).not.toContain(secret);
    expect(result.stderr).not.toContain('default]');
  }
}

describe('configuration and baselines that lead out of the repository', () => {
  it('refuses a .keywarden.json that is a link to a file outside the repository, without quoting it', async () => {
    const dir = project();
    const { file, secret } = outsideSecret();
    symlinkSync(file, path.join(dir, '.keywarden.json'));
    expectOneLineRefusal(await runKeywarden(['scan'], { cwd: dir }), /^keywarden: \.keywarden\.json: is a symbolic link .*outside the repository/, secret);
    // From a subfolder too, and for git scans.
    mkdirSync(path.join(dir, 'sub'));
    expectOneLineRefusal(await runKeywarden(['scan'], { cwd: path.join(dir, 'sub') }), /\.\.\/\.keywarden\.json: is a symbolic link/, secret);
  });

  it('refuses a package.json that is a link to an allow-everything config outside the repository', async () => {
    const dir = project();
    const outside = path.join(tempDir('keywarden-elsewhere-'), 'package.json');
    writeFileSync(outside, JSON.stringify({ keywarden: { ignorePaths: ['**'] } }));
    symlinkSync(outside, path.join(dir, 'package.json'));
    expectOneLineRefusal(await runKeywarden(['scan'], { cwd: dir }), /^keywarden: package\.json: is a symbolic link .*outside the repository/);
  });

  it('accepts a link that stays inside the repository, and a config named by its own path outside it', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared', 'keywarden.json'), JSON.stringify({ ignorePaths: ['leak.ini'] }));
    symlinkSync(path.join('shared', 'keywarden.json'), path.join(dir, '.keywarden.json'));
    expect((await runKeywarden(['scan'], { cwd: dir })).status).toBe(0);
    const elsewhere = path.join(tempDir('keywarden-org-'), 'org.json');
    writeFileSync(elsewhere, JSON.stringify({ ignorePaths: ['leak.ini'] }));
    expect((await runKeywarden(['scan', '--config', elsewhere], { cwd: dir })).status).toBe(0);
  });

  it('refuses a baseline named inside the repository (as the hooks name it) that is a link out of it', async () => {
    const repo = Repo.init();
    repo.write('leak.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', '-A');
    const { file, secret } = outsideSecret();
    const baseline = path.join(repo.dir, '.keywarden-baseline.json');
    symlinkSync(file, baseline);
    // hooks/pre-commit: keywarden scan --staged --baseline "$top/.keywarden-baseline.json"
    expectOneLineRefusal(await runKeywarden(['scan', '--staged', '--baseline', baseline], { cwd: repo.dir }), /^keywarden: baseline .*\.keywarden-baseline\.json: is a symbolic link .*outside the repository/, secret);
    expectOneLineRefusal(await runKeywarden(['scan', '--baseline', '.keywarden-baseline.json'], { cwd: repo.dir }), /is a symbolic link/, secret);
    // A --config named inside the repository is held to the same rule.
    symlinkSync(file, path.join(repo.dir, 'k.json'));
    expectOneLineRefusal(await runKeywarden(['scan', '--config', 'k.json'], { cwd: repo.dir }), /^keywarden: k\.json: is a symbolic link/, secret);
  });
});

describe('invalid JSON is placed, never quoted', () => {
  const text = (secret: string) => `[default]\naws_secret_access_key = ${secret}\n`;

  it('names the line and column of a broken .keywarden.json in one line', async () => {
    const dir = project();
    const secret = fakeSecret();
    writeFileSync(path.join(dir, '.keywarden.json'), text(secret));
    expectOneLineRefusal(await runKeywarden(['scan'], { cwd: dir }), /^keywarden: \.keywarden\.json: invalid JSON at line 1, column 2: [a-z]/, secret);
    writeFileSync(path.join(dir, '.keywarden.json'), `{\n  "ignorePaths": ["a",]\n}`);
    expectOneLineRefusal(await runKeywarden(['scan'], { cwd: dir }), /invalid JSON at line 2, column 23: a trailing comma$/);
  });

  it('names the line and column of a broken baseline in one line', async () => {
    const dir = project();
    const secret = fakeSecret();
    writeFileSync(path.join(dir, 'b.json'), text(secret));
    expectOneLineRefusal(await runKeywarden(['scan', '--baseline', 'b.json'], { cwd: dir }), /^keywarden: baseline .*b\.json: invalid JSON at line 1, column 2: /, secret);
  });
});

describe('git scans find the configuration at the repository top level', () => {
  /** A work tree whose git folder lives elsewhere, a config that accepts fixtures/, and a broken config above it. */
  function separated() {
    const outer = tempDir('keywarden-outer-');
    // Above the repository: must never be read.
    writeFileSync(path.join(outer, '.keywarden.json'), '{ broken');
    const work = path.join(outer, 'work');
    mkdirSync(work);
    const repo = new Repo(work);
    repo.git('init', '-q', '-b', 'main');
    repo.commit('config', { '.keywarden.json': JSON.stringify({ ignorePaths: ['fixtures/'] }), 'README.md': 'app\n' });
    repo.commit('fixture', { 'fixtures/a.ini': credentialsFile(fakeKeyId(), fakeSecret()) });
    repo.write('fixtures/b.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    repo.git('add', '-A');
    const gitDir = path.join(tempDir('keywarden-gitdir-'), 'repo.git');
    renameSync(path.join(work, '.git'), gitDir);
    // Where keywarden runs: unrelated, with a broken config of its own that must not be read either.
    const elsewhere = tempDir('keywarden-cwd-');
    writeFileSync(path.join(elsewhere, '.keywarden.json'), '{ broken');
    return { work, outer, gitDir, elsewhere };
  }

  it('honours the repository config with GIT_DIR and GIT_WORK_TREE set, from outside the work tree (--staged, --history)', async () => {
    const { work, gitDir, elsewhere } = separated();
    const env = { GIT_DIR: gitDir, GIT_WORK_TREE: work };
    for (const mode of ['--staged', '--history']) {
      const result = runCli(['scan', mode, '--format', 'json', '--verbose'], { cwd: elsewhere, env });
      expect(result.status, `${mode}: ${result.stderr}`).toBe(0);
      expect(jsonReport(result).findings, mode).toEqual([]);
      expect(result.stderr, mode).toMatch(/allowed by path: fixtures\/[ab]\.ini/);
    }
  });

  it('never reads a .keywarden.json above the top level, even when the work tree has no .git', async () => {
    const { work, gitDir } = separated();
    mkdirSync(path.join(work, 'sub'));
    const env = { GIT_DIR: gitDir, GIT_WORK_TREE: work };
    // With the repository's own config gone from the work tree, the walk must stop at the top level, not reach outer/.
    rmSync(path.join(work, '.keywarden.json'));
    for (const mode of ['--staged', '--history']) {
      const result = runCli(['scan', mode, '--format', 'json'], { cwd: path.join(work, 'sub'), env });
      expect(result.status, `${mode}: ${result.stderr}`).toBe(1);
      expect(jsonReport(result).findings.length, mode).toBeGreaterThan(0);
    }
  });
});
