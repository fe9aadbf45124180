// scan --staged against real repositories: exactly the index, only what it adds, never touching anything.
import { chmodSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import module from 'node:module';
import { describe, expect, it } from 'vitest';
import { jsonReport, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeLeak, type Leak } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';

const leak = (): Leak => fakeLeak();

async function staged(repo: Repo, ...extra: string[]): Promise<{ status: number; report: any; stderr: string }> {
  const result = await runKeywarden(['scan', '--staged', '--format', 'json', '--no-redact', ...extra], { cwd: repo.dir });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

/** The findings of one leaked secret, as "file:line". */
function where(report: any, secret: string): string[] {
  return report.findings.filter((finding: any) => finding.secret === secret).map((finding: any) => `${finding.file}:${finding.line}`);
}

function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('scan --staged', () => {
  it('scans the staged version, not the work tree (partial staging)', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'app.env': 'name=app\n' });
    const key = leak();
    repo.write('app.env', `name=app\n${key.text}`);
    repo.git('add', 'app.env');
    repo.write('app.env', 'name=app\nsafe=1\n'); // the work tree no longer has it; the index does
    const found = await staged(repo);
    expect(found.status).toBe(1);
    expect(where(found.report, key.secret)).toEqual(['app.env:3']);
    expect(found.report.scan).toMatchObject({ mode: 'staged', target: 'index' });

    const clean = Repo.init();
    clean.commit('base', { 'app.env': 'name=app\n' });
    clean.write('app.env', 'name=app\nsafe=1\n');
    clean.git('add', 'app.env');
    clean.write('app.env', `name=app\n${leak().text}`); // only in the work tree
    const notFound = await staged(clean);
    expect(notFound.report.findings).toEqual([]);
    expect(notFound.status).toBe(0);
  });

  it('works on the first commit of a repository (no HEAD)', async () => {
    const repo = Repo.init();
    const key = leak();
    repo.write('config/prod.env', key.text);
    repo.git('add', '.');
    const found = await staged(repo);
    expect(found.status).toBe(1);
    expect(where(found.report, key.secret)).toEqual(['config/prod.env:2']);
  });

  it('reports only added lines, with the staged line numbers, and not a key already in HEAD', async () => {
    const repo = Repo.init();
    const old = leak();
    repo.commit('base', { 'settings.ini': `[default]\n${old.text}` });
    const fresh = leak();
    repo.write('settings.ini', `# header\n# more\n[default]\n${old.text}[other]\n${fresh.text}`);
    repo.git('add', '.');
    const found = await staged(repo);
    expect(where(found.report, old.secret)).toEqual([]);
    expect(where(found.report, fresh.secret)).toEqual(['settings.ini:8']);

    repo.commit('with both');
    repo.write('settings.ini', `${readFileSync(path.join(repo.dir, 'settings.ini'), 'utf8')}timeout=3\n`);
    repo.git('add', '.');
    const unrelated = await staged(repo);
    expect(unrelated.report.findings).toEqual([]);
    expect(unrelated.status).toBe(0);
  });

  it('follows renames: a moved file adds nothing, a key added while moving is found', async () => {
    const repo = Repo.init();
    const old = leak();
    repo.commit('base', { 'a.env': `x=1\n${old.text}`, 'b.env': 'y=1\n'.repeat(20) });
    repo.git('mv', 'a.env', 'moved.env');
    const fresh = leak();
    repo.git('mv', 'b.env', 'b-moved.env');
    repo.write('b-moved.env', 'y=1\n'.repeat(20) + fresh.text);
    repo.git('add', '.');
    const found = await staged(repo);
    expect(where(found.report, old.secret)).toEqual([]);
    expect(where(found.report, fresh.secret)).toEqual(['b-moved.env:22']);
  });

  it('skips deleted files and submodules, and scans the text inside a binary file', async () => {
    const repo = Repo.init();
    const old = leak();
    repo.commit('base', { 'gone.env': old.text });
    repo.git('rm', '-q', 'gone.env');
    const binary = leak();
    repo.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(binary.text), Buffer.alloc(64)]));
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
    repo.git('add', 'blob.bin');
    const result = await staged(repo, '--verbose');
    expect(result.report.findings.map((finding: any) => `${finding.file}:${finding.secret}`).sort()).toEqual([`blob.bin:${binary.id}`, `blob.bin:${binary.secret}`].sort());
    expect(result.report.findings.some((finding: any) => finding.secret === old.secret)).toBe(false);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/skipped vendor\/lib: submodule/);
  });

  it('matches patches to files when one commit changes file types (two patches for one path) among renames, modes, deletions, binaries and submodules', async () => {
    const repo = Repo.init();
    const head = repo.commit('base', {
      'a-becomes-link.env': 'x=1\n',
      'b-becomes-module': 'y=1\n',
      'c-renamed.env': 'z=1\n'.repeat(20),
      'd-gone.env': 'gone=1\n',
      'e-mode.sh': 'echo hi\n',
    });
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},f-module-becomes-file`);
    symlinkSync('target', path.join(repo.dir, 'g-link-becomes-file.env'));
    repo.git('add', 'g-link-becomes-file.env');
    repo.git('commit', '-q', '-m', 'links and modules');
    const keys = Array.from({ length: 6 }, () => leak());
    // a-: file -> symlink; b-: file -> submodule; f-: submodule -> file; g-: symlink -> file (each two patches).
    repo.remove('a-becomes-link.env');
    symlinkSync('somewhere', path.join(repo.dir, 'a-becomes-link.env'));
    repo.git('rm', '-q', '--cached', 'b-becomes-module');
    repo.remove('b-becomes-module');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},b-becomes-module`);
    repo.git('rm', '-q', '--cached', 'f-module-becomes-file');
    repo.write('f-module-becomes-file', `# was a submodule\n${keys[0].text}`);
    repo.remove('g-link-becomes-file.env');
    repo.write('g-link-becomes-file.env', `# was a link\n\n${keys[1].text}`);
    repo.git('mv', 'c-renamed.env', 'h-renamed.env');
    repo.write('h-renamed.env', 'z=1\n'.repeat(20) + keys[2].text);
    repo.git('rm', '-q', 'd-gone.env');
    chmodSync(path.join(repo.dir, 'e-mode.sh'), 0o755);
    const binary = leak();
    repo.write('i-binary.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(binary.text), Buffer.alloc(64)]));
    repo.write('j-copy.env', 'z=1\n'.repeat(20));
    repo.write('k-new.env', `a=1\nb=2\nc=3\n${keys[3].text}`);
    repo.write('l-name\ndiff --git a\n+++ b\n.env', `${keys[4].text}`);
    repo.write('m-last.env', `1\n2\n3\n4\n5\n${keys[5].text}`);
    repo.git('add', '-A');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},n-new-module`);
    expect(repo.git('diff', '--cached', '--name-status', '--no-renames')).toMatch(/^T\ta-becomes-link\.env$/m);
    const found = await staged(repo);
    expect(found.status, found.stderr).toBe(1);
    expect(where(found.report, keys[0].secret)).toEqual(['f-module-becomes-file:3']);
    expect(where(found.report, keys[1].secret)).toEqual(['g-link-becomes-file.env:4']);
    expect(where(found.report, keys[2].secret)).toEqual(['h-renamed.env:22']);
    expect(where(found.report, keys[3].secret)).toEqual(['k-new.env:5']);
    expect(where(found.report, keys[4].secret)).toEqual(['l-name\ndiff --git a\n+++ b\n.env:2']);
    expect(where(found.report, keys[5].secret)).toEqual(['m-last.env:7']);
    expect(where(found.report, binary.secret)).toEqual(['i-binary.bin:2']); // the text inside binary content is scanned
    expect(found.report.findings).toHaveLength(14); // each key's ID and secret, nothing from the wrong patch
  });

  it('handles file names with spaces, quotes, newlines and non-ASCII', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    const names = ['with space.env', 'quo"te\'s.env', 'new\nline.env', 'ünïcødé/日本.env', 'tab\there.env'];
    const keys = new Map<string, Leak>();
    for (const name of names) {
      const key = leak();
      keys.set(name, key);
      repo.write(name, `a=1\n${key.text}`);
    }
    repo.git('add', '.');
    const found = await staged(repo);
    for (const name of names) expect(where(found.report, keys.get(name)!.secret), name).toEqual([`${name}:3`]);
  });

  it('reads CRLF files with the right line numbers', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'win.ini': 'a=1\r\nb=2\r\n' });
    const key = leak();
    repo.write('win.ini', `a=1\r\nb=2\r\n${key.text.replace(/\n/g, '\r\n')}`);
    repo.git('add', '.');
    const found = await staged(repo);
    expect(where(found.report, key.secret)).toEqual(['win.ini:4']);
  });

  it('maps added lines in UTF-16 files (which git diffs as binary)', async () => {
    const repo = Repo.init();
    const old = leak();
    repo.commit('base', { 'setup.ps1': utf16(`# setup\r\n${old.text.replace(/\n/g, '\r\n')}`) });
    const fresh = leak();
    repo.write('setup.ps1', utf16(`# setup\r\n# new line\r\n${old.text.replace(/\n/g, '\r\n')}${fresh.text.replace(/\n/g, '\r\n')}`));
    repo.git('add', '.');
    const found = await staged(repo);
    expect(where(found.report, old.secret)).toEqual([]);
    expect(where(found.report, fresh.secret)).toEqual(['setup.ps1:6']);
  });

  it('never changes the index, the work tree or refs', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'a.env': 'x=1\n' });
    repo.write('a.env', `x=1\n${leak().text}`);
    repo.git('add', '.');
    repo.write('a.env', 'x=2\n');
    repo.write('untracked.txt', 'u\n');
    const index = path.join(repo.dir, '.git', 'index');
    const before = { status: repo.git('status', '--porcelain'), bytes: readFileSync(index), mtime: statSync(index).mtimeMs, refs: repo.git('for-each-ref') };
    expect((await staged(repo)).status).toBe(1);
    expect(readFileSync(index).equals(before.bytes)).toBe(true);
    expect(statSync(index).mtimeMs).toBe(before.mtime);
    expect(repo.git('status', '--porcelain')).toBe(before.status);
    expect(repo.git('for-each-ref')).toBe(before.refs);
  });

  it('is one clear line, exit 2, outside a repository', async () => {
    const result = await runKeywarden(['scan', '--staged'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^keywarden: not a git repository/);
  });

  it('does not load yargs, simple-git or fast-glob on the hook path, from the chunks or from cli.cjs', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.write('a.txt', 'a\nb\n');
    repo.git('add', '.');
    const dir = tempDir();
    const log = path.join(dir, 'modules.log');
    // A module resolve hook (registered on the main thread only) that records every ES module the CLI loads, and
    // a hook on require() for cli.cjs's CommonJS loads (bin/code-cache.js: Node < 22.1 runs the hooks' commands so).
    writeFileSync(path.join(dir, 'hook.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, n) { const r = await n(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nimport { isMainThread } from 'node:worker_threads';\nif (isMainThread) register(${JSON.stringify(pathToFileURL(path.join(dir, 'hook.mjs')).href)});\n`);
    writeFileSync(path.join(dir, 'require.cjs'), `const Module = require('node:module'); const { appendFileSync } = require('node:fs'); const load = Module._load;\nModule._load = function (request, ...rest) { appendFileSync(${JSON.stringify(log)}, 'require:' + request + '\\n'); return load.call(this, request, ...rest); };\n`);
    const hooks = `--import=${pathToFileURL(path.join(dir, 'register.mjs')).href} --require=${path.join(dir, 'require.cjs')}`;
    const loadedBy = (env: Record<string, string>): string => {
      writeFileSync(log, '');
      const result = runCli(['scan', '--staged'], { cwd: repo.dir, env: { NODE_OPTIONS: hooks, ...env } });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(log, 'utf8');
    };
    const chunks = loadedBy({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(chunks).toMatch(/\/dist\/bundle\/staged-\w+\.js\n/); // the staged source's chunk: the log is not vacuous
    expect(chunks).not.toMatch(/node_modules\/(yargs|simple-git|fast-glob)\//);
    const script = loadedBy({});
    // On a Node with its own compile cache the hook loads the chunks too; otherwise cli.cjs, through code-cache.js.
    if (typeof (module as { enableCompileCache?: unknown }).enableCompileCache !== 'function') expect(script).toMatch(/require:\.\/code-cache\.js\n/);
    expect(script).toMatch(/require:node:/); // the log of requires is not vacuous
    expect(script).not.toMatch(/yargs|simple-git|fast-glob/);
    // With no cache to keep, the chunks (one file compiles slower than they do when nothing is cached).
    expect(loadedBy({ KEYWARDEN_CODE_CACHE: '' })).toMatch(/\/dist\/bundle\/staged-\w+\.js\n/);
  });
});
