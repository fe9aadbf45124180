// A whole history's log is read from both ends at once (log.ts streamLogBothEnds): one git lists the commits in
// git's order, another the same list oldest first, and they stop where they meet. The plan must be the one a
// single reader gives, whatever the split and the interleaving, and no commit may be lost or read twice.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanBuilder, type LogPlan } from '../src/sources/git/commits/plan.js';
import { streamLog, streamLogBothEnds, type Change, type LogCommit } from '../src/sources/git/log.js';
import { runCli } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { REAL_GIT } from './support/hostile-git.js';
import { seeded } from './support/random.js';
import { Repo, tempDir } from './support/repo.js';

/** What a plan says, comparable with toEqual: ids in order, and each blob's path and setter. */
function summary(plan: LogPlan) {
  const ids: string[] = [];
  for (let i = 0; i < plan.ids.count; i++) ids.push(plan.ids.at(i));
  return { ids, blobs: plan.blobs.list().sort((a, b) => (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0)) };
}

const evidence = (file: string) => file.startsWith('aws/');

/** Random commits: blobs from a small pool at paths from a small pool (some with evidence), merges with a block per parent, gitlinks and deletions. */
function randomCommits(next: () => number, count: number): LogCommit[] {
  const hex = (n: number) => n.toString(16).padStart(40, '0');
  const paths = ['a.txt', 'b.txt', 'aws/a.txt', 'aws/b.txt', 'c/d.txt', 'aws/c.txt'];
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const commits: LogCommit[] = [];
  for (let i = 0; i < count; i++) {
    const blocks: Change[][] = [];
    for (let b = 0, parents = next() < 0.2 ? 2 + Math.floor(next() * 2) : 1; b < parents; b++) {
      const block: Change[] = [];
      const used = new Set<string>();
      for (let c = 0, changes = Math.floor(next() * 5); c < changes; c++) {
        const file = pick(paths);
        if (used.has(file)) continue;
        used.add(file);
        const roll = next();
        const newSha = roll < 0.1 ? null : hex(1 + Math.floor(next() * 12));
        block.push({ status: newSha === null ? 'D' : 'M', oldMode: '100644', newMode: roll > 0.95 ? '160000' : '100644', oldSha: null, newSha, path: file });
      }
      blocks.push(block);
    }
    commits.push({ sha: hex(0x100000 + i), parents: [], author: '', email: '', date: '', subject: '', blocks });
  }
  return commits;
}

describe('the plan from both ends of the log', () => {
  it('is the plan of one reader in git’s order, for every split and interleaving', () => {
    const next = seeded(4242);
    for (let round = 0; round < 400; round++) {
      const commits = randomCommits(next, 1 + Math.floor(next() * 30));
      const one = new PlanBuilder(evidence);
      for (const commit of commits) one.take(commit, false);
      const expected = summary(one.finish());
      // The first reader hands over commits [0, split) in order, the second [split, n) last first, interleaved.
      const split = Math.floor(next() * (commits.length + 1));
      const first = commits.slice(0, split);
      const second = commits.slice(split).reverse();
      const both = new PlanBuilder(evidence);
      while (first.length > 0 || second.length > 0) {
        const fromEnd = first.length === 0 || (second.length > 0 && next() < 0.5);
        both.take((fromEnd ? second : first).shift()!, fromEnd);
      }
      expect(summary(both.finish()), `round ${round}, split ${split} of ${commits.length}`).toEqual(expected);
    }
  });

  it('hands over every commit of a real history once, and plans as one reader does', async () => {
    const repo = history(7, 60);
    const one = new PlanBuilder(evidence);
    const order: string[] = [];
    await streamLog(repo.dir, { revs: ['--all'], merges: 'combined' }, (commit) => {
      order.push(commit.sha);
      one.take(commit, false);
    });
    const expected = summary(one.finish());
    // Both readers from the first commit, the second after ten, and one only (what a short log gets).
    for (const readers of ['two', 10, 'one', 'auto'] as const) {
      const handed: Array<{ sha: string; fromEnd: boolean }> = [];
      const both = new PlanBuilder(evidence);
      await streamLogBothEnds(
        repo.dir,
        { revs: ['--all'], merges: 'combined' },
        (commit, fromEnd) => {
          handed.push({ sha: commit.sha, fromEnd });
          both.take(commit, fromEnd);
        },
        readers,
      );
      expect(handed.map((item) => item.sha).sort(), String(readers)).toEqual([...order].sort());
      expect(new Set(handed.map((item) => item.sha)).size, String(readers)).toBe(handed.length);
      expect(summary(both.finish()), String(readers)).toEqual(expected);
      if (readers === 'one' || readers === 'auto') expect(handed.every((item) => !item.fromEnd), String(readers)).toBe(true);
      if (readers === 10) expect(handed.slice(0, 10).every((item) => !item.fromEnd)).toBe(true);
    }
  });

  it('finds and attributes the same keys when one reader, the other or both are slow (they meet anywhere)', () => {
    const repo = history(11, 90);
    const plain = runCli(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir });
    expect(plain.status, plain.stderr).toBe(1);
    const answer = (stdout: string) => JSON.parse(stdout).findings.map((finding: any) => [finding.secret, finding.file, finding.commit.sha, finding.line]);
    const expected = answer(plain.stdout);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    for (const [forward, reverse] of [['slow', 'plain'], ['plain', 'slow'], ['slow', 'slow']] as const) {
      const result = runCli(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir, env: { ...logs(forward, reverse), KEYWARDEN_LOG_READERS: '2' } });
      expect(result.status, `${forward} / ${reverse}: ${result.stderr}`).toBe(1);
      expect(answer(result.stdout), `${forward} / ${reverse}`).toEqual(expected);
    }
  });

  it('is an error, never a clean scan, when the reader from the end dies before they meet', () => {
    const repo = history(13, 40);
    for (let attempt = 0; attempt < 2; attempt++) {
      // The reader from the start waits until the other has died (and a second more), so they cannot meet first.
      const result = runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir, env: { ...logs('late', 'killed'), KEYWARDEN_LOG_READERS: '2' } });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('keywarden: git log was ended by SIGTERM before it finished: the scan is incomplete\n');
    }
  });
});

/** A history with branches, merges (some resolved by hand), keys added now and then, and equal commit dates. */
function history(seed: number, steps: number): Repo {
  const next = seeded(seed);
  const repo = Repo.init();
  repo.commit('root', { 'a.txt': 'a\n' });
  const branches = ['main'];
  for (let step = 0; step < steps; step++) {
    const branch = branches[Math.floor(next() * branches.length)];
    const roll = next();
    if (roll < 0.1 && branches.length < 3) {
      repo.git('checkout', '-q', '-b', `topic${step}`, branch);
      branches.push(`topic${step}`);
    } else if (roll < 0.25 && branches.length > 1) {
      const other = branches.find((name) => name !== branch)!;
      repo.git('checkout', '-q', branch);
      try {
        repo.git('merge', '-q', '--no-ff', '--no-edit', '-m', `merge ${step}`, other);
      } catch {
        repo.write('a.txt', `resolved ${step}\n`);
        repo.git('add', '-A');
        repo.git('commit', '-q', '--no-edit');
      }
    } else {
      repo.git('checkout', '-q', branch);
      const files: Record<string, string> = { 'a.txt': `a ${step} ${next()}\n` };
      if (step % 9 === 4) files[`keys/${step}.env`] = fakeLeak().text;
      repo.commit(`edit ${step}`, files);
    }
  }
  return repo;
}

type Reader = 'plain' | 'slow' | 'killed' | 'late';

/**
 * A PATH whose git runs the plan's two logs (merges combined) as asked: as they are, through a throttle (512 bytes
 * every 3 ms, so that the two outputs cross while both are still written), killed by SIGTERM after 300 bytes, or
 * (`late`) only once a killed one has died, and a second after (at most 10 s later).
 */
function logs(forward: Reader, reverse: Reader): { PATH: string } {
  const dir = tempDir('keywarden-logs-');
  const throttle = path.join(dir, 'throttle.cjs');
  const died = path.join(dir, 'died');
  writeFileSync(
    throttle,
    `const queue = []; let busy = false;
function pump() { if (queue.length === 0) { busy = false; return; } busy = true; process.stdout.write(queue.shift(), () => setTimeout(pump, 3)); }
process.stdin.on('data', (chunk) => { for (let i = 0; i < chunk.length; i += 512) queue.push(chunk.subarray(i, i + 512)); if (!busy) pump(); });
process.stdout.on('error', () => process.exit(0));`,
  );
  const run = (reader: Reader) =>
    ({
      plain: 'exec "$REAL" "$@"',
      slow: `"$REAL" "$@" | "${process.execPath}" "${throttle}"; exit 0`,
      killed: `"$REAL" "$@" | head -c 300; touch "${died}"; kill -TERM $$; sleep 5; exit 0`,
      late: `n=0; while [ ! -e "${died}" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done; sleep 1; exec "$REAL" "$@"`,
    })[reader];
  writeFileSync(
    path.join(dir, 'git'),
    `#!/bin/sh
REAL="${REAL_GIT}"
# Each word tested on its own: " log --diff-merges=combined" holds both, but as one pattern their spaces overlap.
case " $* " in *" log "*) case " $* " in *" --diff-merges=combined "*)
  case " $* " in
    *" --reverse "*) ${run(reverse)} ;;
    *) ${run(forward)} ;;
  esac ;;
esac ;; esac
exec "$REAL" "$@"
`,
  );
  chmodSync(path.join(dir, 'git'), 0o755);
  return { PATH: `${dir}:${process.env.PATH}` };
}
