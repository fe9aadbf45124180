// A hostile review of issue #10's guarantees ("no commit, file name, git setting or signal can make keywarden
// report clean while a key is there"): each test is an attack that got through on main. Real git, the built
// CLI and the bundled Action as child processes, fake keys generated at run time.
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runEventAction, runPullRequestAction } from './support/action-runner.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile } from './support/git-hooks.js';
import { ESC, forgedCommands, terminalProblem } from './support/hostile.js';
import { renderGfm } from './support/markdown.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';

function leak(): { keyId: string; secret: string; text: string } {
  const keyId = fakeKeyId();
  const secret = fakeSecret();
  return { keyId, secret, text: credentialsFile(keyId, secret) };
}

/** A bare-bones "origin → actions/checkout" clone with the pull request's head checked out. */
function workspaceOf(origin: Repo, head: string): Repo {
  const dir = path.join(tempDir('keywarden-ws-'), 'ws');
  spawnSync('git', ['clone', '-q', `file://${origin.dir}`, dir], { env: { ...process.env, ...GIT_ENV } });
  const ws = new Repo(dir);
  ws.git('checkout', '-q', head);
  return ws;
}

describe('BOM-less UTF-16 text with one character whose code unit holds a zero byte', () => {
  // decode.ts bomlessUtf16 calls a buffer UTF-16LE only when not one even byte is NUL; one "Ā" (U+0100,
  // bytes 00 01) or one CJK "一" (U+4E00, bytes 00 4E) anywhere in the first 8 KiB made the file "binary".
  it('is still decoded and its key reported (folder, staged and history scans)', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': '# app\n' });
    const { keyId, text } = leak();
    repo.write('creds.ini', Buffer.from(`# owner: 一\n${text}`, 'utf16le'));
    const folder = await runKeywarden(['scan', '.', '--format', 'json'], { cwd: repo.dir });
    expect(folder.status, folder.stdout + folder.stderr).toBe(1);
    expect(folder.stdout).toContain(keyId);
    repo.git('add', '-A');
    const staged = await runKeywarden(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(staged.status, staged.stdout + staged.stderr).toBe(1);
    repo.git('commit', '-q', '-m', 'utf-16');
    const history = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(history.status, history.stdout + history.stderr).toBe(1);
  });
});

describe('a NUL byte in front of a key', () => {
  // decode.ts used to skip as "binary" anything with a NUL in its first 8 KiB that is not a UTF-16 pattern, with
  // a verbose-only note and exit 0: one NUL byte hid every key from the hook, the history scan and the Action.
  // The text inside binary content is now scanned.
  it('does not make the scan report clean (staged, history, folder)', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': '# app\n' });
    const { text } = leak();
    repo.write('deploy.env', Buffer.concat([Buffer.from([0]), Buffer.from(`\n${text}`)]));
    repo.git('add', '-A');
    expect((await runKeywarden(['scan', '--staged'], { cwd: repo.dir })).status).not.toBe(0);
    repo.git('commit', '-q', '-m', 'add deploy.env');
    expect((await runKeywarden(['scan', '--history'], { cwd: repo.dir })).status).not.toBe(0);
    expect((await runKeywarden(['scan', '.'], { cwd: repo.dir })).status).not.toBe(0);
  });
});

describe('the Action on a pull request', () => {
  let entry: string;
  beforeAll(async () => {
    entry = await bundleAction();
  }, 120_000);

  function pullRequest(files: Record<string, string | Buffer>): { ws: Repo; base: string; head: string } {
    const origin = Repo.init();
    const base = origin.commit('base', { 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    const head = origin.commit('feature', files);
    origin.git('checkout', '-q', 'main');
    return { ws: workspaceOf(origin, head), base, head };
  }

  // A file over maxFileSize (10 MB by default, from the base commit's configuration) is a note and the step
  // passes: a pull request that pads its key file past the limit merges the key. run.ts/pipeline.ts: notes
  // for oversize files are never `incomplete`. Not fixed here: see the report.
  it.fails('fails the step when a file it adds is over the size limit and holds a key', () => {
    const { text } = leak();
    const padded = Buffer.concat([Buffer.from(text), Buffer.alloc(11 * 1024 * 1024, '#')]);
    const { ws, base, head } = pullRequest({ 'dump/seed.sql': padded });
    const run = runPullRequestAction(entry, ws.dir, base, head);
    expect(run.status, run.stdout + run.stderr).not.toBe(0);
  });

  // run.ts showed only non-verbose notes: a file the scan skipped (over the size limit, binary) was not
  // mentioned at all in the log or the summary, where the CLI at least counts them on stderr.
  it('names the files it did not scan, in the log and the job summary', async () => {
    const { text } = leak();
    const padded = Buffer.concat([Buffer.from(text), Buffer.alloc(11 * 1024 * 1024, '#')]);
    const { ws, base, head } = pullRequest({ 'dump/seed.sql': padded });
    const run = runPullRequestAction(entry, ws.dir, base, head);
    expect(run.stdout).toMatch(/^::warning::keywarden: 1 file was not scanned, so a key in it would not be found: dump\/seed\.sql \(blob [0-9a-f]{10}\): \d+ bytes is over/m);
    expect(run.summary).toMatch(/> :warning: 1 file was not scanned.*dump\/seed\\\.sql/);
  });

  // A pull request may add `keywarden:allow` next to its own key: the key is then "allowed" and the step
  // passes without a word in the log or the summary. Intended for the CLI (the author's own call), but the
  // Action does not trust the pull request's configuration, and an inline allow is configuration the pull
  // request writes. The log and the summary now say which keys the pull request allowed inline.
  it('says so when the pull request silences its own key with keywarden:allow', async () => {
    const { keyId, secret } = leak();
    const { ws, base, head } = pullRequest({ 'config/prod.env': `AWS_ACCESS_KEY_ID=${keyId} # keywarden:allow\nAWS_SECRET_ACCESS_KEY=${secret} # keywarden:allow\n` });
    const run = runPullRequestAction(entry, ws.dir, base, head);
    expect(run.status, run.stdout).toBe(0); // honoured: the author may be right
    expect(run.stdout).toMatch(/^::warning title=keywarden%3A keys allowed inline by this pull request::this pull request adds 2 credentials marked keywarden:allow.*config\/prod\.env:1, config\/prod\.env:2/m);
    expect(run.summary).toContain("> :warning: this pull request adds 2 credentials marked keywarden\\:allow");
  });

  // The two warnings above list paths the pull request names (notes.skipped, inline allows): data in a workflow
  // command's title-less line and in the job summary, where a name holding 0x01, a newline, ESC, `::`, `%0A` or
  // HTML must stay one escaped line and plain text.
  it('lists hostile file names in its unscanned and inline-allowed warnings as escaped text', async () => {
    const { keyId, secret } = leak();
    const allowed = `\x01a${ESC}[2J\n::error::forged%0A::warning::b <img src=x onerror=alert(1)>.env`;
    const big = `big\n::set-output name=x::y%0A##[error]c <b>.env`;
    const { ws, base, head } = pullRequest({ [allowed]: `AWS_ACCESS_KEY_ID=${keyId} # keywarden:allow\nAWS_SECRET_ACCESS_KEY=${secret} # keywarden:allow\n`, [big]: 'x'.repeat(4000) });
    const run = runPullRequestAction(entry, ws.dir, base, head, { args: '--max-file-size 1000' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(terminalProblem(run.stdout)).toBeNull();
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings.some((line) => line.includes('keywarden:allow') && line.includes('\\x01a\\x1b[2J\\n\\x3a:error::forged%250A'))).toBe(true);
    expect(warnings.some((line) => line.includes('big\\n\\x3a:set-output name=x::y%250A#\\x23[error]c <b>.env') && line.includes(': 4000 bytes is over'))).toBe(true);
    const html = renderGfm(run.summary);
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the Action on a push whose branch name is Markdown', () => {
  // summary.ts writes the plan's warnings with escapeText only ("keywarden's prose"), but pushed.ts puts the
  // pushed ref's name in the shallow-checkout warning: a branch may be named `<img/src=x>` or
  // `www.evil.example/login` (legal ref names), which the job summary rendered as HTML and as a link.
  it('keeps the branch name as text in the job summary', async () => {
    const entry = await bundleAction();
    const origin = Repo.init();
    origin.commit('base', { 'README.md': '# app\n' });
    const branch = 'fix/<img/src=x>-sign-in-again-at-www.evil.example/login';
    origin.git('checkout', '-q', '-b', branch);
    origin.commit('one', { 'a.txt': '1\n' });
    const tip = origin.commit('two', { 'b.txt': '2\n' });
    const dir = path.join(tempDir('keywarden-ws-'), 'ws');
    spawnSync('git', ['clone', '-q', '--depth', '1', '--branch', branch, `file://${origin.dir}`, dir], { env: { ...process.env, ...GIT_ENV } });
    const payload = { ref: `refs/heads/${branch}`, before: 'd'.repeat(40), after: tip, created: false, deleted: false, forced: true, repository: { full_name: 'acme/app', default_branch: 'main' } };
    const run = runEventAction(entry, dir, 'push', payload);
    expect(run.summary, run.stdout + run.stderr).toContain('the checkout is shallow');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toMatch(/[^\\]www\.evil/); // a bare GFM autolink
  }, 120_000);
});

describe('a key that only a tag reaches, not a commit', () => {
  // --history scans `git log --all`: commits and their trees. A ref may point straight at a blob or a tree
  // (git tag NAME <blob>; linux's v2.6.11-tree is a tag of a tree); a clone fetches it with the other tags,
  // yet no commit lists its content, so history.ts never read it and the scan said clean. Fixed:
  // src/sources/git/ref-objects.ts lists what each ref peels to; findings are named `<ref>` / `<ref>:<path>`.
  it('--history reports a key in a blob or a tree that a tag points at', async () => {
    for (const kind of ['blob', 'tree'] as const) {
      const repo = Repo.init();
      repo.commit('base', { 'README.md': '# app\n' });
      const { keyId, text } = leak();
      repo.write('deploy.env', text);
      const blob = repo.git('hash-object', '-w', 'deploy.env').trim();
      let target = blob;
      if (kind === 'tree') {
        repo.git('add', 'deploy.env');
        target = repo.git('write-tree').trim();
        repo.git('rm', '-q', '--cached', 'deploy.env');
      }
      repo.remove('deploy.env');
      repo.git('tag', '-a', '-m', 'keys', `keys-${kind}`, target);
      const run = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
      expect(run.status, `${kind}: ${run.stdout}${run.stderr}`).toBe(1);
      expect(run.stdout).toContain(keyId);
    }
  });

  // pushed.ts planPushed: "points at a blob, not a commit: there are no commits to scan" (a notice, exit 0).
  // Fixed: such a push is scanned with --history, which now reads what refs point at. hooks/pre-push has the
  // same gap, not fixed here (rev-list fails on a blob, and its loop `continue`s).
  it('the Action fails a pushed tag that points at a blob holding a key', async () => {
    const entry = await bundleAction();
    const origin = Repo.init();
    origin.commit('base', { 'README.md': '# app\n' });
    const { text } = leak();
    origin.write('deploy.env', text);
    const blob = origin.git('hash-object', '-w', 'deploy.env').trim();
    origin.remove('deploy.env');
    origin.git('tag', 'keys', blob);
    const dir = path.join(tempDir('keywarden-ws-'), 'ws');
    spawnSync('git', ['clone', '-q', `file://${origin.dir}`, dir], { env: { ...process.env, ...GIT_ENV } });
    const payload = { ref: 'refs/tags/keys', before: '0'.repeat(40), after: blob, created: true, deleted: false, forced: false, repository: { full_name: 'acme/app', default_branch: 'main' } };
    const run = runEventAction(entry, dir, 'push', payload);
    expect(run.status, run.stdout + run.stderr).toBe(1);
  }, 120_000);
});

describe('a secret pasted into .keywarden.json by mistake', () => {
  // validate.ts quoted values and key names whole in its errors (`ignorePaths: expected an array of strings,
  // got the string '<secret>'`, `<secret>: unknown key`), and rules/regex.ts quoted an allow-regex whole (V8's
  // SyntaxError message holds the source): the README says errors never quote file contents and secrets are
  // never printed whole. Now each quote is shortened and a credential-shaped run keeps its first 4 characters.
  it('is not printed whole in the configuration error', async () => {
    const { keyId, secret } = leak();
    const configs = [
      { [secret]: 1 },
      { ignorePaths: secret },
      { maxFileSize: secret },
      { entropy: { [secret]: 4 } },
      { disableRules: [secret] },
      { allow: { regexes: [`^${keyId}(`] } },
      { allow: { regexes: [`^(?:${keyId}|\\w+)+$`] } },
    ];
    for (const config of configs) {
      const repo = Repo.init();
      repo.write('.keywarden.json', JSON.stringify(config));
      const run = await runKeywarden(['scan', '.'], { cwd: repo.dir });
      expect(run.status, JSON.stringify(config) + run.stderr).toBe(2);
      expect(run.stderr).toMatch(/\.keywarden\.json/);
      expect(run.stderr).not.toContain(secret);
      expect(run.stderr).not.toContain(keyId);
    }
  });
});

describe('a key that is the target of a symbolic link', () => {
  // A symlink's blob (mode 120000) is its target: any bytes up to PATH_MAX, newlines included, so a whole
  // credentials file can be committed as a dangling link. staged.ts and scan-commits.ts planBlobs passed over
  // mode 120000, so the hook, the history scan and the Action all said clean.
  it('is reported by --staged and --history', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': '# app\n' });
    const { keyId, text } = leak();
    symlinkSync(text, path.join(repo.dir, 'credentials'));
    repo.git('add', 'credentials');
    expect(repo.git('ls-files', '-s', 'credentials')).toMatch(/^120000 /);
    const staged = await runKeywarden(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(staged.status, staged.stdout + staged.stderr).toBe(1);
    expect(staged.stdout).toContain(keyId);
    repo.git('commit', '-q', '-m', 'link');
    const history = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(history.status, history.stdout + history.stderr).toBe(1);
    expect(history.stdout).toContain(keyId);
    const range = await runKeywarden(['scan', '--range', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(range.status, range.stdout + range.stderr).toBe(1);
  });
});

describe('a secret in a file name, in the remediation playbook', () => {
  // The scan masks a secret in every field, file names included (pipeline.ts redactText), but the playbook
  // was built from the raw located findings (remediation/leaks.ts leaksFromLocated): `keywarden remediate`
  // printed the secret whole in "where it was found" (text, markdown, json), and the Action put that
  // Markdown in the job summary.
  it('is masked by remediate (every format) and in the Action summary', async () => {
    const repo = Repo.init();
    const { secret, text } = leak();
    repo.commit('add', { [`d${secret}/creds.ini`]: text });
    for (const format of ['text', 'markdown', 'json']) {
      const run = await runKeywarden(['remediate', '--history', '--format', format], { cwd: repo.dir });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('creds.ini');
      expect(run.stdout + run.stderr, format).not.toContain(secret);
    }
    const raw = await runKeywarden(['remediate', '--history', '--no-redact'], { cwd: repo.dir });
    expect(raw.stdout).toContain(secret);
    const entry = await bundleAction();
    const origin = Repo.init();
    const base = origin.commit('base', { 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    const head = origin.commit('feature', { [`d${secret}/creds.ini`]: text });
    const ws = workspaceOf(origin, head);
    const action = runPullRequestAction(entry, ws.dir, base, head);
    expect(action.status, action.stdout + action.stderr).toBe(1);
    expect(action.summary).toContain('creds.ini');
    expect(action.summary + action.stdout).not.toContain(secret);
  }, 120_000);
});
