// A folder scan inside a git work tree: --verbose names each folder it skipped and why, and a key in a file git
// ignores or does not track is reported with a line (text) and `tracked` / `ignored` (JSON) saying so: it will
// not be committed, but it is on disk. A real repository with node_modules/, an ignored folder, an untracked
// file and a tracked file, each holding a generated key.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonReport, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile } from './support/git-hooks.js';
import { removeLater, Repo } from './support/repo.js';

describe('folder scans in a git work tree', () => {
  let repo: Repo;
  const keys = { tracked: fakeKeyId(), ignored: fakeKeyId(), untracked: fakeKeyId(), module: fakeKeyId(), nested: fakeKeyId(), glob: fakeKeyId() };

  beforeAll(() => {
    repo = Repo.init();
    repo.write('.gitignore', 'build/\n*.local\n');
    repo.write('config/app.ini', credentialsFile(keys.tracked, fakeSecret()));
    repo.commit('tracked config');
    repo.write('build/out/deploy.ini', credentialsFile(keys.ignored, fakeSecret()));
    repo.write('notes/creds.txt', credentialsFile(keys.untracked, fakeSecret()));
    repo.write('node_modules/pkg/creds.ini', credentialsFile(keys.module, fakeSecret()));
    repo.write('packages/web/node_modules/dep/creds.ini', credentialsFile(keys.module, fakeSecret()));
    // A file whose name is a pathspec glob: git must be asked about this file, not every match of it.
    repo.write('odd/[x]*.local', credentialsFile(keys.glob, fakeSecret()));
    // A repository inside the scan (not a submodule): its files are asked of it, not of the outer one.
    const nested = new Repo(path.join(repo.dir, 'vendor', 'lib'));
    mkdirSync(nested.dir, { recursive: true });
    nested.git('init', '-q', '-b', 'main');
    nested.write('keys.ini', credentialsFile(keys.nested, fakeSecret()));
    nested.commit('vendored keys');
  });

  it('--verbose names every folder it skipped and why; without it they are counted', async () => {
    const verbose = await runKeywarden(['scan', '--verbose', '.'], { cwd: repo.dir });
    expect(verbose.status, verbose.stderr).toBe(1);
    const skipped = verbose.stderr.split('\n').filter((line) => line.startsWith('keywarden: skipped'));
    expect(skipped.sort()).toEqual([
      "keywarden: skipped .git/: git's own data (scan --history reads the commits; --no-default-ignores walks it)",
      'keywarden: skipped node_modules/: installed packages (--no-default-ignores walks it)',
      'keywarden: skipped packages/web/node_modules/: installed packages (--no-default-ignores walks it)',
      "keywarden: skipped vendor/lib/.git/: git's own data (scan --history reads the commits; --no-default-ignores walks it)",
    ]);
    expect(verbose.stdout).not.toContain(keys.module);

    const plain = await runKeywarden(['scan', '.'], { cwd: repo.dir });
    expect(plain.stderr).toMatch(/^keywarden: 4 folders skipped \(\.git, node_modules\); --verbose lists them and why$/m);
    expect(plain.stderr).not.toContain('keywarden: skipped');
  });

  it('says which findings are in files git ignores or does not track, in text and JSON', async () => {
    const text = await runKeywarden(['scan', '.'], { cwd: repo.dir });
    expect(text.status, text.stderr).toBe(1);
    const lines = text.stderr.split('\n');
    expect(lines).toContain('keywarden: build/out/deploy.ini is ignored by git: it will not be committed, but the key is on disk');
    expect(lines).toContain('keywarden: odd/[x]*.local is ignored by git: it will not be committed, but the key is on disk');
    expect(lines).toContain('keywarden: notes/creds.txt is not tracked by git: it is not committed yet, but the key is on disk (and `git add` would commit it)');
    // One line per file, not per finding; nothing about tracked files.
    expect(lines.filter((line) => line.includes('build/out/deploy.ini'))).toHaveLength(1);
    expect(text.stderr).not.toContain('config/app.ini');
    expect(text.stderr).not.toContain('vendor/lib/keys.ini');

    const report = jsonReport(await runKeywarden(['scan', '--format', 'json', '.'], { cwd: repo.dir }));
    const status = (file: string) => [...new Set(report.findings.filter((f: any) => f.file === file).map((f: any) => JSON.stringify([f.tracked, f.ignored])))];
    expect(status('config/app.ini')).toEqual(['[true,false]']);
    expect(status('build/out/deploy.ini')).toEqual(['[false,true]']);
    expect(status('odd/[x]*.local')).toEqual(['[false,true]']);
    expect(status('notes/creds.txt')).toEqual(['[false,false]']);
    expect(status('vendor/lib/keys.ini')).toEqual(['[true,false]']);
    expect(report.findings).toHaveLength(10);
  });

  it('asks from a subfolder and for a file named alone; outside a work tree the fields are absent', async () => {
    const sub = jsonReport(await runKeywarden(['scan', '--format', 'json', 'out'], { cwd: path.join(repo.dir, 'build') }));
    expect(sub.findings.map((f: any) => [f.file, f.tracked, f.ignored])[0]).toEqual(['out/deploy.ini', false, true]);
    const alone = jsonReport(await runKeywarden(['scan', '--format', 'json', 'notes/creds.txt'], { cwd: repo.dir }));
    expect(alone.findings.map((f: any) => [f.tracked, f.ignored])[0]).toEqual([false, false]);

    const plain = new Repo(removeLater(path.join(repo.dir, '..', `${path.basename(repo.dir)}-plain`)));
    plain.write('creds.ini', credentialsFile(fakeKeyId(), fakeSecret()));
    const outside = runCli(['scan', '--format', 'json', '.'], { cwd: plain.dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(plain.dir) } });
    const finding = jsonReport(outside).findings[0];
    expect(finding).not.toHaveProperty('tracked');
    expect(finding).not.toHaveProperty('ignored');
    expect(outside.stderr).not.toMatch(/by git/);
  });

  it('says nothing about a key the configuration accepts', async () => {
    repo.write('.keywarden.json', JSON.stringify({ ignorePaths: ['build/'] }));
    try {
      const result = await runKeywarden(['scan', '.'], { cwd: repo.dir });
      expect(result.stderr).not.toContain('build/out/deploy.ini');
      expect(result.stderr).toContain('notes/creds.txt is not tracked by git');
    } finally {
      repo.remove('.keywarden.json');
    }
  });
});
