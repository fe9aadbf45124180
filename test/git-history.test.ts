// scan --history and --range against real repositories: one finding per introduction, on every ref.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { createDetector } from '../src/detect/detect.js';
import { scanCommits } from '../src/sources/git/commits/scan-commits.js';
import { jsonReport, runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeLeak, type Leak } from './support/fakes.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';

const leak = (): Leak => fakeLeak();

async function scan(repo: Repo | string, ...args: string[]): Promise<{ status: number; report: any; stderr: string }> {
  const result = await runKeywarden(['scan', ...args, '--format', 'json', '--no-redact'], { cwd: typeof repo === 'string' ? repo : repo.dir });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

/** Introductions of one secret, as "shortsha file:line". */
function intros(report: any, secret: string): string[] {
  return report.findings
    .filter((finding: any) => finding.secret === secret)
    .map((finding: any) => `${finding.commit.sha.slice(0, 12)} ${finding.file}:${finding.line}`)
    .sort();
}

function at(sha: string, file: string, line: number): string {
  return `${sha.slice(0, 12)} ${file}:${line}`;
}

describe('scan --history', () => {
  it('finds a key added then deleted, once, with the exact commit fields', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'README.md': 'hello\n' });
    const key = leak();
    const added = repo.commit('add deploy credentials\n\nlonger body', { 'deploy/credentials': `[default]\n${key.text}` });
    repo.commit('more work', { 'deploy/credentials': `[default]\n${key.text}region = eu-west-1\n` });
    repo.remove('deploy/credentials');
    repo.commit('remove credentials');
    const result = await scan(repo, '--history');
    expect(result.status).toBe(1);
    expect(intros(result.report, key.secret)).toEqual([at(added, 'deploy/credentials', 3)]);
    const finding = result.report.findings.find((item: any) => item.secret === key.secret);
    expect(finding.commit).toEqual({ sha: added, author: 'Test Author', email: 'author@example.com', date: repo.git('show', '-s', '--format=%aI', added).trim(), message: 'add deploy credentials' });
    expect(finding.commit.date).toMatch(/^2024-01-01T00:00:\d\d(Z|\+00:00)$/);
    expect(result.report.scan).toMatchObject({ mode: 'history', commits: 4 });
  });

  it('scans every ref: an unmerged branch, a tag-only commit, the stash (tracked and untracked)', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'README.md': 'hello\n' });
    const onBranch = leak();
    repo.git('checkout', '-q', '-b', 'wip/experiment');
    const branchCommit = repo.commit('experiment', { 'src/aws.ts': `const c = {\n${onBranch.text}};\n` });
    repo.git('checkout', '-q', 'main');
    const onTag = leak();
    repo.git('checkout', '-q', '-b', 'tmp');
    const tagCommit = repo.commit('backup', { 'backup/env.bak': onTag.text });
    repo.git('tag', 'backup-2021');
    repo.git('checkout', '-q', 'main');
    repo.git('branch', '-q', '-D', 'tmp');
    const stashedTracked = leak();
    const stashedUntracked = leak();
    repo.write('README.md', `hello\n${stashedTracked.text}`);
    repo.write('scratch.env', stashedUntracked.text);
    repo.git('stash', 'push', '-q', '-u');
    const refsBefore = repo.git('for-each-ref');
    const result = await scan(repo, '--history');
    expect(intros(result.report, onBranch.secret)).toEqual([at(branchCommit, 'src/aws.ts', 3)]);
    expect(intros(result.report, onTag.secret)).toEqual([at(tagCommit, 'backup/env.bak', 2)]);
    const stash = repo.git('rev-parse', 'refs/stash').trim();
    const untracked = repo.git('rev-parse', 'refs/stash^3').trim();
    expect(intros(result.report, stashedTracked.secret)).toEqual([at(stash, 'README.md', 3)]);
    expect(intros(result.report, stashedUntracked.secret)).toEqual([at(untracked, 'scratch.env', 2)]);
    expect(repo.git('for-each-ref')).toBe(refsBefore);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('finds a key introduced by a merge conflict resolution, and not again for a merge that carries one', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'config.yml': 'region: eu\n' });
    repo.git('checkout', '-q', '-b', 'left');
    repo.commit('left', { 'config.yml': 'region: us\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('right', { 'config.yml': 'region: ap\n' });
    const resolved = leak();
    const merge = repo.mergeResolvingConflict('left', 'config.yml', `region: us\n${resolved.text}`);

    const carried = leak();
    repo.git('checkout', '-q', '-b', 'feature');
    const featureCommit = repo.commit('feature key', { 'src/key.ts': carried.text });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves', { 'other.txt': 'x\n' });
    repo.git('merge', '-q', '--no-edit', 'feature');
    const result = await scan(repo, '--history');
    expect(intros(result.report, resolved.secret)).toEqual([at(merge, 'config.yml', 3)]);
    expect(intros(result.report, carried.secret)).toEqual([at(featureCommit, 'src/key.ts', 2)]);
  });

  it('counts introductions: rename and copy are none, re-adding is a second, two files are two', async () => {
    const repo = Repo.init();
    repo.commit('initial', { 'README.md': 'hello\n' });
    const moved = leak();
    const first = repo.commit('add', { 'a.env': moved.text });
    repo.git('mv', 'a.env', 'renamed.env');
    repo.commit('rename');
    repo.commit('copy', { 'copy.env': moved.text });
    repo.git('mv', 'renamed.env', 'edited.env');
    repo.write('edited.env', `# moved and edited\n${moved.text}`);
    repo.commit('rename with edit');

    const again = leak();
    const firstAdd = repo.commit('add again-key', { 'again.env': again.text });
    repo.remove('again.env');
    repo.commit('remove again-key');
    const secondAdd = repo.commit('re-add again-key', { 'again.env': `# back\n${again.text}` });

    const twice = leak();
    const both = repo.commit('two files', { 'one.env': twice.text, 'two/settings.ini': `[x]\n${twice.text}` });
    const result = await scan(repo, '--history');
    expect(intros(result.report, moved.secret)).toEqual([at(first, 'a.env', 2)]);
    expect(intros(result.report, again.secret)).toEqual([at(firstAdd, 'again.env', 2), at(secondAdd, 'again.env', 3)].sort());
    expect(intros(result.report, twice.secret)).toEqual([at(both, 'one.env', 2), at(both, 'two/settings.ini', 3)].sort());
  });

  it('gives the same answers on worker threads (a history over the 8 MiB pool threshold)', async () => {
    const repo = Repo.init();
    const filler = (seed: number) => Array.from({ length: 70000 }, (_, i) => `const value${seed}_${i} = ${(i * 7919 + seed) % 100003}; // padding line\n`).join('');
    repo.commit('big 1', { 'src/big1.ts': filler(1) });
    const key = leak();
    const added = repo.commit('big 2 with key', { 'src/big2.ts': filler(2), 'src/creds.ts': `// setup\n${key.text}` });
    repo.commit('big 3', { 'src/big3.ts': filler(3), 'src/big1.ts': filler(4) });
    // The workers read every object in the repository while git log runs: an unreachable blob is read too,
    // and must be neither reported nor counted.
    const dangling = leak();
    repo.write('dangling.env', dangling.text);
    repo.git('hash-object', '-w', 'dangling.env');
    repo.remove('dangling.env');
    const result = await scan(repo, '--history');
    expect(result.report.scan.bytes).toBeGreaterThan(8 * 1024 * 1024);
    expect(result.report.scan).toMatchObject({ files: 5, commits: 3 });
    expect(intros(result.report, key.secret)).toEqual([at(added, 'src/creds.ts', 3)]);
    expect(intros(result.report, dangling.secret)).toEqual([]);
  });

  it('does not report the AWS documentation example keys', async () => {
    const repo = Repo.init();
    repo.commit('docs', { 'docs/setup.md': '```\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```\n' });
    const result = await scan(repo, '--history');
    expect(result.report.findings).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('says a shallow clone is incomplete and still scans what it has', async () => {
    const origin = Repo.init();
    const old = leak();
    origin.commit('old', { 'old.env': old.text });
    origin.commit('unrelated', { 'b.txt': 'b\n' });
    const fresh = leak();
    const tip = origin.commit('new', { 'new.env': fresh.text });
    const clone = path.join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone], { env: { ...process.env, ...GIT_ENV } });
    const result = await scan(clone, '--history');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/shallow clone: history is incomplete/);
    expect(intros(result.report, fresh.secret)).toEqual([at(tip, 'new.env', 2)]);
    expect(intros(result.report, old.secret)).toHaveLength(1); // present at the boundary commit
  });

  it('says "nothing to scan" for an empty repository, exit 0', async () => {
    const repo = Repo.init();
    const result = await scan(repo, '--history');
    expect(result.status).toBe(0);
    expect(result.report.findings).toEqual([]);
    expect(result.stderr).toMatch(/nothing to scan/);
  });

  it('is one clear line, exit 2, outside a repository', async () => {
    const result = await runKeywarden(['scan', '--history'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^keywarden: not a git repository/)]);
  });
});

describe('scan --range / --since', () => {
  /** main: base key → branch point → main-only key; pr: modifies the base key's file, adds one key, adds and removes another. */
  function prRepo(): { repo: Repo; base: Leak; mainOnly: Leak; prKey: Leak; transient: Leak; prCommit: string; transientCommit: string } {
    const repo = Repo.init();
    const base = leak();
    repo.commit('base', { 'config/base.env': base.text });
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit('touch base file', { 'config/base.env': `# edited in the PR\n${base.text}` });
    const prKey = leak();
    const prCommit = repo.commit('upload service', { 'src/upload.ts': `export const creds = \`\n${prKey.text}\`;\n` });
    const transient = leak();
    const transientCommit = repo.commit('debug', { 'src/debug.ts': `// ${transient.text}` });
    repo.commit('remove debug', { 'src/debug.ts': '// clean\n' });
    repo.git('checkout', '-q', 'main');
    const mainOnly = leak();
    repo.commit('main only', { 'main.env': mainOnly.text });
    repo.git('checkout', '-q', 'pr');
    return { repo, base, mainOnly, prKey, transient, prCommit, transientCommit };
  }

  it('reports only the pull request’s introductions', async () => {
    const { repo, base, mainOnly, prKey, transient, prCommit, transientCommit } = prRepo();
    const result = await scan(repo, '--range', 'main..pr');
    expect(result.status).toBe(1);
    expect(result.report.scan).toMatchObject({ mode: 'range', target: 'main..pr', commits: 4 });
    expect(intros(result.report, base.secret)).toEqual([]);
    expect(intros(result.report, mainOnly.secret)).toEqual([]);
    expect(intros(result.report, prKey.secret)).toEqual([at(prCommit, 'src/upload.ts', 3)]);
    expect(intros(result.report, transient.secret)).toEqual([at(transientCommit, 'src/debug.ts', 2)]);
    const since = await scan(repo, '--since', 'main');
    expect(since.report.findings.map((finding: any) => finding.fingerprint).sort()).toEqual(result.report.findings.map((finding: any) => finding.fingerprint).sort());
    expect(since.report.scan.target).toBe('main..HEAD');
  });

  it('exits 2 with one line for an unknown ref', async () => {
    const { repo } = prRepo();
    for (const args of [['--range', 'nope..pr'], ['--range', 'main..nope'], ['--since', 'v9.9.9']]) {
      const result = await runKeywarden(['scan', ...args], { cwd: repo.dir });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/unknown (base|head) '(nope|v9\.9\.9)'/);
    }
  });

  it('exits 2 and says how to fetch when the base is missing from a shallow clone', async () => {
    const { repo } = prRepo();
    const mainSha = repo.git('rev-parse', 'main').trim();
    const clone = path.join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'pr', `file://${repo.dir}`, clone], { env: { ...process.env, ...GIT_ENV } });
    const result = await runKeywarden(['scan', '--range', `${mainSha}..HEAD`], { cwd: clone });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/shallow clone.*fetch-depth: 0.*git fetch --unshallow/);
  });
});

describe('attribution without a second search', () => {
  /** The scan's git processes that searched every commit for blobs (--find-object). */
  async function searches(repo: Repo): Promise<{ report: any; searches: number }> {
    const trace = path.join(tempDir('keywarden-trace-'), 'trace.json');
    const result = runCli(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir, env: { GIT_TRACE2_EVENT: trace } });
    const events = readFileSync(trace, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    return { report: jsonReport(result), searches: events.filter((event) => event.event === 'start' && event.argv.some((arg: string) => arg.startsWith('--find-object='))).length };
  }

  it('reads the one commit that set each blob with candidates, as the first read saw it; searches when a blob was set twice', async () => {
    const once = Repo.init();
    const leak = fakeLeak();
    once.commit('docs', { 'README.md': 'hello\n' });
    const first = once.commit('keys', { 'deploy/creds.ini': leak.text });
    once.git('checkout', '-q', '-b', 'side');
    once.commit('side work', { 'side.txt': 'x\n' });
    once.git('checkout', '-q', 'main');
    once.git('merge', '-q', '--no-ff', '-m', 'merge side', 'side');
    const plain = await searches(once);
    expect(plain.searches).toBe(0);
    expect(plain.report.findings.map((finding: any) => [finding.secret, finding.commit.sha])).toEqual([
      [leak.id, first],
      [leak.secret, first],
    ]);

    // The same blob set again after it was deleted: two commits set it, and git is asked.
    once.commit('remove', { 'deploy/creds.ini': 'region = eu-west-1\n' });
    const again = once.commit('back', { 'deploy/creds.ini': leak.text });
    const twice = await searches(once);
    expect(twice.searches).toBe(1);
    expect(twice.report.findings.map((finding: any) => finding.commit.sha).sort()).toEqual([first, first, again, again].sort());
  });
});

describe('presence beside the scan', () => {
  /** The git processes a history scan started (trace2), by their arguments. */
  function started(repo: Repo): { status: number; argvs: string[][] } {
    const trace = path.join(tempDir('keywarden-trace-'), 'trace.json');
    const result = runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir, env: { GIT_TRACE2_EVENT: trace } });
    const events = readFileSync(trace, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    return { status: result.status, argvs: events.filter((event) => event.event === 'start').map((event) => event.argv as string[]) };
  }
  const branchWalk = (argv: string[]) => argv.includes('for-each-ref') && argv.includes('refs/heads/');

  it('tells the source when the scan meets its first candidate, once; never for a clean history', async () => {
    const repo = Repo.init();
    repo.commit('docs', { 'README.md': 'hello\n' });
    for (let i = 0; i < 20; i++) repo.commit(`work ${i}`, { [`src/${i}.ts`]: `export const n = ${i};\n` });
    const config = defaultConfig(repo.dir);
    const detector = createDetector(config);
    const context = { cwd: repo.dir, config, options: {} as never, stdin: process.stdin, progress: null, keywords: detector.keywords, pathEvidence: detector.pathEvidence, readPacks: true, fileThreads: 'never', logReaders: 'auto' } as const;
    const scan = async () => {
      let calls = 0;
      const located = await scanCommits(context, async (chunk) => detector.detect(chunk), { revs: ['--all'], wholeRepository: true }, { bytes: 0, files: 0, commits: 0 }, [], { firstHit: () => calls++ });
      return { calls, found: located.length };
    };
    expect(await scan()).toEqual({ calls: 0, found: 0 });
    // A clean history's scan never walks the branches at all.
    expect(started(repo).argvs.filter(branchWalk)).toEqual([]);

    repo.commit('keys', { 'deploy/creds.ini': fakeLeak().text, 'deploy/more.ini': fakeLeak().text });
    expect(await scan()).toEqual({ calls: 1, found: 4 });
    const found = started(repo);
    expect(found.status).toBe(1);
    expect(found.argvs.filter(branchWalk).length).toBe(1);
  });

  it('answers presence from the scan\'s own log for every ref, and walks the branches with git only for some refs', async () => {
    const repo = Repo.init();
    repo.commit('docs', { 'README.md': 'hello\n' });
    const leak = fakeLeak();
    repo.commit('keys', { 'deploy/creds.ini': leak.text });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'side.txt': 'x\n' });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge side', 'side');
    const walks = (args: string[]) => {
      const trace = path.join(tempDir('keywarden-trace-'), 'trace.json');
      const result = runCli(['scan', ...args, '--format', 'json', '--no-redact'], { cwd: repo.dir, env: { GIT_TRACE2_EVENT: trace } });
      const events = readFileSync(trace, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      const presence = jsonReport(result).findings.find((finding: any) => finding.secret === leak.secret).presence;
      return { presence, walks: events.filter((event) => event.event === 'start' && event.argv.includes('rev-list') && event.argv.includes('--parents')).length };
    };
    const all = walks(['--history']);
    const some = walks(['--history', 'side']);
    expect(all).toEqual({ presence: { refs: ['refs/heads/main', 'refs/heads/side'], refCount: 2, presentAt: ['refs/heads/main', 'refs/heads/side'] }, walks: 0 });
    expect(some).toEqual({ ...all, walks: 1 });
  });
});
