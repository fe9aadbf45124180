// A folder scan never skips anything without a word: a folder it cannot list (permissions, a path longer than
// PATH_MAX) is a warning naming it, and an entry that is neither a file nor a folder is a note under --verbose.
// Tests run as root here, where chmod 000 stops nothing: the unreadable-folder case runs the CLI as `nobody`.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile } from './support/git-hooks.js';
import { tempDir } from './support/repo.js';

const NOBODY = 65534;

/** The CLI as an unprivileged user when this process is root (null where that cannot be done). */
function runAsUnprivileged(args: string[], cwd: string): { status: number; stdout: string; stderr: string } | null {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOME: cwd }, ...(root ? { uid: NOBODY, gid: NOBODY } : {}) });
  if (result.error) return null;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('folder scans say what they skip', () => {
  it('warns about a folder it cannot read, naming it, and scans the rest', async () => {
    const dir = tempDir('keywarden-skip-');
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'tree', 'locked'), { recursive: true });
    writeFileSync(path.join(dir, 'tree', 'locked', 'key.ini'), credentialsFile(fakeKeyId(), fakeSecret()));
    writeFileSync(path.join(dir, 'tree', 'open.ini'), credentialsFile(fakeKeyId(), fakeSecret()));
    chmodSync(path.join(dir, 'tree'), 0o755);
    chmodSync(path.join(dir, 'tree', 'locked'), 0o000);
    const result = runAsUnprivileged(['scan', 'tree'], dir);
    chmodSync(path.join(dir, 'tree', 'locked'), 0o755);
    if (result === null) return; // no way to be unprivileged here
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('tree/open.ini');
    expect(result.stderr).toMatch(/^keywarden: warning: could not read folder tree\/locked: EACCES; its files were not scanned$/m);
  });

  it('warns about a folder whose path is longer than PATH_MAX', async () => {
    const dir = tempDir('keywarden-deep-');
    // Built one relative step at a time: no single path given to the kernel is too long.
    const name = 'd'.repeat(200);
    const script = `const fs = require('fs'); for (let i = 0; i < 24; i++) { fs.mkdirSync(${JSON.stringify(name)}); process.chdir(${JSON.stringify(name)}); } fs.writeFileSync('key.ini', ${JSON.stringify(credentialsFile(fakeKeyId(), fakeSecret()))});`;
    const made = spawnSync(process.execPath, ['-e', script], { cwd: path.join(dir), encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(dir.length + 24 * 201).toBeGreaterThan(4096);
    const result = await runKeywarden(['scan', '.'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    const warning = result.stderr.split('\n').find((line) => line.includes('could not read'));
    expect(warning, result.stderr).toMatch(/^keywarden: warning: could not read (folder )?(d{200}\/)+d{200}(\/key\.ini)?: ENAMETOOLONG/);
  });

  it('notes an entry that is not a regular file (a FIFO) under --verbose', async () => {
    if (os.platform() === 'win32') return;
    const dir = tempDir('keywarden-fifo-');
    mkdirSync(path.join(dir, 'tree'));
    const made = spawnSync('mkfifo', [path.join(dir, 'tree', 'pipe')]);
    if (made.error || made.status !== 0) return;
    writeFileSync(path.join(dir, 'tree', 'a.txt'), 'nothing\n');
    const result = await runKeywarden(['scan', '--verbose', 'tree'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^keywarden: skipped tree\/pipe: not a regular file$/m);
  });

  it('notes a symbolic link it does not follow (a file or a folder, inside the tree or out of it) under --verbose', async () => {
    const dir = tempDir('keywarden-links-');
    mkdirSync(path.join(dir, 'tree'));
    const outside = tempDir('keywarden-outside-');
    writeFileSync(path.join(outside, 'key.ini'), credentialsFile(fakeKeyId(), fakeSecret()));
    symlinkSync(outside, path.join(dir, 'tree', 'elsewhere'));
    symlinkSync(path.join(outside, 'key.ini'), path.join(dir, 'tree', 'key-link.ini'));
    const quiet = await runKeywarden(['scan', 'tree'], { cwd: dir });
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).toMatch(/^keywarden: 2 files skipped .*a symbolic link.*; --verbose lists them and why$/m);
    const verbose = await runKeywarden(['scan', '--verbose', 'tree'], { cwd: dir });
    expect(verbose.stderr).toMatch(/^keywarden: skipped tree\/elsewhere: a symbolic link \(not followed\)$/m);
    expect(verbose.stderr).toMatch(/^keywarden: skipped tree\/key-link\.ini: a symbolic link \(not followed\)$/m);
  });
});

describe('a file that turns into something else between listing and reading', () => {
  it('is not waited on when it is now a FIFO with no writer: skipped with a note', () => {
    if (os.platform() === 'win32') return;
    const dir = tempDir('keywarden-fifo-race-');
    const fifo = path.join(dir, 'was-a-file.txt');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.error || made.status !== 0) return;
    // readTarget itself, in a child process: a blocking open would hang this test's own process for good.
    const script = path.join(dir, 'read.mjs');
    buildSync({ entryPoints: [path.join(ROOT, 'src', 'sources', 'read-file.ts')], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'read-file.mjs'), logLevel: 'silent' });
    writeFileSync(script, `import { readTarget } from './read-file.mjs';\nconst notes = [];\nconst data = readTarget(${JSON.stringify(fifo)}, 'was-a-file.txt', 1e6, notes);\nconsole.log(JSON.stringify({ data, notes: notes.map((note) => note.message) }));\n`);
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10_000 });
    expect(result.signal, 'the read waited for a writer').toBeNull();
    expect(JSON.parse(result.stdout)).toEqual({ data: null, notes: ['skipped was-a-file.txt: not a regular file'] });
  });
});
