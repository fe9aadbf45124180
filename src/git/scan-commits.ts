// History and range scans share one design, chosen by measurement on the benchmark repository (BENCHMARKS.md):
//   1. `git log --raw` lists every commit's tree changes (no content diffs): cheap, and it names every blob
//      that any scanned commit holds, with a path to report it under.
//   2. The whole repository (--history): while git log runs, a thread reads the packs directly and judges
//      from what each blob adds to its delta base which blobs hold a rule keyword (pack/); only those are
//      scanned in full, a few percent of the bytes. Everything else (a range, loose objects, a pack the
//      reader cannot read) is read once through `git cat-file --batch`, in pack order when the whole
//      repository is listed (delta chains are then resolved from git's cache: about 10x faster than sha
//      order), and scanned on worker threads when there is enough to pay for starting them.
//   3. Only the few blobs with candidates are attributed to the commits that introduced them (introductions.ts).
// Memory does not grow with the history: the log is streamed and no commit is kept (only the blob plan, one
// path a blob, and the commit ids, 20 bytes each); the few commits attribution reads are read again once the
// blobs with candidates are known (hit-commits.ts), and not at all when there are none.
import type { SourceContext } from '../sources/context.js';
import { oversizeNote } from '../sources/locate.js';
import type { Candidate, Detect, DetectResult, Located, Note, ScanStats } from '../types.js';
import { readBlobs } from './cat-file.js';
import { CommitIds } from './commit-ids.js';
import { commitsTouching } from './hit-commits.js';
import { blobsToCheck, findIntroductions } from './introductions.js';
import { GITLINK_MODE, streamLog } from './log.js';
import { hasPromisedObjects, MissingBlobs } from './missing-blobs.js';
import { git } from './run.js';
import type { WorkerSet } from '../pool/pool.js';
import { startPackScan, type PackScan, type PackVerdict } from './pack/packs.js';

/** `git ls-tree` processes at a time while attributing (commits are judged concurrently). */
const TREE_LISTINGS = 4;

/** Below this much content, starting worker threads costs more than it saves. */
const POOL_MIN_BYTES = 8 * 1024 * 1024;

export interface CommitScan {
  /** Revisions for `git log` (e.g. ['--all'] or ['base..head']). */
  revs: string[];
  /** More revisions fed on stdin (stash reflog entries). */
  stdinRevs?: string[];
  /** The whole repository is scanned: list blobs in pack order from `cat-file --batch-all-objects`. */
  wholeRepository: boolean;
  /** Worker threads: auto (by size) unless forced, for tests and the benchmark. */
  workers?: boolean;
}

interface BlobPlan {
  sha: string;
  path: string;
  size: number;
}

export async function scanCommits(context: SourceContext, detect: Detect, scan: CommitScan, stats: ScanStats, notes: Note[]): Promise<Located[]> {
  const cwd = context.cwd;
  const maxSize = context.config.maxFileSize;
  // The whole repository: its packs are read directly, beside git log, and only blobs that may hold a finding
  // are scanned in full (pack/packs.ts); the packs tell every blob's size.
  const packs = scan.wholeRepository && context.readPacks && scan.workers !== false ? scanPacks(context, notes) : null;
  // Otherwise every object is listed in pack order while git log runs (held in an object so that planning can
  // drop the large list once used), and when there is a lot to scan the workers start early too.
  const objects = { packOrder: scan.wholeRepository && packs === null ? listObjects(cwd, ['--batch-all-objects', '--unordered']) : null };
  objects.packOrder?.catch(() => {}); // awaited below; a log failure must not leave it unhandled
  const early = objects.packOrder === null || scan.workers === false ? null : objects.packOrder.then((objects) => (scan.workers || blobBytes(objects, maxSize) >= POOL_MIN_BYTES ? import('../pool/pool.js').then((pool) => pool.startWorkers(context.config, cwd)) : null)).catch(() => null);
  const store: ObjectStore = { promised: hasPromisedObjects(cwd), missing: new MissingBlobs() };
  try {
    const located = await scanWith(context, detect, scan, stats, notes, objects, early, packs, store);
    const note = store.missing.note(context.options.allowMissing);
    if (note !== null) notes.push(note);
    return located;
  } finally {
    await Promise.all([early?.then((workers) => workers?.close()), packs?.close()]);
  }
}

/** What is known of the object store: whether it holds promised objects, and which blobs it lacks. */
interface ObjectStore {
  promised: Promise<boolean>;
  missing: MissingBlobs;
  /** Every blob present with its size, listed once when the store holds promised objects. */
  present?: Promise<Map<string, number>>;
}

async function scanWith(context: SourceContext, detect: Detect, scan: CommitScan, stats: ScanStats, notes: Note[], objects: { packOrder: Promise<Map<string, number>> | null }, early: Promise<WorkerSet | null> | null, packs: PackScan | null, store: ObjectStore): Promise<Located[]> {
  const cwd = context.cwd;
  const maxSize = context.config.maxFileSize;
  const log = await readPlan(cwd, scan);
  stats.commits = log.ids.count;
  if (log.ids.count === 0) return [];

  const judged = await packs?.verdict;
  const plans = await planBlobs(cwd, log.paths, objects.packOrder, judged ?? null, scan.wholeRepository, store);
  objects.packOrder = null; // the list of every object is large: let it go before the scan
  const hits = new Map<string, Candidate[]>();
  const scanned = new Set<string>();
  const record = (plan: BlobPlan, result: DetectResult): void => {
    scanned.add(plan.sha);
    stats.files++;
    stats.bytes += plan.size;
    if (result.candidates.length > 0) hits.set(plan.sha, result.candidates);
    if (result.notes) notes.push(...result.notes); // an archive read on a worker thread (src/archive)
  };

  const wanted: BlobPlan[] = [];
  const dirty: BlobPlan[] = [];
  let totalBytes = 0;
  for (const plan of plans) {
    if (plan.size > maxSize) notes.push(oversizeNote(`${plan.path} (blob ${plan.sha.slice(0, 10)})`, plan.size, maxSize));
    else if (judged?.clean.has(plan.sha)) {
      // Judged clean from its pack: exactly what the byte prefilter would have said of the whole blob.
      scanned.add(plan.sha);
      stats.files++;
      stats.bytes += plan.size;
    } else if (judged?.dirty.has(plan.sha)) dirty.push(plan);
    else {
      wanted.push(plan);
      totalBytes += plan.size;
    }
  }
  const workers = (await early) ?? (scan.workers ?? totalBytes >= POOL_MIN_BYTES ? (await import('../pool/pool.js')).startWorkers(context.config, cwd) : null);
  try {
    await Promise.all([scanBlobs(context, detect, wanted, totalBytes, record, store.missing, workers, stats, scanned), scanDirty(context, detect, packs, dirty, record, stats, scanned, notes, store.missing)]);
  } finally {
    if (workers !== (await early)) await workers?.close();
  }

  if (hits.size === 0) return [];
  // The commits that set a path to a blob with candidates: all that attribution reads (hit-commits.ts).
  const touching = await commitsTouching(cwd, log.ids, hits, hits, await store.promised);

  // The parents' versions of paths with candidates (outside a range they were not read yet).
  const extra = [...blobsToCheck(touching.map(({ commit }) => commit), hits)].filter(([sha]) => !scanned.has(sha));
  if (extra.length > 0) {
    const sizes = await blobSizes(cwd, extra.map(([sha]) => sha), store);
    // A parent's version that is missing cannot clear the commit: the key is then reported as introduced.
    for (const [sha, path] of extra) if (!sizes.has(sha)) store.missing.add(sha, path);
    await scanBlobs(context, detect, extra.filter(([sha]) => sizes.has(sha)).map(([sha, path]) => ({ sha, path, size: sizes.get(sha)! })).filter((plan) => plan.size <= maxSize), 0, (plan, result) => {
      scanned.add(plan.sha);
      if (result.candidates.length > 0 && !hits.has(plan.sha)) hits.set(plan.sha, result.candidates);
    }, store.missing, null);
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
  const introductions = await findIntroductions(commits, hits, parentHoldsBlob, { wholeHistory: scan.wholeRepository });
  return introductions.map(({ commit, path, candidate }) => ({
    ...candidate,
    file: path,
    commit: { sha: commit.sha, author: commit.author, email: commit.email, date: commit.date, message: commit.subject },
  }));
}

interface LogPlan {
  /** Every commit, in git log's order. */
  ids: CommitIds;
  /** Every blob the commits set a path to, with the first path seen (submodules aside). A symbolic link's blob
   *  is its target, which may be any text (a whole credentials file), so it is planned like a file's. */
  paths: Map<string, string>;
}

/** One streamed read of the log, keeping only what the scan needs of it (see the top of this file). */
async function readPlan(cwd: string, scan: CommitScan): Promise<LogPlan> {
  const plan: LogPlan = { ids: new CommitIds(), paths: new Map() };
  // Paths are interned: a blob's path is nearly always one that many other blobs have too.
  const names = new Map<string, string>();
  await streamLog(cwd, { revs: scan.revs, stdinRevs: scan.stdinRevs }, (commit) => {
    plan.ids.add(commit.sha);
    for (const block of commit.blocks) {
      for (const change of block) {
        if (change.newSha === null || change.newMode === GITLINK_MODE || plan.paths.has(change.newSha)) continue;
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
 * A blob git does not list is missing: it is noted, never asked for (a partial clone's git would die on it).
 */
async function planBlobs(cwd: string, paths: Map<string, string>, packOrder: Promise<Map<string, number>> | null, judged: PackVerdict | null, wholeRepository: boolean, store: ObjectStore): Promise<BlobPlan[]> {
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
  const everything = packOrder ?? (wholeRepository && judged === null ? listObjects(cwd, ['--batch-all-objects', '--unordered']) : null);
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

async function scanBlobs(context: SourceContext, detect: Detect, plans: BlobPlan[], totalBytes: number, record: (plan: BlobPlan, result: DetectResult) => void, missing: MissingBlobs, workers: WorkerSet | null, stats?: ScanStats, scanned?: Set<string>): Promise<void> {
  if (plans.length === 0) return;
  const progress = context.progress;
  let done = 0;
  let doneBytes = 0;
  const tick = (items: number, bytes: number): void => {
    done += items;
    doneBytes += bytes;
    progress?.update({ items: done, bytes: doneBytes, totalItems: plans.length, totalBytes, label: 'blobs' });
  };
  if (workers && stats && scanned) {
    // For a large history the pipeline's main-thread detect is bypassed: the same detectChunk runs on worker
    // threads with rules rebuilt from the same config (src/pool), so results are identical, only parallel.
    const bySha = new Map(plans.map((plan) => [plan.sha, plan]));
    await workers.scan(plans, {
      onFound: (sha, result) => record(bySha.get(sha) ?? { sha, path: sha, size: 0 }, result),
      onClean(items, bytes) {
        stats.files += items;
        stats.bytes += bytes;
      },
      onProgress: tick,
      onMissing: (sha) => missing.add(sha, bySha.get(sha)?.path ?? sha),
    });
    for (const plan of plans) scanned.add(plan.sha);
    return;
  }
  const bySha = new Map(plans.map((plan) => [plan.sha, plan]));
  const pending: Array<Promise<void>> = [];
  await readBlobs(context.cwd, plans.map((plan) => plan.sha), {
    maxSize: context.config.maxFileSize,
    onBlob(blob) {
      const plan = bySha.get(blob.sha) ?? { sha: blob.sha, path: blob.sha, size: blob.size };
      if (blob.missing) missing.add(blob.sha, plan.path); // gone since it was listed (a concurrent gc, damage)
      if (blob.data === null) return;
      pending.push(
        detect({ path: plan.path, data: blob.data }).then((result) => {
          record(plan, result);
          tick(1, plan.size);
        }),
      );
    },
  });
  await Promise.all(pending);
}

/**
 * Starts reading the packs (worker threads), with progress: blobs and bytes judged, and how far through the
 * packs (the blob totals are known only at the end).
 */
function scanPacks(context: SourceContext, notes: Note[]): PackScan {
  const done = { items: 0, bytes: 0 };
  const progress = context.progress;
  return startPackScan(context.cwd, context.config, context.keywords, notes, (items, bytes, fraction) => {
    done.items += items;
    done.bytes += bytes;
    progress?.update({ items: done.items, bytes: done.bytes, totalItems: 0, totalBytes: 0, fraction, label: 'blobs' });
  });
}

/** The blobs a pack reader judged dirty, scanned in full on its threads. */
/**
 * The blobs a pack reader judged dirty, scanned in full on its threads. Should a thread fail now (the pack
 * judged fine a moment ago), the same blobs are read through git instead: results are kept aside until the
 * threads are done, so that nothing is counted twice. Exported for tests.
 */
export async function scanDirty(context: SourceContext, detect: Detect, packs: PackScan | null, dirty: BlobPlan[], record: (plan: BlobPlan, result: DetectResult) => void, stats: ScanStats, scanned: Set<string>, notes: Note[], missing: MissingBlobs): Promise<void> {
  if (packs === null || dirty.length === 0) return;
  const bySha = new Map(dirty.map((plan) => [plan.sha, plan]));
  const found: Array<[BlobPlan, DetectResult]> = [];
  const clean = { items: 0, bytes: 0 };
  try {
    await packs.scan(dirty, {
      onFound: (sha, result) => found.push([bySha.get(sha)!, result]),
      onClean(items, bytes) {
        clean.items += items;
        clean.bytes += bytes;
      },
      onProgress: () => {},
    });
  } catch (error) {
    notes.push({ level: 'info', message: `the pack reader failed, so ${dirty.length} blob${dirty.length === 1 ? ' was' : 's were'} read through git instead: ${error instanceof Error ? error.message : String(error)}` });
    await scanBlobs(context, detect, dirty, 0, record, missing, null);
    return;
  }
  for (const [plan, result] of found) record(plan, result);
  stats.files += clean.items;
  stats.bytes += clean.bytes;
  for (const plan of dirty) scanned.add(plan.sha);
}

function blobBytes(blobs: Map<string, number>, maxSize: number): number {
  let bytes = 0;
  for (const size of blobs.values()) if (size <= maxSize) bytes += size;
  return bytes;
}

/**
 * `git cat-file --batch-check`: the sizes of the given objects, or of all objects in pack order, blobs only.
 * Trees and commits (more than two thirds of a repository's objects) are dropped while parsing: the whole
 * repository's list is held during the log, and building it was measured on the main thread's critical path.
 */
async function listObjects(cwd: string, flags: string[], shas: string[] = []): Promise<Map<string, number>> {
  const out = await git(cwd, ['cat-file', ...flags, '--batch-check=%(objecttype) %(objectname) %(objectsize)'], shas.length > 0 ? shas.join('\n') + '\n' : '');
  const blobs = new Map<string, number>();
  const text = out.toString('latin1');
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    // "blob <sha> <size>"; a missing object's line is "<sha> missing".
    if (text.startsWith('blob ', at)) {
      const space = text.indexOf(' ', at + 5);
      if (space !== -1 && space < end) blobs.set(text.slice(at + 5, space), Number(text.slice(space + 1, end)));
    }
    at = end + 1;
  }
  return blobs;
}

/**
 * The sizes of the given blobs that the repository has. In a repository with promised objects (a partial
 * clone) git dies when asked about one it lacks, so there the whole store is listed instead.
 */
async function blobSizes(cwd: string, shas: string[], store: ObjectStore): Promise<Map<string, number>> {
  if (shas.length === 0) return new Map();
  const all = (await store.promised) ? await (store.present ??= listObjects(cwd, ['--batch-all-objects', '--unordered'])) : await listObjects(cwd, [], shas);
  if (all.size <= shas.length) return all;
  const sizes = new Map<string, number>();
  for (const sha of shas) {
    const size = all.get(sha);
    if (size !== undefined) sizes.set(sha, size);
  }
  return sizes;
}

/** `run` with at most `slots` calls in flight; the others wait their turn. */
function limited<A, R>(slots: number, run: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (arg) => {
    if (active < slots) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing call hands its slot over
    try {
      return await run(arg);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
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
