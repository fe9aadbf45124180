// Attribution: only the few blobs with candidates are traced to the commits that introduced them
// (introductions.ts says what "introduced" means). The commits that set a path to such a blob are read again,
// pinned to the scanned commits (hit-commits.ts); their parents' versions of those paths are scanned if the
// blob scan did not read them (outside a range it did not); a parent's whole tree is listed only when a pure
// copy must be told from an introduction.
import type { Candidate, Located } from '../../../types.js';
import { limited } from '../limited.js';
import { git } from '../run.js';
import type { BlobScanner } from './blob-scanner.js';
import type { CommitIds } from './commit-ids.js';
import { commitsTouching } from './hit-commits.js';
import { blobsToCheck, findIntroductions } from './introductions.js';
import { blobSizes, type ObjectStore } from './objects.js';

/** `git ls-tree` processes at a time while attributing (commits are judged concurrently). */
const TREE_LISTINGS = 4;

export interface Attribution {
  cwd: string;
  /** Every scanned commit. */
  ids: CommitIds;
  /** The one commit that set a path to each blob, as far as the scan's log says (plan.ts LogPlan.setBy). */
  setBy?: ReadonlyMap<string, number>;
  /** Blobs with candidates (added to when a parent's version turns out to hold some). */
  hits: Map<string, Candidate[]>;
  /** Blobs already scanned (a few hundred thousand on git/git: kept compact, git/object-numbers.ts). */
  scanned: { add(sha: string): unknown; has(sha: string): boolean };
  store: ObjectStore;
  /** Reads the parents' versions not scanned yet. */
  scanner: BlobScanner;
  maxSize: number;
  wholeRepository: boolean;
}

export async function attribute(a: Attribution): Promise<Located[]> {
  const { cwd, hits, scanned, store } = a;
  if (hits.size === 0) return [];
  // The commits that set a path to a blob with candidates: all that attribution reads (hit-commits.ts).
  const touching = await commitsTouching(cwd, a.ids, hits, hits, await store.promised, a.setBy);

  // The parents' versions of paths with candidates (outside a range they were not read yet).
  const extra = [...blobsToCheck(touching.map(({ commit }) => commit), hits)].filter(([sha]) => !scanned.has(sha));
  if (extra.length > 0) {
    const sizes = await blobSizes(cwd, extra.map(([sha]) => sha), store);
    // A parent's version that is missing cannot clear the commit: the key is then reported as introduced.
    for (const [sha, path] of extra) if (!sizes.has(sha)) store.missing.add(sha, path);
    const plans = extra.filter(([sha]) => sizes.has(sha)).map(([sha, path]) => ({ sha, path, size: sizes.get(sha)! })).filter((plan) => plan.size <= a.maxSize);
    await a.scanner.scan(plans, {
      record(plan, result) {
        scanned.add(plan.sha);
        if (result.candidates.length > 0 && !hits.has(plan.sha)) hits.set(plan.sha, result.candidates);
      },
      clean: () => {},
      scanned: (done) => done.forEach((plan) => scanned.add(plan.sha)),
      missing: store.missing,
    });
  }
  const commits = touching.map(({ commit }) => commit);

  const trees = new Map<string, Promise<Set<string>>>();
  const listTree = limited(TREE_LISTINGS, (parent: string) => treeBlobs(cwd, parent));
  const parentHoldsBlob = async (parent: string, blob: string): Promise<boolean> => {
    let tree = trees.get(parent);
    if (tree === undefined) {
      tree = listTree(parent);
      trees.set(parent, tree);
    }
    return (await tree).has(blob);
  };
  const introductions = await findIntroductions(commits, hits, parentHoldsBlob, { wholeHistory: a.wholeRepository });
  return introductions.map(({ commit, path, candidate }) => ({
    ...candidate,
    file: path,
    commit: { sha: commit.sha, author: commit.author, email: commit.email, date: commit.date, message: commit.subject },
  }));
}

/** The blob ids of a commit's whole tree (only asked for a commit that may be a pure copy's parent). */
async function treeBlobs(cwd: string, commit: string): Promise<Set<string>> {
  const out = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const blobs = new Set<string>();
  for (const entry of out.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    const [, type, sha] = entry.slice(0, tab).split(' ');
    if (type === 'blob') blobs.add(sha);
  }
  return blobs;
}
