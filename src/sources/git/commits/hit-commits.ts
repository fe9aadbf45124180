// The commits that attribution reads, found by reading the log again once the scan knows which blobs have
// candidates (usually none, then nothing is read again): the first read keeps no commit (log.ts, streamed),
// because what a history's commits and tree changes take grows without bound (git/git: 203k commits, 50k
// merges whose comparisons with their second parent list hundreds of millions of changes).
//
// The second read is pinned to the commits of the first (`--no-walk=unsorted --stdin`, in the same order).
// It asks git for the comparisons that touch the blobs (`--find-object`, git >= 2.16, one option per blob),
// which costs git's tree comparisons but almost no output; a third read then lists those few commits in full.
// With more blobs than fit on a command line, or in a partial clone (where git fetches the blobs a pickaxe
// names, and keywarden never fetches), one read of every commit keeps those that touch them. And when the
// first read saw each of the blobs set by one commit only (plan.ts LogPlan.setBy), the search is skipped: those
// commits are what it would find (5 of a git/git-sized history's 15 s).
import type { CommitIds } from './commit-ids.js';
import { forAttribution, touchesHits, type Hits } from './introductions.js';
import { streamLog, type LogCommit } from '../log.js';
import { RuntimeError } from '../../../errors.js';
import { words } from '../../../words/index.js';

/** At most this many --find-object options (about 55 bytes each) on one command line. */
const FIND_OBJECTS = 1000;

const NO_WALK = '--no-walk=unsorted';

export interface HitCommit {
  /** Position in the first read (git log's order). */
  index: number;
  commit: LogCommit;
}

/**
 * The commits that set some path to a blob of `blobs`, trimmed to what attribution reads of `hits`.
 * `promised`: the repository holds promised objects (a partial clone).
 */
export async function commitsTouching(cwd: string, ids: CommitIds, blobs: Hits, hits: Hits, promised: boolean, setBy?: ReadonlyMap<string, number>): Promise<HitCommit[]> {
  if (blobs.size === 0 || ids.count === 0) return [];
  const found: HitCommit[] = [];
  // Each blob set by one commit only, as the first read saw it: that commit is what the search below would pick
  // (a whole history's merges combined, as the search reads them), or what it picked before merges were read
  // combined (a range's merges separately: one more commit read, which attribution finds no introduction), so git
  // need not compare every commit again.
  const known = setBy === undefined || promised ? null : [...blobs.keys()].map((blob) => setBy.get(blob) ?? -1);
  if (known !== null && known.every((at) => at >= 0)) {
    const selected = [...new Set(known)].sort((x, y) => x - y);
    await readPinned(cwd, ids, selected, [], true, (index, commit) => found.push({ index, commit: forAttribution(commit, hits) }));
    return found;
  }
  if (blobs.size > FIND_OBJECTS || promised) {
    await readPinned(cwd, ids, null, [], true, (index, commit) => {
      if (touchesHits(commit, blobs)) found.push({ index, commit: forAttribution(commit, hits) });
    });
    return found;
  }
  const selected: number[] = [];
  // Merges combined (log.ts LogRead.merges): a merge that takes a blob from one of its parents is no
  // introduction of it, and only those are left out; comparing git/git's merges with each parent for this
  // took 19 s. The commits selected are then read with every comparison.
  await readPinned(cwd, ids, null, [...blobs.keys()].map((blob) => `--find-object=${blob}`), false, (index, commit) => {
    if (touchesHits(commit, blobs)) selected.push(index);
  }, 'combined');
  await readPinned(cwd, ids, selected, [], true, (index, commit) => found.push({ index, commit: forAttribution(commit, hits) }));
  return found;
}

/**
 * Reads the log of the given commits (positions in `ids`, or all), in that order. git may leave commits out
 * only when filtering (--find-object: those with no matching change), never add or reorder any: anything
 * else is refused.
 */
async function readPinned(cwd: string, ids: CommitIds, indexes: number[] | null, options: string[], complete: boolean, onCommit: (index: number, commit: LogCommit) => void, merges: 'separate' | 'combined' = 'separate'): Promise<void> {
  const count = indexes?.length ?? ids.count;
  if (count === 0) return;
  const position = (at: number): number => (indexes === null ? at : indexes[at]);
  let next = 0;
  let listed = 0;
  await streamLog(cwd, { revs: [], stdinRevs: ids.lines(indexes ?? undefined), options: [NO_WALK, ...options], merges }, (commit) => {
    while (next < count && ids.at(position(next)) !== commit.sha) next++;
    if (next === count) throw new RuntimeError(words().git.logUnasked);
    onCommit(position(next), commit);
    next++;
    listed++;
  });
  if (complete && listed !== count) throw new RuntimeError(words().git.logShort(listed, count));
}
