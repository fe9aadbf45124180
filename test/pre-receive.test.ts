// `keywarden scan --pre-receive` as git's server-side hook (hooks/pre-receive): real bare repositories, real
// `git push` over file:// and over `git daemon` on 127.0.0.1. Each rejected push must leave the server's ref
// where it was; each accepted one must move it. The hook's lines reach the pusher as `remote: …`.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret, type Leak } from './support/fakes.js';
import { bareServer, installHook, push, serverRef, startDaemon, type Daemon } from './support/git-server.js';
import { Repo, tempDir } from './support/repo.js';

function leak(): Leak {
  const id = fakeKeyId();
  const secret = fakeSecret();
  return { id, secret, text: `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n` };
}

/** The two lines the hook prints for `leak` added as `file` in commit `sha` (subject `subject`). */
function expectLeakLines(remote: string[], leaked: Leak, file: string, sha: string, subject: string): void {
  const at = ` in commit ${sha.slice(0, 12)} "${subject}"`;
  expect(remote).toContain(`keywarden: ${file}:1:21 access key ID ${leaked.id}${at}`);
  const secretLine = remote.find((line) => line.startsWith(`keywarden: ${file}:2:25 secret access key `));
  expect(secretLine, remote.join('\n')).toMatch(new RegExp(`^${quote(`keywarden: ${file}:2:25 secret access key ${leaked.secret.slice(0, 4)}`)}\\*+${quote(at)}$`));
  expect(remote.join('\n')).not.toContain(leaked.secret);
}

function quote(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A working clone of `server` with a first clean commit on main pushed (before or after the hook: same). */
function cloneWithMain(server: Repo): Repo {
  const work = Repo.init();
  work.commit('first', { 'README.md': 'hello\n' });
  const first = push(work, `file://${server.dir}`, 'main');
  expect(first.status, first.stderr).toBe(0);
  return work;
}

describe('hooks/pre-receive', () => {
  it('is POSIX sh (parses under dash), executable, and starts with #!/bin/sh', async () => {
    const file = path.join(ROOT, 'hooks', 'pre-receive');
    execFileSync('dash', ['-n', file]);
    expect(readFileSync(file, 'utf8').startsWith('#!/bin/sh\n')).toBe(true);
    expect(statSync(file).mode & 0o111).not.toBe(0);
  });
});

describe('scan --pre-receive over file://', () => {
  it('rejects a new branch whose commit adds a key, one line per finding; the branch is not created', async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    work.git('checkout', '-q', '-b', 'feature');
    const leaked = leak();
    const sha = work.commit('add creds', { 'config/creds': leaked.text });
    const result = push(work, url, 'feature');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('[remote rejected] (pre-receive hook declined)');
    expect(result.remote[0]).toBe('keywarden: push rejected: 2 AWS credentials in the pushed commits:');
    expectLeakLines(result.remote, leaked, 'config/creds', sha, 'add creds');
    expect(result.remote).toContain(`keywarden: a key that was ever pushed or shared is leaked: deactivate it (keywarden remediate --key ${leaked.id})`);
    expect(serverRef(server, 'refs/heads/feature')).toBeNull();
  });

  it('accepts a clean push and the ref moves; deleting a branch is accepted', async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    const sha = work.commit('docs', { 'docs/a.md': 'text\n' });
    const result = push(work, url, 'main', 'main:refs/heads/to-delete');
    expect(result.status, result.stderr).toBe(0);
    expect(result.remote).toEqual([]);
    expect(serverRef(server, 'refs/heads/main')).toBe(sha);
    const deleted = push(work, url, ':refs/heads/to-delete');
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(serverRef(server, 'refs/heads/to-delete')).toBeNull();
  });

  it('rejects a force push whose rewritten commit adds a key; the ref keeps its old commit', async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    const before = work.commit('clean', { 'app.txt': 'v1\n' });
    expect(push(work, url, 'main').status).toBe(0);
    work.git('reset', '-q', '--hard', 'HEAD~1');
    const leaked = leak();
    const sha = work.commit('rewrite', { 'app.env': leaked.text });
    const result = push(work, url, '--force', 'main');
    expect(result.status).not.toBe(0);
    expectLeakLines(result.remote, leaked, 'app.env', sha, 'rewrite');
    expect(serverRef(server, 'refs/heads/main')).toBe(before);
  });

  it('rejects an annotated tag of a commit that adds a key (on no branch of the server); the tag is not created', async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    const leaked = leak();
    const sha = work.commit('release with creds', { 'deploy/creds.ini': leaked.text });
    work.git('tag', '-a', '-m', 'release', 'v1.0');
    const result = push(work, url, 'refs/tags/v1.0');
    expect(result.status).not.toBe(0);
    expectLeakLines(result.remote, leaked, 'deploy/creds.ini', sha, 'release with creds');
    expect(serverRef(server, 'refs/tags/v1.0')).toBeNull();
  });

  it('rejects a push of many commits where one adds a key and a later one removes it, naming the commit that added it', async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    const before = serverRef(server, 'refs/heads/main');
    const leaked = leak();
    let added = '';
    for (let i = 0; i < 30; i++) {
      if (i === 10) added = work.commit(`commit ${i}`, { 'settings.cfg': leaked.text });
      else if (i === 20) {
        work.remove('settings.cfg');
        work.commit(`commit ${i}`);
      } else work.commit(`commit ${i}`, { [`notes/${i}.txt`]: `note ${i}\n` });
    }
    const result = push(work, url, 'main');
    expect(result.status).not.toBe(0);
    expect(result.remote[0]).toBe('keywarden: push rejected: 2 AWS credentials in the pushed commits:');
    expectLeakLines(result.remote, leaked, 'settings.cfg', added, 'commit 10');
    expect(serverRef(server, 'refs/heads/main')).toBe(before);
  });

  it('scans only what the push brings: a key already on the server (pushed before the hook) does not block new clean commits, nor a new branch or tag at an existing commit', async () => {
    const server = Repo.init({ bare: true });
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    const old = work.commit('old leak', { 'old.env': leak().text });
    expect(push(work, url, 'main').status).toBe(0);
    installHook(server);
    const sha = work.commit('clean', { 'b.txt': 'b\n' });
    work.git('tag', 'at-old-leak', old);
    const result = push(work, url, 'main', `${old}:refs/heads/old-copy`, 'refs/tags/at-old-leak');
    expect(result.status, result.stderr).toBe(0);
    expect(serverRef(server, 'refs/heads/main')).toBe(sha);
    expect(serverRef(server, 'refs/heads/old-copy')).toBe(old);
  });

  it("reads the configuration and baseline from the default branch, never from the push", async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    // The push tries to silence the scan of itself: its own config ignoring every path, its own baseline.
    const leaked = leak();
    work.commit('key', { 'keys/a.env': leaked.text });
    const baseline = await runKeywarden(['baseline', '--output', '.keywarden-baseline.json'], { cwd: work.dir });
    expect(baseline.status, baseline.stderr).toBe(0);
    const sha = work.commit('silence it', { '.keywarden.json': JSON.stringify({ ignorePaths: ['**'] }) });
    const selfSilenced = push(work, url, 'main');
    expect(selfSilenced.status).not.toBe(0);
    expect(selfSilenced.remote[0]).toBe('keywarden: push rejected: 2 AWS credentials in the pushed commits:');
    expect(serverRef(server, 'refs/heads/main')).not.toBe(sha);

    // The same settings on the default branch (pushed on their own, without a key) are honoured.
    const admin = Repo.init();
    admin.git('fetch', '-q', url, 'main');
    admin.git('reset', '-q', '--hard', 'FETCH_HEAD');
    admin.commit('allow fixtures', { '.keywarden.json': JSON.stringify({ ignorePaths: ['fixtures/**'] }) });
    expect(push(admin, url, 'main').status).toBe(0);
    const fixture = admin.commit('fixture', { 'fixtures/creds': leak().text });
    const allowed = push(admin, url, 'main');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(serverRef(server, 'refs/heads/main')).toBe(fixture);
    // A branch that changes the config back is still scanned with the default branch's.
    admin.git('checkout', '-q', '-b', 'sneaky');
    admin.commit('config', { '.keywarden.json': '{}' });
    admin.commit('more fixtures', { 'fixtures/more': leak().text });
    expect(push(admin, url, 'sneaky').status).toBe(0);
  });

  it("honours the default branch's .keywarden-baseline.json, and only the default branch's", async () => {
    const server = bareServer();
    const url = `file://${server.dir}`;
    const work = cloneWithMain(server);
    const leaked = leak();
    work.write('keys/a.env', leaked.text);
    const written = await runKeywarden(['baseline', '--output', '.keywarden-baseline.json'], { cwd: work.dir });
    expect(written.status, written.stderr).toBe(0);
    work.remove('keys');
    // The baseline alone reaches the default branch first (it holds no key: fingerprints only).
    work.commit('baseline', { '.keywarden-baseline.json': readFileSync(path.join(work.dir, '.keywarden-baseline.json')) });
    expect(push(work, url, 'main').status).toBe(0);
    const sha = work.commit('accepted key', { 'keys/a.env': leaked.text });
    const result = push(work, url, 'main');
    expect(result.status, result.stderr).toBe(0);
    expect(serverRef(server, 'refs/heads/main')).toBe(sha);
    // Another key is not in it.
    const other = leak();
    const second = work.commit('new key', { 'keys/b.env': other.text });
    const rejected = push(work, url, 'main');
    expect(rejected.status).not.toBe(0);
    expectLeakLines(rejected.remote, other, 'keys/b.env', second, 'new key');
  });

  it('--timeout: closed (the default) rejects the push with a clear line, open accepts it with a warning', async () => {
    const leaked = leak();
    const closed = bareServer('--timeout 0.001');
    const work = Repo.init();
    work.commit('key', { 'a.env': leaked.text });
    const rejected = push(work, `file://${closed.dir}`, 'main');
    expect(rejected.status).not.toBe(0);
    expect(rejected.remote).toEqual([
      'keywarden: push rejected: the scan for AWS credentials did not finish within 0.001 seconds (--timeout), and an unscanned push is not let through (--on-timeout closed). Push fewer commits at a time, or ask the administrator to raise the hook\'s --timeout',
    ]);
    expect(serverRef(closed, 'refs/heads/main')).toBeNull();
    const open = bareServer('--timeout 0.001 --on-timeout open');
    const accepted = push(work, `file://${open.dir}`, 'main');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.remote).toEqual(['keywarden: warning: the scan for AWS credentials did not finish within 0.001 seconds (--timeout): the push is accepted UNSCANNED (--on-timeout open)']);
    expect(serverRef(open, 'refs/heads/main')).toBe(work.git('rev-parse', 'HEAD').trim());
  });

  it('rejects a tag of a blob (not scanned as commits are) rather than let it through unscanned', async () => {
    const server = bareServer();
    const work = cloneWithMain(server);
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: work.dir, input: leak().text, encoding: 'utf8' }).trim();
    work.git('tag', 'blob-tag', blob);
    const result = push(work, `file://${server.dir}`, 'refs/tags/blob-tag');
    expect(result.status).not.toBe(0);
    expect(result.remote).toEqual(['keywarden: refs/tags/blob-tag points at a blob, which keywarden does not scan: the push is rejected unscanned']);
    expect(serverRef(server, 'refs/tags/blob-tag')).toBeNull();
  });

  it('rejects the push when the hook cannot find keywarden (fail closed)', async () => {
    const server = bareServer();
    const work = Repo.init();
    work.commit('clean', { 'a.txt': 'a\n' });
    const result = spawnPush(work, `file://${server.dir}`);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("remote: keywarden: the server's pre-receive hook cannot find keywarden, so the push was rejected unchecked.");
    expect(serverRef(server, 'refs/heads/main')).toBeNull();
  });
});

/** A push whose hook sees neither $KEYWARDEN nor keywarden on PATH. */
function spawnPush(work: Repo, url: string): { status: number; stderr: string } {
  try {
    execFileSync('git', ['push', url, 'main'], { cwd: work.dir, env: { ...process.env, KEYWARDEN: '', PATH: path.dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()) + ':/bin:/usr/bin' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { status: failed.status, stderr: String(failed.stderr) };
  }
}

describe('scan --pre-receive over git daemon (git://127.0.0.1)', () => {
  let base: string;
  let daemon: Daemon;
  beforeAll(async () => {
    base = tempDir('keywarden-daemon-');
    daemon = await startDaemon(base);
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  it('rejects a push that adds a key (the ref stays) and accepts a clean one (the ref moves)', async () => {
    const server = bareServer(undefined, base);
    const url = daemon.url(server);
    const work = Repo.init();
    const first = work.commit('first', { 'README.md': 'hi\n' });
    const accepted = push(work, url, 'main');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(serverRef(server, 'refs/heads/main')).toBe(first);
    const leaked = leak();
    const sha = work.commit('add creds', { 'creds.txt': leaked.text });
    const rejected = push(work, url, 'main');
    expect(rejected.status).not.toBe(0);
    expect(rejected.remote[0]).toBe('keywarden: push rejected: 2 AWS credentials in the pushed commits:');
    expectLeakLines(rejected.remote, leaked, 'creds.txt', sha, 'add creds');
    expect(serverRef(server, 'refs/heads/main')).toBe(first);
  });
});

describe('scan --pre-receive on the command line', () => {
  it('says what is wrong with its input and options, one line, exit 2', async () => {
    const server = Repo.init({ bare: true });
    const bad = await runKeywarden(['scan', '--pre-receive'], { cwd: server.dir, input: 'not a ref update\n' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('keywarden: --pre-receive reads git\'s "<old> <new> <ref>" lines on standard input; line 1 is not one (is this running as a pre-receive hook?)\n');
    const stray = await runKeywarden(['scan', '--timeout', '5']);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toBe('keywarden: --timeout is for --pre-receive (the server-side hook); --verify-timeout bounds --verify\n');
    const open = await runKeywarden(['scan', '--pre-receive', '--on-timeout', 'maybe'], { cwd: server.dir });
    expect(open.status).toBe(2);
    expect(open.stderr).toBe("keywarden: --on-timeout wants open (accept the push) or closed (reject it), got 'maybe'\n");
    const format = await runKeywarden(['scan', '--pre-receive', '--format', 'json'], { cwd: server.dir });
    expect(format.status).toBe(2);
    expect(format.stderr).toBe('keywarden: --pre-receive prints its own lines for git to relay to the pusher: --format is not taken with it\n');
    const verify = await runKeywarden(['scan', '--pre-receive', '--verify'], { cwd: server.dir });
    expect(verify.status).toBe(2);
    expect(verify.stderr).toBe('keywarden: --pre-receive does not take --verify: the hook never calls AWS (keywarden remediate --verify does, for the keys it found)\n');
  });

  it('--timeout ends the run at its budget, not when the scan would have finished (detection is abandoned too)', async () => {
    // Keyword-dense files: little to read, much to detect (seconds of work on the engine, not in git).
    const repo = Repo.init();
    const files: Record<string, string> = {};
    for (let f = 0; f < 8; f++) files[`f${f}.txt`] = Array.from({ length: 60_000 }, (_, i) => `aws_secret_access_key = ${(i * 7919 + f).toString(36)} AKIA${i % 97}\n`).join('');
    const sha = repo.commit('big', files);
    repo.git('update-ref', '-d', 'refs/heads/main'); // no ref holds it: as if just pushed
    const input = `${'0'.repeat(40)} ${sha} refs/heads/main\n`;
    const time = (args: string[]): { ms: number; result: ReturnType<typeof runCli> } => {
      const start = Date.now();
      const result = runCli(['scan', '--pre-receive', ...args], { cwd: repo.dir, input });
      return { ms: Date.now() - start, result };
    };
    const full = time(['--timeout', '600']);
    expect(full.result.status, full.result.stderr).toBe(0);
    const cut = time(['--timeout', '0.2']);
    expect(cut.result.status).toBe(2);
    expect(cut.result.stderr).toMatch(/^keywarden: push rejected: the scan for AWS credentials did not finish within 0\.2 seconds/);
    expect(cut.ms, `full scan ${full.ms} ms`).toBeLessThan(full.ms / 2);
  });

  it('rejects a pushed tip the repository does not have', async () => {
    const server = Repo.init({ bare: true });
    const missing = 'ab'.repeat(20);
    const result = await runKeywarden(['scan', '--pre-receive'], { cwd: server.dir, input: `${'0'.repeat(40)} ${missing} refs/heads/x\n` });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`keywarden: refs/heads/x names an object the repository does not have (${missing.slice(0, 12)}): the push is rejected unscanned\n`);
  });
});
