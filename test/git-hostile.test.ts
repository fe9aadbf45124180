// No commit, file name, git setting or signal can make a git scan report clean while a key is there
// (issue #10, items 1, 3 and 6): subjects, names, paths and tags of arbitrary bytes; git children killed by a
// signal mid-scan; a hostile ~/.gitconfig, .git/config, GIT_CONFIG_* environment, replace refs and grafts.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReport, runCli, type CliResult } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeLeak } from './support/fakes.js';
import { gitKilledBySignal, hostileConfig, pathBytes } from './support/hostile-git.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';
import { seeded } from './support/random.js';

async function scan(cwd: string, args: string[]): Promise<{ status: number; report: any; stderr: string }> {
  return reported(await runKeywarden(['scan', ...args, '--format', 'json', '--no-redact'], { cwd }));
}

/** The built CLI, for an environment only its git children can see (HOME, GIT_CONFIG_*). */
function scanSpawned(cwd: string, args: string[], env: Record<string, string | undefined>): { status: number; report: any; stderr: string } {
  return reported(runCli(['scan', ...args, '--format', 'json', '--no-redact'], { cwd, env }));
}

function reported(result: CliResult): { status: number; report: any; stderr: string } {
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

/** Introductions of one secret, as "sha path". */
function intros(report: any, secret: string): string[] {
  return report.findings
    .filter((finding: any) => finding.secret === secret)
    .map((finding: any) => `${finding.commit.sha} ${finding.file}`)
    .sort();
}

/** Runs git with raw bytes in and out (the Repo helper speaks UTF-8 strings). */
function gitBytes(repo: Repo, args: string[], input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, input, maxBuffer: 64 * 1024 * 1024 });
}

function blob(repo: Repo, content: Buffer | string): string {
  return gitBytes(repo, ['hash-object', '-w', '--stdin'], Buffer.from(content)).toString('utf8').trim();
}

/** A tree of blobs under names of arbitrary bytes (no NUL, no '/'), made without touching the file system. */
function tree(repo: Repo, entries: ReadonlyArray<[Buffer, string]>): string {
  const input = Buffer.concat(entries.map(([name, sha]) => Buffer.concat([Buffer.from(`100644 blob ${sha}\t`), name, Buffer.from('\0')])));
  return gitBytes(repo, ['mktree', '-z'], input).toString('utf8').trim();
}

/** A commit object written byte for byte: author name and message may hold any byte git stores. */
function commitObject(repo: Repo, treeSha: string, parents: string[], author: Buffer, message: Buffer, extraHeaders = ''): string {
  const head = `tree ${treeSha}\n${parents.map((parent) => `parent ${parent}\n`).join('')}`;
  const body = Buffer.concat([Buffer.from(head + 'author '), author, Buffer.from(` <a@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000000 +0000\n${extraHeaders}\n`), message]);
  return gitBytes(repo, ['hash-object', '-t', 'commit', '-w', '--stdin'], body).toString('utf8').trim();
}


describe('commit data and file names are data (issue #10, item 1)', () => {
  it('a subject or a file name that starts with byte 0x01 hides nothing from --history and --range', async () => {
    const repo = Repo.init();
    const base = repo.commit('initial', { 'README.md': 'hello\n' });
    const underSubject = fakeLeak();
    const first = repo.commit('\x01 refactor', { 'config/app.env': underSubject.text });
    const besideName = fakeLeak();
    const second = repo.commit('add settings', { '\x01x': 'odd name\n', 'settings.env': besideName.text });
    for (const args of [['--history'], ['--range', `${base}..HEAD`]]) {
      const result = await scan(repo.dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(intros(result.report, underSubject.secret), args.join(' ')).toEqual([`${first} config/app.env`]);
      expect(intros(result.report, besideName.secret), args.join(' ')).toEqual([`${second} settings.env`]);
      expect(result.report.findings.find((finding: any) => finding.secret === underSubject.secret).commit.message).toBe('\x01 refactor');
      expect(result.report.scan.commits).toBe(args[0] === '--history' ? 3 : 2);
    }
  });

  it('property: subjects, author names, paths and tag names of arbitrary bytes never change what is found', async () => {
    const random = seeded(0x10c0ffee);
    const every = Buffer.from(Array.from({ length: 255 }, (_, index) => index + 1)); // 1..255
    const without = (bytes: Buffer, banned: string) => Buffer.from([...bytes].filter((byte) => !banned.includes(String.fromCharCode(byte))));
    const randomBytes = (length: number, banned: string) => without(Buffer.from(Array.from({ length }, () => 1 + Math.floor(random() * 255))), banned);
    // Data shaped like the log's structure, and names that plain UTF-8 decoding would confuse.
    const tricky = [Buffer.from('\x01'), Buffer.from('\x01x'), Buffer.from(':100644 100644 ' + 'a'.repeat(40) + ' ' + 'b'.repeat(40) + ' M'), Buffer.from('\n:000000 100644'), Buffer.from('c'.repeat(40) + ' '), Buffer.from([0xff]), Buffer.from([0xfe]), Buffer.from('\n'), Buffer.from('\\377')];

    const repo = Repo.init();
    const base = repo.commit('initial', { 'README.md': 'hello\n' });
    const entries: Array<[Buffer, string]> = [];
    const expected = new Map<string, string>(); // secret → "sha path"
    const inMessages = new Map<string, string>(); // key ID in a commit message → its commit
    let parent = base;
    let name = 0;
    const fileName = (candidate: Buffer): Buffer => {
      const clean = without(candidate, '/');
      const unique = clean.length === 0 || clean.equals(Buffer.from('.')) || clean.equals(Buffer.from('..')) || entries.some(([existing]) => existing.equals(clean)) ? Buffer.concat([clean, Buffer.from(`-${name++}`)]) : clean;
      return unique;
    };
    for (let index = 0; index < 14; index++) {
      const fresh: Array<[Buffer, string]> = [];
      const leaks = index < tricky.length ? [tricky[index]] : [randomBytes(1 + Math.floor(random() * 20), ''), randomBytes(1 + Math.floor(random() * 20), '')];
      if (index === 0) leaks.push(every);
      if (index === 5) leaks.push(tricky[6]); // 0xff and 0xfe in one commit: different files
      for (const candidate of leaks) {
        const leak = fakeLeak();
        const file = fileName(candidate);
        fresh.push([file, blob(repo, leak.text)]);
        entries.push(fresh[fresh.length - 1]);
        expected.set(leak.secret, file.toString('hex'));
      }
      const subject = index === 0 ? every : index < tricky.length ? Buffer.concat([tricky[index], randomBytes(10, '')]) : randomBytes(1 + Math.floor(random() * 80), '');
      // Some messages hold a key ID after their hostile subject: read from the commits the log lists (commit-feed.ts).
      const inMessage = index % 3 === 2 ? fakeKeyId() : null;
      const body = `\n\nbody${inMessage === null ? '' : ` ${inMessage}`}\n`;
      const message = index === 1 ? Buffer.concat([subject, Buffer.from('\0after a NUL\n')]) : Buffer.concat([subject, Buffer.from(body)]);
      const author = index === 0 ? without(every, '<>\n') : randomBytes(1 + Math.floor(random() * 30), '<>\n');
      const sha = commitObject(repo, tree(repo, entries), [parent], author.length > 0 ? author : Buffer.from('x'), message);
      for (const [file] of fresh) {
        const secret = [...expected].find(([, where]) => where === file.toString('hex'))![0];
        expected.set(secret, `${sha} ${file.toString('hex')}`);
      }
      if (inMessage !== null) inMessages.set(inMessage, sha);
      parent = sha;
    }
    gitBytes(repo, ['update-ref', 'refs/heads/main', parent]);
    // Commits reachable only from a tag: a lightweight one with a name of high bytes (git allows them), and an
    // annotated one whose message and tagger hold any byte.
    const onTags = [fakeLeak(), fakeLeak()];
    const tagCommits = onTags.map((leak, index) => commitObject(repo, tree(repo, [[Buffer.from('tagged.env'), blob(repo, leak.text)]]), [base], Buffer.from(`T\x01g${index}`), Buffer.concat([Buffer.from(`\x01tagged ${index} `), every])));
    onTags.forEach((leak, index) => expected.set(leak.secret, `${tagCommits[index]} ${Buffer.from('tagged.env').toString('hex')}`));
    writeFileSync(Buffer.concat([Buffer.from(path.join(repo.dir, '.git', 'refs', 'tags') + '/'), Buffer.from([0xff, 0xfe, 0xc3, 0x6f, 0x6b])]), tagCommits[0] + '\n');
    const tagObject = gitBytes(repo, ['hash-object', '-t', 'tag', '-w', '--stdin'], Buffer.concat([Buffer.from(`object ${tagCommits[1]}\ntype commit\ntag v\u00e9-1\ntagger `), without(every, '<>\n'), Buffer.from(' <x@y> 1700000000 +0000\n\n'), every])).toString('utf8').trim();
    gitBytes(repo, ['update-ref', 'refs/tags/v\u00e9-1', tagObject]);

    const check = async (args: string[], wanted: Map<string, string>, env?: Record<string, string>) => {
      const result = env === undefined ? await scan(repo.dir, args) : scanSpawned(repo.dir, args, env);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      // Paths compared as bytes: every file name must come back exactly.
      const found = new Map(result.report.findings.filter((finding: any) => finding.kind === 'secret-access-key').map((finding: any) => [finding.secret, `${finding.commit.sha} ${pathBytes(finding.file).toString('hex')}`]));
      expect(found, args.join(' ')).toEqual(wanted);
      const messages = new Map(result.report.findings.filter((finding: any) => finding.file === 'commit message').map((finding: any) => [finding.secret, finding.commit.sha]));
      expect(messages, `${args.join(' ')}: messages`).toEqual(inMessages);
      // Each commit's fields are what git itself says they are, and so are the branches that hold it (presence:
      // from the log's own parents for --history, sources/git/ancestry.ts; from a walk of the branches for --range).
      for (const finding of result.report.findings) {
        const fields = gitBytes(repo, ['show', '-s', '--format=%an%x00%s', finding.commit.sha]).toString('utf8').replace(/\n$/, '').split('\0');
        expect([finding.commit.author, finding.commit.message]).toEqual(fields);
        const holding = gitBytes(repo, ['for-each-ref', '--contains', finding.commit.sha, '--format=%(refname)', 'refs/heads/', 'refs/remotes/']).toString('utf8').split('\n').filter(Boolean);
        expect(finding.presence.refs, `${args.join(' ')}: ${finding.commit.sha}`).toEqual(holding);
      }
    };
    await check(['--history'], expected);
    // The log read from both ends too (log.ts streamLogBothEnds): the reader from the end meets the same bytes.
    await check(['--history'], expected, { KEYWARDEN_LOG_READERS: '2' });
    await check(['--range', `${base}..main`], new Map([...expected].filter(([secret]) => !onTags.some((leak) => leak.secret === secret))));
  });
});

describe('a git child that dies is an error, never a clean scan (issue #10, item 3)', () => {
  function bigHistory(): { repo: Repo; base: string; key: string } {
    const repo = Repo.init();
    const base = repo.commit('initial', { 'README.md': 'hello\n' });
    const leak = fakeLeak();
    repo.commit('the key, at the end of the log', { 'deploy/credentials': leak.text });
    for (let index = 0; index < 40; index++) repo.commit(`work ${index}`, { [`notes/${index}.txt`]: `note ${index}\n`.repeat(20) });
    return { repo, base, key: leak.secret };
  }

  it('exits 2 with one line when git log is killed by SIGTERM mid-scan (--history and --range)', async () => {
    const { repo, base } = bigHistory();
    for (const [args, bytes] of [[['--history'], 0], [['--history'], 2000], [['--range', `${base}..HEAD`], 2000]] as const) {
      // Nothing, or the newest commits of the log, are written, then git log is killed (the key is in an old one).
      const result = runCli(['scan', ...args], { cwd: repo.dir, env: gitKilledBySignal('log', bytes) });
      expect(result.status, `${args.join(' ')} after ${bytes} bytes`).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('keywarden: git log was ended by SIGTERM before it finished: the scan is incomplete\n');
    }
  });

  it('exits 2 with one line when git cat-file is killed by SIGTERM while blobs are read', async () => {
    const { repo, base } = bigHistory();
    for (const bytes of [0, 700]) {
      // After no output, and in the middle of a blob.
      const result = runCli(['scan', '--range', `${base}..HEAD`], { cwd: repo.dir, env: gitKilledBySignal('cat-file', bytes, '--batch') });
      expect(result.status, `after ${bytes} bytes`).toBe(2);
      expect(result.stderr, `after ${bytes} bytes`).toBe('keywarden: git cat-file was ended by SIGTERM before it finished: the scan is incomplete\n');
    }
  });

  it('exits 2 when the stash reflog cannot be read because git was killed', async () => {
    const { repo } = bigHistory();
    const result = runCli(['scan', '--history'], { cwd: repo.dir, env: gitKilledBySignal('reflog', 0) });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('keywarden: git reflog was ended by SIGTERM before it finished: the scan is incomplete\n');
  });
});

describe('the user’s and the repository’s git configuration change nothing (issue #10, item 6)', () => {
  /**
   * A repository whose keys each hide from one setting: a merge's conflict resolution (log.diffMerges), a
   * replaced commit and a replaced blob (git replace), a commit cut off by grafts, a signed commit
   * (log.showSignature runs gpg), a file outside the folder the scan runs from (diff.relative), and a staged
   * key whose blob is replaced. Returns what a correct scan finds.
   */
  function trickyRepository() {
    const repo = Repo.init();
    const base = repo.commit('initial', { 'config.yml': 'region: eu\n', 'sub/README.md': 'sub\n' });
    // Cut off by grafts: added and removed before the grafted commit.
    const grafted = fakeLeak();
    const graftedAt = repo.commit('old key', { 'old/key.env': grafted.text });
    repo.remove('old/key.env');
    repo.commit('remove old key');
    const cut = repo.commit('history cut here', { 'cut.txt': 'x\n' });
    // A conflict resolved with a key.
    repo.git('checkout', '-q', '-b', 'left');
    repo.commit('left', { 'config.yml': 'region: us\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('right', { 'config.yml': 'region: ap\n' });
    const resolved = fakeLeak();
    const merge = repo.mergeResolvingConflict('left', 'config.yml', `region: us\n${resolved.text}`);
    // A commit replaced by a clean one, and a blob replaced by a clean one.
    const replacedCommit = fakeLeak();
    const replaced = repo.commit('key in a commit that is replaced', { 'replaced/commit.env': replacedCommit.text });
    repo.remove('replaced/commit.env');
    repo.commit('remove it');
    const replacedBlob = fakeLeak();
    const blobAt = repo.commit('key in a blob that is replaced', { 'replaced/blob.env': replacedBlob.text });
    // Signed (a made-up signature: verifying it would run gpg.program).
    const signed = fakeLeak();
    repo.write('signed.env', signed.text);
    repo.git('add', 'signed.env');
    const signedTree = repo.git('write-tree').trim();
    const body = `tree ${signedTree}\nparent ${blobAt}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned commit\n`;
    const signedSha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: body, encoding: 'utf8' }).trim();
    repo.git('update-ref', 'refs/heads/main', signedSha);
    repo.git('reset', '-q', '--hard', 'main');
    // The replacements: the commit by one with its parent's tree, the blob by a clean blob.
    repo.git('replace', replaced, repo.git('commit-tree', `${replaced}^^{tree}`, '-p', `${replaced}^`, '-m', 'nothing here').trim());
    repo.git('replace', repo.git('rev-parse', `${blobAt}:replaced/blob.env`).trim(), blobFor(repo, 'nothing here\n'));
    // Grafts: the cut commit has no parent.
    writeFileSync(path.join(repo.dir, '.git', 'info', 'grafts'), `${cut}\n`);
    // Staged: a key in a new file, and a key whose staged blob is replaced.
    const staged = fakeLeak();
    repo.write('sub/staged.env', staged.text);
    const stagedReplaced = fakeLeak();
    repo.write('staged-replaced.env', stagedReplaced.text);
    repo.git('add', 'sub/staged.env', 'staged-replaced.env');
    const stagedBlob = repo.git('rev-parse', ':staged-replaced.env').trim();
    repo.git('replace', '-f', stagedBlob, blobFor(repo, 'nothing staged here\n'));
    mkdirSync(path.join(repo.dir, 'sub', 'deeper'), { recursive: true });
    return {
      repo,
      base,
      history: new Map([
        [grafted.secret, `${graftedAt} old/key.env`],
        [resolved.secret, `${merge} config.yml`],
        [replacedCommit.secret, `${replaced} replaced/commit.env`],
        [replacedBlob.secret, `${blobAt} replaced/blob.env`],
        [signed.secret, `${signedSha} signed.env`],
      ]),
      staged: new Map([
        [staged.secret, 'sub/staged.env'],
        [stagedReplaced.secret, 'staged-replaced.env'],
      ]),
    };
  }

  function blobFor(repo: Repo, text: string): string {
    return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: text, encoding: 'utf8' }).trim();
  }

  function secrets(report: any, commits: boolean): Map<string, string> {
    return new Map(report.findings.filter((finding: any) => finding.kind === 'secret-access-key').map((finding: any) => [finding.secret, commits ? `${finding.commit.sha} ${finding.file}` : finding.file]));
  }

  function expectAllFound(cwd: string, env: Record<string, string | undefined>, tricky: ReturnType<typeof trickyRepository>, label: string): void {
    const history = scanSpawned(cwd, ['--history'], env);
    expect(history.status, `${label} --history: ${history.stderr}`).toBe(1);
    expect(secrets(history.report, true), `${label} --history`).toEqual(tricky.history);
    expect(history.stderr, label).toMatch(/grafts file .*ignores it/);
    const range = scanSpawned(cwd, ['--range', `${tricky.base}..main`], env);
    expect(range.status, `${label} --range: ${range.stderr}`).toBe(1);
    expect(secrets(range.report, true), `${label} --range`).toEqual(tricky.history);
    const staged = scanSpawned(cwd, ['--staged'], env);
    expect(staged.status, `${label} --staged: ${staged.stderr}`).toBe(1);
    expect(secrets(staged.report, false), `${label} --staged`).toEqual(tricky.staged);
  }

  it('finds every key whatever ~/.gitconfig sets, and runs nothing it names (from a subfolder too)', async () => {
    const tricky = trickyRepository();
    const hostile = hostileConfig();
    const home = tempDir('keywarden-home-');
    writeFileSync(path.join(home, '.gitconfig'), hostile.config);
    const viaHome = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_GLOBAL: undefined, GIT_CONFIG_NOSYSTEM: '1' };
    const viaGlobal = { GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
    expectAllFound(tricky.repo.dir, viaHome, tricky, '~/.gitconfig');
    expectAllFound(path.join(tricky.repo.dir, 'sub', 'deeper'), viaGlobal, tricky, 'GIT_CONFIG_GLOBAL, from sub/deeper');
    expect(hostile.ran()).toBe('');
  });

  it('finds every key whatever .git/config sets, and never runs its fsmonitor, filters, textconv, gpg or hooks', async () => {
    const tricky = trickyRepository();
    const hostile = hostileConfig();
    appendFileSync(path.join(tricky.repo.dir, '.git', 'config'), hostile.config);
    writeFileSync(path.join(tricky.repo.dir, '.gitattributes'), '* diff=evil filter=evil\n');
    expectAllFound(tricky.repo.dir, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }, tricky, '.git/config');
    expect(hostile.ran()).toBe('');
  });

  it('finds every key whatever GIT_CONFIG_PARAMETERS and GIT_CONFIG_COUNT inject', async () => {
    const tricky = trickyRepository();
    const env = {
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_PARAMETERS: "'log.diffmerges'='first-parent' 'i18n.logoutputencoding'='UTF-16' 'diff.relative'='true'",
      GIT_CONFIG_COUNT: '3',
      GIT_CONFIG_KEY_0: 'log.diffMerges',
      GIT_CONFIG_VALUE_0: 'combined',
      GIT_CONFIG_KEY_1: 'i18n.logOutputEncoding',
      GIT_CONFIG_VALUE_1: 'UTF-16LE',
      GIT_CONFIG_KEY_2: 'core.useReplaceRefs',
      GIT_CONFIG_VALUE_2: 'true',
      GIT_DIFF_OPTS: '--unified=20',
      GIT_EXTERNAL_DIFF: '/bin/false',
    };
    expectAllFound(path.join(tricky.repo.dir, 'sub', 'deeper'), env, tricky, 'GIT_CONFIG_* environment');
  });
});
