// What a commit scan reads, planned from one streamed `git log --raw` (no content diffs): every commit's id
// and every blob any of them sets a path to, with a path to report it under; then each blob's size, from the
// pack reader's verdict or the object store. Nothing here reads a blob.
import { GITLINK_MODE, streamLog } from '../log.js';
import type { PackVerdict } from '../pack/packs.js';
import { CommitIds } from './commit-ids.js';
import { blobSizes, type ObjectStore } from './objects.js';

/** What to read of the history. */
export interface CommitScan {
  /** Revisions for `git log` (e.g. ['--all'] or ['base..head']). */
  revs: string[];
  /** More revisions fed on stdin (stash reflog entries). */
  stdinRevs?: string[];
  /** The whole repository is scanned: list blobs in pack order from `cat-file --batch-all-objects`. */
  wholeRepository: boolean;
}

/** One blob to scan, under the first path seen for it. */
export interface BlobPlan {
  sha: string;
  path: string;
  size: number;
}

export interface LogPlan {
  /** Every commit, in git log's order. */
  ids: CommitIds;
  /** Every blob the commits set a path to, with the first path seen (submodules aside). A symbolic link's blob
   *  is its target, which may be any text (a whole credentials file), so it is planned like a file's. */
  paths: Map<string, string>;
  /**
   * For each of those blobs, the one commit (its position in `ids`) whose changes set a path to it, as this read
   * saw them, or -1 when more than one do: attribution then knows those commits without asking git to search
   * every commit again (hit-commits.ts). Positions are small integers: no memory but the map's own.
   */
  setBy: Map<string, number>;
}

/**
 * One streamed read of the log, keeping only what the scan needs of it (see scan-commits.ts). A blob that several
 * paths hold is scanned once, under the first path seen, or a later one that gives the rules evidence when the
 * first does not (`evidence`: engine/context.ts pathEvidence): its findings then do not depend on the order in
 * which the log meets its paths.
 */
export async function readPlan(cwd: string, scan: CommitScan, evidence: (path: string) => boolean = () => false): Promise<LogPlan> {
  const plan: LogPlan = { ids: new CommitIds(), paths: new Map(), setBy: new Map() };
  // Paths are interned: a blob's path is nearly always one that many other blobs have too.
  const names = new Map<string, string>();
  // A whole history's merges combined: the same blobs at the same paths (every blob a tree holds at a path was set
  // there by some commit listed), where the comparisons with each parent are most of git/git's log. A range's
  // merges separately: the paths a merge takes from outside the range are some of its blobs' paths too.
  await streamLog(cwd, { revs: scan.revs, stdinRevs: scan.stdinRevs, merges: scan.wholeRepository ? 'combined' : 'separate' }, (commit) => {
    const at = plan.ids.count;
    plan.ids.add(commit.sha);
    for (const block of commit.blocks) {
      for (const change of block) {
        if (change.newSha === null || change.newMode === GITLINK_MODE) continue;
        const by = plan.setBy.get(change.newSha);
        if (by === undefined) plan.setBy.set(change.newSha, at);
        else if (by !== at) plan.setBy.set(change.newSha, -1);
        const planned = plan.paths.get(change.newSha);
        if (planned !== undefined && (planned === change.path || evidence(planned) || !evidence(change.path))) continue;
        let name = names.get(change.path);
        if (name === undefined) names.set(change.path, (name = change.path));
        plan.paths.set(change.newSha, name);
      }
    }
  });
  return plan;
}

/**
 * Every blob the commits hold (first path seen), with sizes: those the pack reader judged as it knows them,
 * the rest in pack order when the whole repository is listed (git reads deltas far faster in that order).
 * `everything` is that list, when it was started beside the log. A blob git does not list is missing: it is
 * noted, never asked for (a partial clone's git would die on it).
 */
export async function planBlobs(cwd: string, paths: Map<string, string>, everything: Promise<Map<string, number>> | null, judged: PackVerdict | null, store: ObjectStore): Promise<BlobPlan[]> {
  const plans: BlobPlan[] = [];
  if (judged !== null) {
    for (const [sha, path] of paths) {
      const size = judged.sizes.get(sha);
      if (size === undefined) continue;
      plans.push({ sha, path, size });
      paths.delete(sha);
    }
    if (paths.size === 0) return plans;
  }
  const objects = everything ? await everything : await blobSizes(cwd, [...paths.keys()], store);
  for (const [sha, size] of objects) {
    const path = paths.get(sha);
    if (path === undefined) continue;
    plans.push({ sha, path, size });
    paths.delete(sha);
  }
  for (const [sha, path] of paths) store.missing.add(sha, path);
  return plans;
}
