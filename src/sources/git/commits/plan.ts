// What a commit scan reads, planned from one streamed `git log --raw` (no content diffs): every commit's id
// and every blob any of them sets a path to, with a path to report it under; then each blob's size, from the
// pack reader's verdict or the object store. Nothing here reads a blob.
import type { Ancestry } from '../ancestry.js';
import type { CommitFeed } from '../commit-feed.js';
import { GITLINK_MODE, streamLog, streamLogBothEnds, type LogCommit, type LogReaders } from '../log.js';
import type { PackVerdict } from '../pack/packs.js';
import { CommitIds } from './commit-ids.js';
import { PlannedBlobs } from './planned-blobs.js';
import { grown } from '../typed-arrays.js';
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
  /**
   * Every blob the commits set a path to (submodules aside), each with a path to scan it under (the first seen, see
   * readPlan) and the one commit (its position in `ids`) whose changes set a path to it, as this read saw them, or
   * -1 when more than one do: attribution then knows those commits without asking git to search every commit
   * again (hit-commits.ts). A symbolic link's blob is its target, which may be any text (a whole credentials
   * file), so it is planned like a file's.
   */
  blobs: PlannedBlobs;
}

/**
 * One streamed read of the log, keeping only what the scan needs of it (see scan-commits.ts). A blob that several
 * paths hold is scanned once, under the first path seen, or a later one that gives the rules evidence when the
 * first does not (`evidence`: engine/context.ts pathEvidence): its findings then do not depend on the order in
 * which the log meets its paths. A whole history's log, once it proves long, is read from both ends at once
 * (log.ts streamLogBothEnds); the plan is the same as one reader's, in git's order.
 */
export async function readPlan(cwd: string, scan: CommitScan, evidence: (path: string) => boolean = () => false, readers: LogReaders = 'auto', ancestry?: Ancestry, commits?: CommitFeed): Promise<LogPlan> {
  const builder = new PlanBuilder(evidence);
  // `ancestry`: each commit with its parents, for presence (presence.ts), which then need not walk history again.
  // `commits`: each commit's id, for the pass that reads their messages (messages.ts), which then need not either;
  // ended here once the whole log is read (a log that fails leaves it to the caller to fail).
  const take = (commit: LogCommit, fromEnd: boolean): void => {
    builder.take(commit, fromEnd);
    ancestry?.add(commit.sha, commit.parents);
    commits?.push(commit.sha);
  };
  // A whole history's merges combined: the same blobs at the same paths (every blob a tree holds at a path was set
  // there by some commit listed), where the comparisons with each parent are most of git/git's log. A range's
  // merges separately: the paths a merge takes from outside the range are some of its blobs' paths too.
  const read = { revs: scan.revs, stdinRevs: scan.stdinRevs, merges: scan.wholeRepository ? ('combined' as const) : ('separate' as const) };
  if (scan.wholeRepository) await streamLogBothEnds(cwd, read, take, readers);
  else await streamLog(cwd, read, (commit) => take(commit, false));
  commits?.end();
  ancestry?.seal();
  return builder.finish();
}

/** setBy positions of the commits read from the end, until finish() knows where they stand in git's order. */
const FROM_END = 2 ** 30;

/**
 * The plan of commits handed over in any interleaving of a prefix of the log in git's order and the rest of it
 * last first (streamLogBothEnds), the same as from the whole log in git's order: what one reader keeps first is
 * what comes first in git's order, wherever it was read.
 */
export class PlanBuilder {
  private readonly plan: LogPlan = { ids: new CommitIds(), blobs: new PlannedBlobs() };
  /** The commits read from the end, last first. */
  private readonly fromEnd = new CommitIds();
  /** Per blob: 1 when a commit read from the end gave its planned path. */
  private endPaths = new Uint8Array(1024);
  /** Blobs whose planned path the commit being taken gave. */
  private readonly here = new Set<number>();

  constructor(private readonly evidence: (path: string) => boolean) {}

  take(commit: LogCommit, fromEnd: boolean): void {
    const { evidence } = this;
    const blobs = this.plan.blobs;
    const ids = fromEnd ? this.fromEnd : this.plan.ids;
    const at = fromEnd ? FROM_END + ids.count : ids.count;
    ids.add(commit.sha);
    this.here.clear();
    for (const block of commit.blocks) {
      for (const change of block) {
        if (change.newSha === null || change.newMode === GITLINK_MODE) continue;
        const known = blobs.size;
        const blob = blobs.number(change.newSha);
        if (blob >= this.endPaths.length) this.endPaths = grown(this.endPaths);
        if (blob < known) {
          if (blobs.setterOf(blob) !== at) blobs.setSetter(blob, -1);
          const planned = blobs.path(blob);
          // Is this change before the planned one in git's order? Every commit taken after one read from the end is
          // (the first reader's are all before the second's, and the second reads last first), but a later change
          // of the same commit is not.
          const before = this.endPaths[blob] === 1 && !this.here.has(blob);
          if (!replaces(planned, change.path, before, evidence)) continue;
        } else {
          blobs.setSetter(blob, at);
        }
        blobs.setPath(blob, change.path);
        this.endPaths[blob] = fromEnd ? 1 : 0;
        this.here.add(blob);
      }
    }
  }

  /** The plan in git's order: the commits read from the end follow the others, first first. */
  finish(): LogPlan {
    const { plan, fromEnd } = this;
    const first = plan.ids.count;
    const last = fromEnd.count - 1;
    for (let k = last; k >= 0; k--) plan.ids.add(fromEnd.at(k));
    for (let blob = 0; blob < plan.blobs.size; blob++) {
      const by = plan.blobs.setterOf(blob);
      if (by >= FROM_END) plan.blobs.setSetter(blob, first + last - (by - FROM_END));
    }
    this.endPaths = new Uint8Array(0);
    return plan;
  }
}

/**
 * Does a change's path take the place of the planned one? A path with evidence wins over one without; between two
 * alike, the one first in git's order. The same path met before the planned one is taken too: it is where the
 * path now comes from.
 */
function replaces(planned: string, path: string, before: boolean, evidence: (path: string) => boolean): boolean {
  if (planned === path) return before;
  return before ? evidence(path) || !evidence(planned) : evidence(path) && !evidence(planned);
}

/**
 * Every blob the commits hold (first path seen), with sizes: those the pack reader judged as it knows them,
 * the rest in pack order when the whole repository is listed (git reads deltas far faster in that order).
 * `everything` is that list, when it was started beside the log. A blob git does not list is missing: it is
 * noted, never asked for (a partial clone's git would die on it).
 */
export async function planBlobs(cwd: string, blobs: PlannedBlobs, everything: Promise<Map<string, number>> | null, judged: PackVerdict | null, store: ObjectStore): Promise<BlobPlan[]> {
  const plans: BlobPlan[] = [];
  const planned = new Uint8Array(blobs.size);
  let left = blobs.size;
  if (judged !== null) {
    for (let blob = 0; blob < blobs.size; blob++) {
      const sha = blobs.sha(blob);
      const size = judged.sizes.get(sha);
      if (size === undefined) continue;
      plans.push({ sha, path: blobs.path(blob), size });
      planned[blob] = 1;
      left--;
    }
    if (left === 0) return plans;
  }
  const unplanned = (): string[] => {
    const shas: string[] = [];
    for (let blob = 0; blob < blobs.size; blob++) if (planned[blob] === 0) shas.push(blobs.sha(blob));
    return shas;
  };
  const objects = everything ? await everything : await blobSizes(cwd, unplanned(), store);
  for (const [sha, size] of objects) {
    const blob = blobs.find(sha);
    if (blob === undefined || planned[blob] === 1) continue;
    plans.push({ sha, path: blobs.path(blob), size });
    planned[blob] = 1;
  }
  for (let blob = 0; blob < blobs.size; blob++) if (planned[blob] === 0) store.missing.add(blobs.sha(blob), blobs.path(blob));
  return plans;
}
