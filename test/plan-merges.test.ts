// Planning reads merges combined (only the paths where a merge differs from every parent, plan.ts), where it
// read each merge against each parent: git/git's merges against their second parent were most of its log.
// The blobs planned must be the same: every blob any commit holds, whichever way it came in. Random histories of
// branches, merges that take one side, both, or neither (a conflict resolved by hand), and octopus merges.
import { describe, expect, it } from 'vitest';
import { readPlan } from '../src/sources/git/commits/plan.js';
import { streamLog } from '../src/sources/git/log.js';
import { runCli } from './support/cli.js';
import { fakeSecret } from './support/fakes.js';
import { seeded } from './support/random.js';
import { Repo } from './support/repo.js';

/** Every blob any commit sets a path to, read with each merge against each parent. */
async function blobsSeparately(repo: Repo): Promise<Set<string>> {
  const blobs = new Set<string>();
  await streamLog(repo.dir, { revs: ['--all'], merges: 'separate' }, (commit) => {
    for (const block of commit.blocks) for (const change of block) if (change.newSha !== null) blobs.add(change.newSha);
  });
  return blobs;
}

/** Every blob of every commit's tree: the ground truth. */
function blobsOfAllTrees(repo: Repo): Set<string> {
  const blobs = new Set<string>();
  for (const commit of repo.git('rev-list', '--all').trim().split('\n')) {
    for (const line of repo.git('ls-tree', '-r', commit).trim().split('\n')) if (line) blobs.add(line.split(/\s+/)[2]);
  }
  return blobs;
}

describe('planning with merges combined', () => {
  it('plans every blob any commit holds, as reading each merge against each parent does', async () => {
    for (const seed of [1, 2, 3]) {
      const next = seeded(seed * 7717);
      const repo = Repo.init();
      repo.commit('root', { 'a.txt': 'a0\n', 'b.txt': 'b0\n' });
      const branches = ['main'];
      for (let step = 0; step < 40; step++) {
        const roll = next();
        const branch = branches[Math.floor(next() * branches.length)];
        if (roll < 0.15 && branches.length < 4) {
          const name = `topic${branches.length}`;
          repo.git('checkout', '-q', '-b', name, branch);
          branches.push(name);
        } else if (roll < 0.45 && branches.length > 1) {
          // A merge: of one or two other branches (octopus), resolved by hand now and then (a blob neither side had).
          const others = branches.filter((other) => other !== branch).slice(0, next() < 0.2 ? 2 : 1);
          repo.git('checkout', '-q', branch);
          try {
            repo.git('merge', '-q', '--no-ff', '--no-edit', '-m', `merge ${step}`, ...others);
          } catch {
            // A conflict resolved by hand; an octopus that gave up is left undone.
            const conflicted = repo.git('diff', '--name-only', '--diff-filter=U').trim();
            if (conflicted === '') {
              repo.git('reset', '-q', '--hard');
              continue;
            }
            for (const file of conflicted.split('\n')) repo.write(file, `${file} resolved at ${step}\n`);
            repo.git('add', '-A');
            repo.git('commit', '-q', '--no-edit');
          }
          if (next() < 0.4) {
            repo.write('a.txt', `resolved by hand ${step}\n`);
            repo.git('add', '-A');
            repo.git('commit', '-q', '--amend', '--no-edit');
          }
        } else {
          repo.git('checkout', '-q', branch);
          const file = ['a.txt', 'b.txt', `new${step}.txt`][Math.floor(next() * 3)];
          repo.commit(`edit ${step}`, { [file]: `${file} at ${step} ${next()}\n` });
        }
      }
      const plan = await readPlan(repo.dir, { revs: ['--all'], wholeRepository: true });
      const separately = await blobsSeparately(repo);
      const planned = new Set(plan.blobs.list().map((blob) => blob.sha));
      expect(planned, `seed ${seed}`).toEqual(separately);
      expect(planned, `seed ${seed}`).toEqual(blobsOfAllTrees(repo));
      expect(plan.ids.count).toBe(Number(repo.git('rev-list', '--all', '--count').trim()));
      // The histories do have merges, octopus ones and hand-resolved ones among them.
      expect(Number(repo.git('rev-list', '--all', '--merges', '--count').trim()), `seed ${seed}`).toBeGreaterThan(3);
    }
  });
});

describe('a blob that several paths hold', () => {
  it('is judged under a path that gives the rules evidence, whichever way the history meets its paths', async () => {
    for (const order of ['side into main', 'main into side']) {
      const repo = Repo.init();
      const value = fakeSecret();
      // A generic name needs AWS evidence nearby or in the path: the same blob at aws/ and at notes.txt.
      const text = `secret_key = "${value}"\n`;
      repo.commit('base', { 'README.md': 'hello\n' });
      repo.git('checkout', '-q', '-b', 'side');
      const aws = repo.commit('side: aws path', { 'aws/creds.txt': text });
      repo.git('checkout', '-q', 'main');
      const notes = repo.commit('main: same blob elsewhere', { 'notes.txt': text });
      if (order === 'side into main') repo.git('merge', '-q', '--no-ff', '-m', 'merge', 'side');
      else {
        repo.git('checkout', '-q', 'side');
        repo.git('merge', '-q', '--no-ff', '-m', 'merge', 'main');
      }
      const result = runCli(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir });
      expect(result.status, `${order}: ${result.stderr}`).toBe(1);
      const found = JSON.parse(result.stdout).findings.map((finding: any) => [finding.file, finding.commit.sha, finding.secret]);
      expect(found.sort(), order).toEqual([['aws/creds.txt', aws, value], ['notes.txt', notes, value]].sort());
    }
  });
});
