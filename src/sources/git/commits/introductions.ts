// Which commit introduced each secret, decided from tree changes alone (no content diffs).
//
// Definition (docs/ARCHITECTURE.md "Git semantics", made precise): commit C introduces secret S at path P when C's
// blob at P holds S and no parent "already held" it, where parent p already held S for P when
//   1. p's blob at P holds S (P unchanged against p, or changed without touching S), or
//   2. C deletes, relative to p, a path whose blob in p holds S (a rename, with or without edits: the
//      secret moved rather than appeared; this also covers moving a key from one file to another), or
//   3. p's tree already holds C's blob at P byte for byte at some other path (a pure copy).
// A root commit (or a shallow clone's boundary commit) has no parent, so it introduces everything it holds.
// For a merge, "no parent held it" means a key resolved into a conflict is found and a key merely carried in
// from one side is not reported again. Secrets are compared by value, so a key ID that was already present is
// not re-reported when its secret is added next to it (only the secret is new).
import type { Candidate } from '../../../types.js';
import type { Change, LogCommit } from '../log.js';
import { GITLINK_MODE } from '../log.js';

export interface Introduction {
  commit: LogCommit;
  path: string;
  candidate: Candidate;
}

/** Candidates of every scanned blob that has any; a blob that is absent was clean, skipped or not read. */
export type Hits = ReadonlyMap<string, readonly Candidate[]>;

/** Whether the commit sets some path to a blob with candidates: the only commits the decision reads. */
export function touchesHits(commit: LogCommit, hits: Hits): boolean {
  return commit.blocks.some((block) => block.some((change) => change.newSha !== null && hits.has(change.newSha)));
}

/**
 * The commit with only the changes the decision reads (blobsToCheck, findIntroductions): those that set a path
 * to a blob with candidates, every other change at those paths, and deletions (rule 2). Every block is kept,
 * even empty, because the count of blocks says whether git left out a parent with an identical tree.
 */
export function forAttribution(commit: LogCommit, hits: Hits): LogCommit {
  const paths = new Set<string>();
  for (const block of commit.blocks) for (const change of block) if (change.newSha !== null && hits.has(change.newSha)) paths.add(change.path);
  const kept = (change: Change): boolean => (change.newSha !== null && hits.has(change.newSha)) || change.status === 'D' || paths.has(change.path);
  return { ...commit, blocks: commit.blocks.map((block) => block.filter(kept)) };
}

/**
 * Blobs whose content the decision needs, beyond the new versions: parents' versions of hit paths, and deleted
 * files, each with the path it had (detection may weigh the path as evidence).
 */
export function blobsToCheck(commits: readonly LogCommit[], hits: Hits): Map<string, string> {
  const needed = new Map<string, string>();
  for (const commit of commits) {
    for (const block of commit.blocks) {
      if (!block.some((change) => isHit(change, hits))) continue;
      for (const change of block) {
        if (change.oldSha !== null && (isHit(change, hits) || change.status === 'D') && !needed.has(change.oldSha)) needed.set(change.oldSha, change.path);
      }
    }
  }
  return needed;
}

export async function findIntroductions(
  commits: readonly LogCommit[],
  hits: Hits,
  parentHoldsBlob: (parent: string, blob: string) => Promise<boolean>,
  options: { wholeHistory: boolean },
): Promise<Introduction[]> {
  // A parent's tree can hold a blob only if some commit in the parent's ancestry (or the parent itself) added
  // it somewhere, and the log lists every such addition when it covers the whole history. So a blob that
  // only this commit adds cannot be in a parent's tree: no need to list the tree (`git ls-tree -r` costs tens
  // of milliseconds on a large repository, and the commit that adds a key usually creates its blob).
  const adders = options.wholeHistory ? blobAdders(commits, hits) : null;
  const holds = (commit: LogCommit) => async (parent: string, blob: string): Promise<boolean> => {
    const added = adders?.get(blob);
    if (added !== undefined && added.size === 1 && added.has(commit.sha)) return false;
    return parentHoldsBlob(parent, blob);
  };
  // Commits are judged concurrently (each decision is independent): the few that need a parent's whole tree
  // then wait for their `git ls-tree` together instead of one after another. Order is kept: git log's.
  const perCommit = await Promise.all(commits.map((commit) => introducedBy(commit, hits, holds(commit))));
  return perCommit.flat();
}

/** For each blob with candidates, the commits with a change that sets some path to it. */
function blobAdders(commits: readonly LogCommit[], hits: Hits): Map<string, Set<string>> {
  const adders = new Map<string, Set<string>>();
  for (const commit of commits) {
    for (const block of commit.blocks) {
      for (const change of block) {
        if (change.newSha === null || !hits.has(change.newSha)) continue;
        (adders.get(change.newSha) ?? adders.set(change.newSha, new Set()).get(change.newSha)!).add(commit.sha);
      }
    }
  }
  return adders;
}

async function introducedBy(commit: LogCommit, hits: Hits, parentHoldsBlob: (parent: string, blob: string) => Promise<boolean>): Promise<Introduction[]> {
  const found: Introduction[] = [];
  const parents = commit.parents.length;
  // git leaves out the comparison with a parent whose tree is identical: that parent held everything.
  if (parents > 0 && commit.blocks.length < parents) return found;
  const blocks = parents === 0 ? commit.blocks.slice(0, 1) : commit.blocks;
  const seen = new Set<string>();
  for (const block of blocks) {
    for (const change of block) {
      if (!isHit(change, hits) || seen.has(change.path)) continue;
      seen.add(change.path);
      const blob = change.newSha as string;
      for (const candidate of hits.get(blob) ?? []) {
        if (await heldByAParent(commit, change.path, blob, candidate.secret, hits, parentHoldsBlob)) continue;
        found.push({ commit, path: change.path, candidate });
      }
    }
  }
  return found;
}

async function heldByAParent(commit: LogCommit, path: string, blob: string, secret: string, hits: Hits, parentHoldsBlob: (parent: string, blob: string) => Promise<boolean>): Promise<boolean> {
  if (commit.parents.length === 0) return false;
  for (let i = 0; i < commit.parents.length; i++) {
    const block = commit.blocks[i];
    const change = block.find((entry) => entry.path === path && entry.newSha !== null);
    if (change === undefined) return true; // unchanged against this parent
    if (holds(change.oldSha, secret, hits)) return true;
    if (block.some((entry) => entry.status === 'D' && holds(entry.oldSha, secret, hits))) return true;
    if (await parentHoldsBlob(commit.parents[i], blob)) return true;
  }
  return false;
}

function isHit(change: Change, hits: Hits): boolean {
  return change.newSha !== null && change.newMode !== GITLINK_MODE && hits.has(change.newSha);
}

function holds(sha: string | null, secret: string, hits: Hits): boolean {
  if (sha === null) return false;
  return hits.get(sha)?.some((candidate) => candidate.secret === secret) ?? false;
}
