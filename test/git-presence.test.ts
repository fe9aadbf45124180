// History findings say where they stand today: which refs hold the introducing commit, and whether the key is
// still at those refs' tips (fix the code too) or only in their history (rotate and purge).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Ancestry } from '../src/sources/git/ancestry.js';
import { readPlan } from '../src/sources/git/commits/plan.js';
import { readBranchGraph } from '../src/sources/git/presence.js';
import { seeded } from './support/random.js';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeLeak } from './support/fakes.js';
import { GIT_ENV, Repo } from './support/repo.js';

/** A tree object written as given (a crafted tree git itself would never write), entries as [mode, name bytes, sha]. */
function rawTree(repo: Repo, entries: Array<[string, Buffer, string]>): string {
  // Sorted as git sorts (a tree's name as if it ended in '/'), so that git's lookups in it work as in any tree.
  const key = ([mode, name]: [string, Buffer, string]) => Buffer.concat([name, Buffer.from(mode === '40000' ? '/' : '')]);
  const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
  const body = Buffer.concat(sorted.map(([mode, name, sha]) => Buffer.concat([Buffer.from(`${mode} `), name, Buffer.from([0]), Buffer.from(sha, 'hex')])));
  return execFileSync('git', ['hash-object', '-t', 'tree', '--literally', '-w', '--stdin'], { cwd: repo.dir, input: body, env: { ...process.env, ...GIT_ENV } }).toString().trim();
}

function blob(repo: Repo, text: string): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: text, env: { ...process.env, ...GIT_ENV } }).toString().trim();
}

async function scan(repo: Repo, ...args: string[]) {
  const result = await runKeywarden(['scan', ...args, '--format', 'json', '--no-redact'], { cwd: repo.dir });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

describe('where a history finding stands today', () => {
  it('lists the branches that hold the commit, and the tips that still hold the key in that file', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'README.md': 'hello\n' });
    const key = fakeLeak();
    const added = repo.commit('add credentials', { 'config/prod.env': key.text });
    repo.git('tag', '-a', '-m', 'release', 'v1');
    repo.git('branch', 'feature');
    repo.commit('remove credentials', { 'config/prod.env': 'region=eu-west-1\n' });

    const { status, report } = await scan(repo, '--history');
    expect(status).toBe(1);
    const secret = report.findings.find((finding: any) => finding.secret === key.secret);
    expect(secret.commit.sha).toBe(added);
    // Tags are snapshots: not asked about (--contains walks history once per ref, and tags can be thousands).
    expect(secret.presence).toEqual({ refs: ['refs/heads/feature', 'refs/heads/main'], refCount: 2, presentAt: ['refs/heads/feature'] });

    const text = (await runKeywarden(['scan', '--history'], { cwd: repo.dir })).stdout;
    expect(text).toContain('still present at the tip of feature');

    // A commit only a tag holds is held by no branch.
    repo.git('checkout', '-q', '-b', 'tmp');
    const snapshot = fakeLeak();
    repo.commit('tagged only', { 'tagged.env': snapshot.text });
    repo.git('tag', 'snapshot');
    repo.git('checkout', '-q', 'main');
    repo.git('branch', '-q', '-D', 'tmp');
    const tagged = (await scan(repo, '--history')).report.findings.find((finding: any) => finding.secret === snapshot.secret);
    expect(tagged.presence).toEqual({ refs: [], refCount: 0, presentAt: [] });
    expect((await runKeywarden(['scan', '--history'], { cwd: repo.dir })).stdout).toContain('held by no branch (only by tags or stash entries)');
  });

  it('says "removed since" when no tip holds it any more, and range scans say it too', async () => {
    const repo = Repo.init();
    const base = repo.commit('initial', { 'README.md': 'hello\n' });
    const key = fakeLeak();
    repo.commit('add credentials', { 'deploy/env.sh': key.text });
    repo.commit('move on', { 'deploy/env.sh': 'export REGION=eu-west-1\n' });
    // Two commits with findings, one branch: answered by one walk of the branch, not a question per commit.
    const kept = fakeLeak();
    repo.commit('another key, still there', { 'deploy/kept.sh': kept.text });

    const history = await scan(repo, '--history');
    const found = history.report.findings.find((finding: any) => finding.secret === key.secret);
    expect(found.presence).toEqual({ refs: ['refs/heads/main'], refCount: 1, presentAt: [] });
    expect(history.report.findings.find((finding: any) => finding.secret === kept.secret).presence).toEqual({ refs: ['refs/heads/main'], refCount: 1, presentAt: ['refs/heads/main'] });
    expect((await runKeywarden(['scan', '--history'], { cwd: repo.dir })).stdout).toContain('removed since: gone from the tips of main, still in their history');

    const range = await scan(repo, '--range', `${base}..HEAD`);
    expect(range.report.findings.find((finding: any) => finding.secret === key.secret).presence.presentAt).toEqual([]);
  });

  it('reads a path that looks like a pathspec literally, and leaves work-tree scans without presence', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'README.md': 'hello\n' });
    const key = fakeLeak();
    // ":!x" is pathspec magic ("everything but x") unless paths are literal; "*.env" would be a glob.
    repo.commit('odd names', { ':!x.env': key.text, '*.env': 'nothing here\n' });
    const { report } = await scan(repo, '--history');
    const found = report.findings.find((finding: any) => finding.secret === key.secret);
    expect(found.file).toBe(':!x.env');
    expect(found.presence.presentAt).toEqual(['refs/heads/main']);

    const files = await scan(repo, '.');
    expect(files.report.findings.length).toBeGreaterThan(0);
    for (const finding of files.report.findings) expect(finding).not.toHaveProperty('presence');
  });

  it('finds each tip\'s blob by its exact path, however the path is spelled (one question for all of them)', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'README.md': 'hello\n' });
    // A colon (the tip:path separator), a name ending like git's own "missing" answer, a line break (asked
    // apart), non-ASCII, and one gone from the tips since.
    const names = ['conf/a:b.env', 'conf/x 0123456789abcdef0123456789abcdef01234567 blob missing', 'conf/line\nbreak.env', 'conf/日本語.env', 'conf/gone.env'];
    const keys = names.map(() => fakeLeak());
    repo.commit('keys', Object.fromEntries(names.map((name, i) => [name, keys[i].text])));
    repo.git('branch', 'old');
    repo.commit('one removed', { 'conf/gone.env': 'region=eu-west-1\n' });
    const { report } = await scan(repo, '--history');
    for (const [i, name] of names.entries()) {
      const found = report.findings.find((finding: any) => finding.secret === keys[i].secret);
      expect(found.file, name).toBe(name);
      expect(found.presence.presentAt, name).toEqual(name === 'conf/gone.env' ? ['refs/heads/old'] : ['refs/heads/main', 'refs/heads/old']);
    }
  });

  it('finds the blob at a tip by its exact name where tip:path cannot say it: a CR at the end, bytes not UTF-8, a crafted ".." entry', async () => {
    const repo = Repo.init();
    const keys = { cr: fakeLeak(), sibling: fakeLeak(), bytes: fakeLeak(), dotdot: fakeLeak(), plain: fakeLeak() };
    // git drops the CR of a question line: asked as a line, 'cr\r' would be answered with its sibling 'cr'.
    const inside = rawTree(repo, [['100644', Buffer.from('x'), blob(repo, keys.dotdot.text)]]);
    const root = rawTree(repo, [
      ['100644', Buffer.from('cr\r'), blob(repo, keys.cr.text)],
      ['100644', Buffer.from('cr'), blob(repo, keys.sibling.text)],
      ['100644', Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2e, 0x69, 0x6e, 0x69]), blob(repo, keys.bytes.text)],
      ['40000', Buffer.from('..'), inside],
      ['100644', Buffer.from('z'), blob(repo, keys.plain.text)],
    ]);
    const commit = repo.git('commit-tree', root, '-m', 'crafted').trim();
    repo.git('update-ref', 'refs/heads/main', commit);
    const { status, report, stderr } = await scan(repo, '--history');
    expect(status, stderr).toBe(1);
    const expected: Array<[keyof typeof keys, string]> = [['cr', 'cr\r'], ['sibling', 'cr'], ['bytes', 'bad\udcff.ini'], ['dotdot', '../x'], ['plain', 'z']];
    for (const [name, file] of expected) {
      const found = report.findings.find((finding: any) => finding.secret === keys[name].secret);
      expect(found?.file, name).toBe(file);
      expect(found.presence.presentAt, name).toEqual(['refs/heads/main']);
    }
  });
});

describe('the walk of the branches', () => {
  it('answers which branches hold a commit, and stops when the scan that started it has failed', async () => {
    const repo = Repo.init();
    const base = repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'topic');
    const topic = repo.commit('topic', { 'b.txt': 'b\n' });
    const names = async (signal?: AbortSignal) => {
      const holders = (await readBranchGraph(repo.dir, signal)).holders(new Set([base, topic]));
      return [holders.get(base)!.map((ref) => ref.name), holders.get(topic)!.map((ref) => ref.name)];
    };
    expect(await names()).toEqual([['refs/heads/main', 'refs/heads/topic'], ['refs/heads/topic']]);
    const before = new AbortController();
    before.abort();
    await expect(names(before.signal)).rejects.toThrow(/rev-list/);
    // Stopped while it runs: an error, never a partial answer.
    const during = new AbortController();
    const walk = names(during.signal);
    during.abort();
    await expect(walk).rejects.toThrow(/rev-list/);
  });

  it('answers from a whole history\'s own log as walking the branches does, and walks them when a branch has moved since', async () => {
    // Random branches, local and remote, merges of two and three parents, an orphan root, a commit only a tag holds.
    const next = seeded(41);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const repo = Repo.init();
    repo.commit('root', { 'a.txt': 'a\n' });
    const branches = ['main'];
    for (let step = 0; step < 60; step++) {
      const roll = next();
      if (roll < 0.15) {
        const name = `b${step}`;
        repo.git('checkout', '-q', '-b', name, pick(branches));
        branches.push(name);
      } else if (roll < 0.3 && branches.length > 2) {
        const others = branches.filter(() => next() < 0.5).slice(0, 2);
        repo.git('checkout', '-q', pick(branches));
        if (others.length > 0) repo.git('merge', '-q', '--no-ff', '-s', 'ours', '-m', `merge ${step}`, ...others);
      } else {
        repo.git('checkout', '-q', pick(branches));
        repo.commit(`step ${step}`, { [`f${step % 7}.txt`]: `${step}\n` });
      }
    }
    repo.git('checkout', '-q', '--orphan', 'lonely');
    repo.commit('orphan', { 'o.txt': 'o\n' });
    branches.push('lonely');
    repo.git('checkout', '-q', '--detach', 'main');
    repo.commit('tagged only', { 't.txt': 't\n' });
    repo.git('tag', 'only-a-tag');
    repo.git('checkout', '-q', 'main');
    for (const name of branches.slice(0, 3)) repo.git('update-ref', `refs/remotes/origin/${name}`, name);
    const commits = new Set(repo.git('rev-list', '--all').trim().split('\n'));
    const answer = async (log?: Ancestry) => {
      const holders = (await readBranchGraph(repo.dir, undefined, log)).holders(commits);
      return [...holders].map(([sha, refs]) => [sha, refs.map((ref) => ref.name)]);
    };
    const logged = async () => {
      const graph = new Ancestry();
      await readPlan(repo.dir, { revs: ['--all'], wholeRepository: true }, undefined, 'auto', graph);
      expect(graph.complete).toBe(true);
      return graph;
    };
    const walked = await answer();
    expect(walked.some(([, refs]) => refs.length > 2)).toBe(true);
    expect(await answer(await logged())).toEqual(walked);
    // A log not read to the end is not trusted.
    const partial = new Ancestry();
    partial.add(repo.git('rev-parse', 'main').trim(), []);
    expect(await answer(partial)).toEqual(walked);
    // A branch moved on after the log was read: its new tip is not in the log, and the branches are walked.
    const log = await logged();
    repo.git('checkout', '-q', branches[1]);
    repo.commit('after the log', { 'late.txt': 'late\n' });
    const moved = await answer(log);
    expect(moved).toEqual(await answer());
    // (Moved forward, it still holds what it held: an answer from the log alone would have left it out.)
    expect(moved).toEqual(walked);
    expect(moved.filter(([, refs]) => refs.includes(`refs/heads/${branches[1]}`)).length).toBeGreaterThan(0);
  });
});
