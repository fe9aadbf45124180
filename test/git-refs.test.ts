// Issue #11 item 13: `scan --history REF...` scans only those refs' whole histories (root commits included);
// `--range` takes the range forms of `git rev-list` (A..B, A...B, A^!, A^-N, A^@, "^A B", "B --not A",
// @{upstream}..HEAD) and answers every other form with one line, exit 2, saying what to write instead.
import { describe, expect, it } from 'vitest';
import { parseRange } from '../src/sources/git/revisions.js';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeLeak, type Leak } from './support/fakes.js';
import { Repo } from './support/repo.js';

async function scan(repo: Repo, args: string[], env: Record<string, string> = {}): Promise<{ status: number; report: any; stderr: string }> {
  const result = await runKeywarden(['scan', ...args, '--format', 'json', '--no-redact'], { cwd: repo.dir, env });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

/** Every finding as "shortsha file:line secret-prefix", sorted: what was introduced where. */
function found(report: any): string[] {
  return report.findings.map((finding: any) => `${finding.commit.sha.slice(0, 12)} ${finding.file}:${finding.line} ${finding.secret.slice(0, 8)}`).sort();
}

function intro(sha: string, file: string, line: number, leak: Leak, part: 'id' | 'secret' = 'secret'): string {
  return `${sha.slice(0, 12)} ${file}:${line} ${(part === 'id' ? leak.id : leak.secret).slice(0, 8)}`;
}

/** Only the secret keys' introductions (the key ID on the line above is reported too). */
function secrets(report: any, ...leaks: Leak[]): string[] {
  const wanted = new Set(leaks.map((leak) => leak.secret));
  return found({ findings: report.findings.filter((finding: any) => wanted.has(finding.secret)) });
}

async function oneLineError(repo: Repo, args: string[]): Promise<{ status: number; stderr: string[]; stdout: string }> {
  const result = await runKeywarden(['scan', ...args], { cwd: repo.dir });
  return { status: result.status, stderr: result.stderr.trimEnd().split('\n'), stdout: result.stdout };
}

/**
 * main: root (key in the root commit) → m1; feature (from root): f1; release/1.x (from m1): r1, tagged v2.0
 * (annotated); a tag on a commit no branch holds; the stash.
 */
function buildBranchy() {
  const repo = Repo.init();
  const keys = { root: fakeLeak(), main: fakeLeak(), feature: fakeLeak(), release: fakeLeak(), tagOnly: fakeLeak(), stash: fakeLeak() };
  const root = repo.commit('root', { 'config/root.env': keys.root.text });
  const m1 = repo.commit('main work', { 'src/main.env': keys.main.text });
  repo.git('checkout', '-q', '-b', 'feature', root);
  const f1 = repo.commit('feature work', { 'src/feature.env': keys.feature.text });
  repo.git('checkout', '-q', '-b', 'release/1.x', 'main');
  const r1 = repo.commit('release work', { 'release.env': keys.release.text });
  repo.git('tag', '-a', '-m', 'v2.0', 'v2.0');
  repo.git('checkout', '-q', '--detach', 'main');
  const tagged = repo.commit('tag only', { 'tag.env': keys.tagOnly.text });
  repo.git('tag', 'snapshot');
  repo.git('checkout', '-q', 'main');
  repo.write('stashed.env', keys.stash.text);
  repo.git('stash', 'push', '-q', '-u');
  return { repo, keys, root, m1, f1, r1, tagged };
}

let built: ReturnType<typeof buildBranchy> | undefined;

/** That history, built once per file; each test gets a copy of its own. */
function branchy(): ReturnType<typeof buildBranchy> {
  built ??= buildBranchy();
  return { ...built, repo: built.repo.copy() };
}

describe('scan --history REF...', () => {
  it('--history main finds the keys on main (the root commit included) and none only on another ref', async () => {
    const { repo, keys, root, m1 } = branchy();
    const result = await scan(repo, ['--history', 'main']);
    expect(result.status).toBe(1);
    expect(secrets(result.report, ...Object.values(keys))).toEqual([intro(root, 'config/root.env', 2, keys.root), intro(m1, 'src/main.env', 2, keys.main)].sort());
    expect(result.report.scan).toMatchObject({ mode: 'history', target: 'main', commits: 2 });
    // --history alone is still every ref and the stash.
    const all = await scan(repo, ['--history']);
    expect(secrets(all.report, ...Object.values(keys))).toHaveLength(6);
    expect(all.report.scan.target).toBe('all refs');
  });

  it('takes several refs (branches with slashes, annotated tags, shas) and --history=REF', async () => {
    const { repo, keys, root, m1, f1, r1, tagged } = branchy();
    const several = await scan(repo, ['--history', 'feature', 'release/1.x', 'v2.0', '--quiet']);
    expect(secrets(several.report, ...Object.values(keys))).toEqual(
      [intro(root, 'config/root.env', 2, keys.root), intro(m1, 'src/main.env', 2, keys.main), intro(f1, 'src/feature.env', 2, keys.feature), intro(r1, 'release.env', 2, keys.release)].sort(),
    );
    expect(several.report.scan).toMatchObject({ target: 'feature release/1.x v2.0', commits: 4 });
    const equals = await scan(repo, ['--history=feature', tagged]);
    expect(secrets(equals.report, ...Object.values(keys))).toEqual(
      [intro(root, 'config/root.env', 2, keys.root), intro(m1, 'src/main.env', 2, keys.main), intro(f1, 'src/feature.env', 2, keys.feature), intro(tagged, 'tag.env', 2, keys.tagOnly)].sort(),
    );
  });

  // The whole-repository shortcuts stay on for given refs (sources/history.ts says why): the pack reader judges
  // blobs the refs never reach, and attribution trusts the log to hold every ancestor. So the answer must be
  // exactly the full scan's, restricted to the commits the refs reach, with the pack reader and without.
  it('finds exactly what a full --history finds in the commits the refs reach (loose, packed, packs read through git)', async () => {
    const repo = Repo.init();
    const shared = fakeLeak(); // one blob, added on two branches by different commits
    const keys = [fakeLeak(), fakeLeak(), fakeLeak(), fakeLeak(), fakeLeak()];
    repo.commit('root', { 'README.md': 'hello\n', 'a.env': keys[0].text });
    repo.git('checkout', '-q', '-b', 'other');
    repo.commit('other adds shared', { 'shared.env': shared.text });
    repo.commit('other key', { 'other.env': keys[1].text });
    repo.git('checkout', '-q', 'main');
    repo.commit('main adds shared too', { 'shared.env': shared.text });
    repo.commit('remove a', { 'a.env': '# gone\n' });
    repo.commit('re-add a', { 'a.env': `# back\n${keys[0].text}` });
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('topic key', { 'topic/key.env': keys[2].text });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves', { 'b.txt': 'b\n' });
    repo.git('merge', '-q', '--no-edit', 'topic');
    repo.git('checkout', '-q', '-b', 'side', 'other~1');
    repo.commit('copy of the shared blob elsewhere', { 'copy/shared.env': shared.text, 'side.env': keys[3].text });
    repo.git('checkout', '-q', 'main');
    repo.commit('last', { 'last.env': keys[4].text });
    const reachable = new Set(repo.git('rev-list', 'main', 'side').trim().split('\n'));
    const check = async (label: string, env: Record<string, string>) => {
      const full = (await scan(repo, ['--history'], env)).report.findings.filter((finding: any) => reachable.has(finding.commit.sha));
      const refs = await scan(repo, ['--history', 'main', 'side'], env);
      expect(found(refs.report), label).toEqual(found({ findings: full }));
      expect(refs.report.findings.length, label).toBeGreaterThanOrEqual(12);
      expect(refs.report.findings.some((finding: any) => finding.secret === keys[1].secret), label).toBe(false);
    };
    await check('loose objects', {});
    repo.git('repack', '-adq');
    await check('packed', {});
    await check('packed, read through git', { KEYWARDEN_READ_PACKS: '0' });
  });

  it('an unknown ref is one line and exit 2, with the nearest ref name', async () => {
    const { repo } = branchy();
    expect(await oneLineError(repo, ['--history', 'mian'])).toEqual({ status: 2, stderr: ["keywarden: unknown ref 'mian' (did you mean 'main'?)"], stdout: '' });
    expect(await oneLineError(repo, ['--history', 'main', 'relase/1.x'])).toEqual({ status: 2, stderr: ["keywarden: unknown ref 'relase/1.x' (did you mean 'release/1.x'?)"], stdout: '' });
    expect(await oneLineError(repo, ['--history', 'nothing-like-it'])).toEqual({ status: 2, stderr: ["keywarden: unknown ref 'nothing-like-it': no such branch, tag or commit"], stdout: '' });
    expect(await oneLineError(repo, ['--history', 'main^{tree}'])).toEqual({ status: 2, stderr: ["keywarden: ref 'main^{tree}' names a tree, not a commit"], stdout: '' });
    expect(await oneLineError(repo, ['--history', 'config'])).toEqual({
      status: 2,
      stderr: ["keywarden: unknown ref 'config': no such branch, tag or commit; --history takes branches, tags or commits, and 'config' is a path here (scan files without --history: keywarden scan config)"],
      stdout: '',
    });
  });

  it('scans a ref whose sha is also a file name in the work tree (git log gets `--`)', async () => {
    const { repo, keys, root, m1 } = branchy();
    repo.write(m1, 'a file named after the tip of main\n');
    const result = await scan(repo, ['--history', 'main']);
    expect(result.status, result.stderr).toBe(1);
    expect(secrets(result.report, keys.root, keys.main)).toEqual([intro(root, 'config/root.env', 2, keys.root), intro(m1, 'src/main.env', 2, keys.main)].sort());
  });
});

describe('scan --range: the forms of git rev-list', () => {
  /**
   * main: root (base key) → m1 (main key, and the shared key) ; pr (from root): p1 (pr key, and the shared key,
   * the same blob as on main) → p2 (second pr key). pr's upstream is main.
   */
  function prRepo() {
    const repo = Repo.init();
    const keys = { base: fakeLeak(), main: fakeLeak(), shared: fakeLeak(), p1: fakeLeak(), p2: fakeLeak() };
    const root = repo.commit('root', { 'base.env': keys.base.text });
    const m1 = repo.commit('main work', { 'main.env': keys.main.text, 'shared.env': keys.shared.text });
    repo.git('checkout', '-q', '-b', 'pr', root);
    repo.git('branch', '-q', '--set-upstream-to=main');
    const p1 = repo.commit('pr work', { 'p1.env': keys.p1.text, 'shared.env': keys.shared.text });
    const p2 = repo.commit('more pr work', { 'p2.env': keys.p2.text, 'base.env': `# edited\n${keys.base.text}` });
    const all = Object.values(keys);
    return { repo, keys, all, root, m1, p1, p2 };
  }

  it('A..B, "^A B", "B --not A", @{upstream}..HEAD and --since A: the commits of B not in A', async () => {
    const { repo, keys, all, p1, p2 } = prRepo();
    const expected = [intro(p1, 'p1.env', 2, keys.p1), intro(p1, 'shared.env', 2, keys.shared), intro(p2, 'p2.env', 2, keys.p2)].sort();
    for (const args of [['--range', 'main..pr'], ['--range', '^main pr'], ['--range=pr --not main'], ['--range', '@{upstream}..HEAD'], ['--range', 'main..'], ['--since', 'main']]) {
      const result = await scan(repo, args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(secrets(result.report, ...all), args.join(' ')).toEqual(expected);
      expect(result.report.scan.commits, args.join(' ')).toBe(2);
    }
  });

  it('A...B: both sides, each key attributed to its own side (the same blob on both is two introductions)', async () => {
    const { repo, keys, all, m1, p1, p2 } = prRepo();
    const result = await scan(repo, ['--range', 'main...pr']);
    expect(result.report.scan).toMatchObject({ mode: 'range', target: 'main...pr', commits: 3 });
    expect(secrets(result.report, ...all)).toEqual(
      [intro(m1, 'main.env', 2, keys.main), intro(m1, 'shared.env', 2, keys.shared), intro(p1, 'p1.env', 2, keys.p1), intro(p1, 'shared.env', 2, keys.shared), intro(p2, 'p2.env', 2, keys.p2)].sort(),
    );
  });

  it('A^!, A^- and A^-1: one commit; "^B A^@": the history of its parents', async () => {
    const { repo, keys, all, root, p1, p2 } = prRepo();
    for (const range of ['pr^!', 'pr^-', 'pr^-1', `${p2}^!`]) {
      const result = await scan(repo, ['--range', range]);
      expect(secrets(result.report, ...all), range).toEqual([intro(p2, 'p2.env', 2, keys.p2)]);
      expect(result.report.scan.commits, range).toBe(1);
    }
    expect(secrets((await scan(repo, ['--range', `${p1}^!`])).report, ...all)).toEqual([intro(p1, 'p1.env', 2, keys.p1), intro(p1, 'shared.env', 2, keys.shared)].sort());
    // The root commit alone: everything in it is its own.
    expect(secrets((await scan(repo, ['--range', `${root}^!`])).report, ...all)).toEqual([intro(root, 'base.env', 2, keys.base)]);
    const parents = await scan(repo, ['--range', '^main pr^@']);
    expect(secrets(parents.report, ...all)).toEqual([intro(p1, 'p1.env', 2, keys.p1), intro(p1, 'shared.env', 2, keys.shared)].sort());
  });

  it('answers every form it does not take with one line naming what to write, exit 2', async () => {
    const { repo } = prRepo();
    const rejected: Array<[string[], string]> = [
      [['--range', 'main'], "--range 'main' excludes nothing, so it is the whole history: scan that with --history main, or name a base (BASE..main)"],
      [['--range', 'pr^@'], "--range 'pr^@' excludes nothing, so it is the whole history: scan that with --history pr, or name a base (BASE..pr)"],
      [['--range', '^main'], "--range '^main' only excludes commits: name what to scan too (add HEAD, or write main..HEAD)"],
      [['--range=--all'], `--range takes revisions, not the option '--all' (only --not is understood; --history scans every ref): A..B, A...B, A^!, "^A B" or "B --not A"`],
      [['--range', 'main --first-parent'], `--range takes revisions, not the option '--first-parent' (only --not is understood; --history scans every ref): A..B, A...B, A^!, "^A B" or "B --not A"`],
      [['--range', 'main..pr..x'], "--range 'main..pr..x' is not a range: one .. or ... between two revisions"],
      [['--range', '^main..pr'], "--range '^main..pr' puts ^ before a range: write 'main..pr', or ^A B"],
      [['--range', 'pr --not main..pr'], "--range: --not applies to single revisions, not 'main..pr': put the range before --not"],
      [['--range', 'main..\tpr'], "--range 'main..\\tpr' holds a tab, newline or control character: separate revisions with spaces"],
      [['--range', 'main..-pr'], `--range 'main..-pr' is not a form keywarden takes: A..B, A...B, A^!, "^A B" or "B --not A"`],
      [['--range', 'pr^-0'], "--range 'pr^-0': parents are numbered from 1 (A^-1 is A^..A)"],
      [['--range', 'main^-2'], "--range 'main^-2': 'main' has no parent 2"],
      [['--range', 'mian..pr'], "unknown base 'mian' (did you mean 'main'?)"],
      [['--range', 'main..rp'], "unknown head 'rp' (did you mean 'pr'?)"],
      [['--range', 'main^{tree}..pr'], "base 'main^{tree}' names a tree, not a commit"],
      [['--range', 'main', 'pr'], '--range is one argument: quote a range of several words (--range "main pr"); paths cannot be combined with it'],
      [['--since', 'main..pr'], "--since takes branches, tags or commits, got the range 'main..pr': scan a range with --range main..pr"],
    ];
    for (const [args, error] of rejected) expect(await oneLineError(repo, args), args.join(' ')).toEqual({ status: 2, stderr: [`keywarden: ${error}`], stdout: '' });
  });

  it('scans a range whose head is also a file name in the work tree (git log gets `--`)', async () => {
    const { repo, keys, all, p1, p2 } = prRepo();
    repo.write(p2, 'a file named after the head\n');
    const result = await scan(repo, ['--range', `^main ${p2}`]);
    expect(result.status, result.stderr).toBe(1);
    expect(secrets(result.report, ...all)).toEqual([intro(p1, 'p1.env', 2, keys.p1), intro(p1, 'shared.env', 2, keys.shared), intro(p2, 'p2.env', 2, keys.p2)].sort());
  });
});

describe('parseRange (git/revisions.ts)', () => {
  it.each([
    ['A..B', [{ kind: 'range', base: 'A', head: 'B', symmetric: false }]],
    ['..B', [{ kind: 'range', base: 'HEAD', head: 'B', symmetric: false }]],
    ['A...', [{ kind: 'range', base: 'A', head: 'HEAD', symmetric: true }]],
    ['origin/main...HEAD~2', [{ kind: 'range', base: 'origin/main', head: 'HEAD~2', symmetric: true }]],
    ['@{upstream}..HEAD', [{ kind: 'range', base: '@{upstream}', head: 'HEAD', symmetric: false }]],
    ['A^!', [{ kind: 'commit', rev: 'A' }]],
    ['HEAD~1^-2', [{ kind: 'parent-range', rev: 'HEAD~1', parent: 2 }]],
    ['^A  B', [{ kind: 'rev', rev: 'A', negative: true }, { kind: 'rev', rev: 'B', negative: false }]],
    ['B --not A ^C', [{ kind: 'rev', rev: 'B', negative: false }, { kind: 'rev', rev: 'A', negative: true }, { kind: 'rev', rev: 'C', negative: false }]],
    ['^B A^@', [{ kind: 'rev', rev: 'B', negative: true }, { kind: 'parents', rev: 'A' }]],
    ['v1^{commit}..v2^{commit}', [{ kind: 'range', base: 'v1^{commit}', head: 'v2^{commit}', symmetric: false }]],
  ])('%s', (text, words) => {
    expect(parseRange(text)).toEqual(words);
  });
});
