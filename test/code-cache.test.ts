// The git hooks' code cache on a Node without a compile cache (bin/code-cache.js): the built CLI as a child
// process, with KEYWARDEN_CODE_CACHE pointing at a folder of the test's own. A cache is executable code for the
// process: it is kept only where no one else can write, is named by the bundle's bytes, and anything wrong with it
// costs the cache, never the command's answer.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { makeTgz, makeZip } from './support/archives.js';
import { fakeLeak } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';

/** A repository whose index adds a key (exit 1 with one finding pair), and a message file holding another. */
function hookRepo(): { repo: Repo; message: string } {
  const repo = Repo.init();
  repo.commit('base', { 'README.md': 'hello\n' });
  repo.write('deploy/creds.ini', fakeLeak().text);
  repo.git('add', '.');
  const message = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
  writeFileSync(message, `fix the deploy\n\n${fakeLeak().text}`);
  return { repo, message };
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.v8cache')).sort();

// Node 22.1+ caches the chunks itself (module.enableCompileCache): there, the hooks' commands never use cli.cjs.
describe.skipIf(typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function')('the hooks\' code cache on Node 20', () => {
  it('keeps one cache per hook command, made by its first run and read by the next, with the same answers', () => {
    const { repo, message } = hookRepo();
    const cache = path.join(tempDir(), 'cache');
    const env = { KEYWARDEN_CODE_CACHE: cache };
    const chunks = { NODE_DISABLE_COMPILE_CACHE: '1' };
    const staged = runCli(['scan', '--staged', '--format', 'json'], { cwd: repo.dir, env });
    expect(staged.status, staged.stderr).toBe(1);
    const [first] = cacheFiles(cache);
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(statSync(path.join(cache, first)).size).toBeGreaterThan(10_000);
    expect((statSync(cache).mode & 0o777).toString(8)).toBe('700');
    const written = statSync(path.join(cache, first)).mtimeMs;
    // Read, not written again: the same file, the same answer as the first run and as the chunks give.
    const again = runCli(['scan', '--staged', '--format', 'json'], { cwd: repo.dir, env });
    expect(statSync(path.join(cache, first)).mtimeMs).toBe(written);
    const fromChunks = runCli(['scan', '--staged', '--format', 'json'], { cwd: repo.dir, env: chunks });
    const withoutTime = (stdout: string) => stdout.replace(/"durationMs": ?\d+/, '');
    expect(withoutTime(again.stdout)).toBe(withoutTime(staged.stdout));
    expect(withoutTime(fromChunks.stdout)).toBe(withoutTime(staged.stdout));
    // The commit-msg hook's command keeps a cache of its own, and so does any other scan; other commands keep none.
    const msg = runCli(['scan', '--commit-msg', message], { cwd: repo.dir, env });
    expect(msg.status, msg.stderr).toBe(1);
    expect(msg.stdout).toBe(runCli(['scan', '--commit-msg', message], { cwd: repo.dir, env: chunks }).stdout);
    expect(cacheFiles(cache)).toHaveLength(2);
    for (const run of [1, 2]) {
      const folder = runCli(['scan', '.', '--format', 'json'], { cwd: repo.dir, env });
      expect(folder.status, `run ${run}: ${folder.stderr}`).toBe(1);
      expect(withoutTime(folder.stdout)).toBe(withoutTime(runCli(['scan', '.', '--format', 'json'], { cwd: repo.dir, env: chunks }).stdout));
      expect(cacheFiles(cache)).toHaveLength(3);
    }
    expect(runCli(['--version'], { cwd: repo.dir, env }).status).toBe(0);
    expect(runCli(['remediate', '--help'], { cwd: repo.dir, env }).status).toBe(0);
    expect(cacheFiles(cache)).toHaveLength(3);
  });

  it('replaces a damaged cache, and keeps none in a folder others may write to, behind a symbolic link, or when told not to', () => {
    const { repo } = hookRepo();
    const expected = runCli(['scan', '--staged'], { cwd: repo.dir, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(expected.status).toBe(1);
    const cache = path.join(tempDir(), 'cache');
    const run = (dir: string) => {
      const result = runCli(['scan', '--staged'], { cwd: repo.dir, env: { KEYWARDEN_CODE_CACHE: dir } });
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 1, stdout: expected.stdout, stderr: expected.stderr });
    };
    run(cache);
    const [name] = cacheFiles(cache);
    // Damaged (bytes changed, then cut short): never given to V8, which would run it (it checks no checksum); the
    // command's answer is unchanged, and the cache is made anew, whole (its leading SHA-256 matches the rest).
    const whole = (bytes: Buffer) => createHash('sha256').update(bytes.subarray(32)).digest().equals(bytes.subarray(0, 32));
    const good = readFileSync(path.join(cache, name));
    expect(whole(good)).toBe(true);
    for (const damaged of [Buffer.from(good.map((byte, i) => (i % 7 === 3 && i > 32 ? byte ^ 0x5a : byte))), good.subarray(0, good.length - 1), good.subarray(0, 100)]) {
      expect(whole(damaged)).toBe(false);
      writeFileSync(path.join(cache, name), damaged);
      run(cache);
      const made = readFileSync(path.join(cache, name));
      expect(whole(made)).toBe(true);
      expect(made.equals(damaged)).toBe(false);
    }
    // A folder others may write to (or whose parent they may), and a symbolic link: no cache read or written.
    const open = path.join(tempDir(), 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    run(open);
    expect(cacheFiles(open)).toEqual([]);
    const parent = path.join(tempDir(), 'shared');
    mkdirSync(path.join(parent, 'cache'), { recursive: true, mode: 0o700 });
    chmodSync(parent, 0o777);
    run(path.join(parent, 'cache'));
    expect(cacheFiles(path.join(parent, 'cache'))).toEqual([]);
    const target = path.join(tempDir(), 'target');
    mkdirSync(target, { mode: 0o700 });
    const link = path.join(tempDir(), 'link');
    symlinkSync(target, link);
    run(link);
    expect(cacheFiles(target)).toEqual([]);
    // KEYWARDEN_CODE_CACHE empty: no cache at all.
    const cwdBefore = readdirSync(repo.dir).sort();
    run('');
    expect(readdirSync(repo.dir).sort()).toEqual(cwdBefore);
  });

  it('reads archives (packages cli.cjs loads on demand) the same from a cold and a warm cache, with nothing on stderr', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hello\n' });
    const zipped = fakeLeak();
    const tarred = fakeLeak();
    writeFileSync(path.join(repo.dir, 'bundle.zip'), makeZip([{ name: 'deploy/creds.ini', data: zipped.text }]));
    writeFileSync(path.join(repo.dir, 'bundle.tgz'), await makeTgz([{ name: 'deploy/creds.ini', data: tarred.text }]));
    repo.git('add', '.');
    const cache = path.join(tempDir(), 'cache');
    const expected = runCli(['scan', '--staged', '--format', 'json', '--no-redact'], { cwd: repo.dir, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(expected.stdout).toContain(zipped.secret);
    expect(expected.stdout).toContain(tarred.secret);
    for (const round of ['cold', 'warm']) {
      const result = runCli(['scan', '--staged', '--format', 'json', '--no-redact'], { cwd: repo.dir, env: { KEYWARDEN_CODE_CACHE: cache } });
      expect({ round, status: result.status, stderr: result.stderr }).toEqual({ round, status: 1, stderr: '' });
      expect(result.stdout.replace(/"durationMs": ?\d+/, '')).toBe(expected.stdout.replace(/"durationMs": ?\d+/, ''));
    }
    expect(cacheFiles(cache)).toHaveLength(1);
  });

  it('lets go of files not written for 60 days when it writes one (other versions\' caches), and keeps the others', () => {
    const { repo } = hookRepo();
    const cache = path.join(tempDir(), 'cache');
    mkdirSync(cache, { mode: 0o700 });
    const old = path.join(cache, `${'a'.repeat(40)}.v8cache`);
    const recent = path.join(cache, `${'b'.repeat(40)}.v8cache`);
    const leftover = path.join(cache, `${'c'.repeat(40)}.v8cache.123.tmp`);
    const unrelated = path.join(cache, 'notes.txt');
    for (const file of [old, recent, leftover, unrelated]) writeFileSync(file, 'x');
    const days = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);
    utimesSync(old, days(61), days(61));
    utimesSync(leftover, days(61), days(61));
    utimesSync(recent, days(59), days(59));
    utimesSync(unrelated, days(400), days(400));
    expect(runCli(['scan', '--staged'], { cwd: repo.dir, env: { KEYWARDEN_CODE_CACHE: cache } }).status).toBe(1);
    const left = readdirSync(cache).sort();
    expect(left).toContain(path.basename(recent));
    expect(left).toContain('notes.txt');
    expect(left).not.toContain(path.basename(old));
    expect(left).not.toContain(path.basename(leftover));
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  it('never gives a changed bundle the cache of another: the name holds a hash of the bundle\'s bytes', () => {
    const { repo } = hookRepo();
    // A copy of the package whose cli.cjs then changes (a comment at its end: the same code, another text).
    const install = path.join(tempDir(), 'keywarden');
    for (const part of ['bin', 'dist', 'patterns', 'package.json']) cpSync(path.join(ROOT, part), path.join(install, part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(install, 'node_modules'));
    const cache = path.join(tempDir(), 'cache');
    const run = () => spawnSync(process.execPath, [path.join(install, 'bin', 'keywarden.js'), 'scan', '--staged'], { cwd: repo.dir, env: { ...process.env, KEYWARDEN_CODE_CACHE: cache }, encoding: 'utf8' });
    expect(run().status).toBe(1);
    const [before] = cacheFiles(cache);
    appendFileSync(path.join(install, 'dist', 'bundle', 'cli.cjs'), '\n// changed\n');
    expect(run().status).toBe(1);
    expect(cacheFiles(cache)).toHaveLength(2);
    expect(cacheFiles(cache)).toContain(before);
  });
});
