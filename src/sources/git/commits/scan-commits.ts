// History and range scans share one design, chosen by measurement on the benchmark repository (BENCHMARKS.md).
// This file only wires its parts: plan.ts (what to read), blob-scanner.ts (reading and scanning each blob
// once), attribute.ts (the commits that introduced what was found).
//   1. `git log --raw` lists every commit's tree changes (no content diffs): cheap, and it names every blob
//      that any scanned commit holds, with a path to report it under. A whole history's log is read from both
//      ends at once, by two gits (log.ts streamLogBothEnds): its tree comparisons then use both cores.
//   2. The whole repository (--history): while git log runs, a thread reads the packs directly and judges
//      from what each blob adds to its delta base which blobs hold a rule keyword (pack/); only those are
//      scanned in full, a few percent of the bytes. Everything else (a range, loose objects, a pack the
//      reader cannot read) is read once through `git cat-file --batch`, in pack order when the whole
//      repository is listed (delta chains are then resolved from git's cache: about 10x faster than sha
//      order), and scanned on worker threads when there is enough to pay for starting them.
//   3. Only the few blobs with candidates are attributed to the commits that introduced them (attribute.ts).
// Memory does not grow with the history: the log is streamed and no commit is kept (only the blob plan, one
// path a blob, and the commit ids, 20 bytes each); the few commits attribution reads are read again once the
// blobs with candidates are known (hit-commits.ts), and not at all when there are none.
import type { SourceContext } from '../../context.js';
import { oversizeNote } from '../../locate.js';
import type { Candidate, Detect, DetectResult, Located, Note, ScanStats } from '../../../types.js';
import type { Ancestry } from '../ancestry.js';
import type { CommitFeed } from '../commit-feed.js';
import { hasPromisedObjects, MissingBlobs } from '../missing-blobs.js';
import { ObjectNumbers } from '../object-numbers.js';
import { isClean, startPackScan, type PackScan } from '../pack/packs.js';
import type { WorkerSet } from '../pool/pool.js';
import { attribute } from './attribute.js';
import { collectGarbage } from './collect-garbage.js';
import { catFileScanner, packScanner, pooledScanner, type BlobSink } from './blob-scanner.js';
import { blobBytes, listAllBlobs, type ObjectStore } from './objects.js';
import { planBlobs, readPlan, type BlobPlan, type CommitScan } from './plan.js';

export type { CommitScan } from './plan.js';

/** Below this much content, starting worker threads costs more than it saves. */
const POOL_MIN_BYTES = 8 * 1024 * 1024;

/**
 * `firstHit`: called once, when the first blob with candidates is met (history.ts starts presence's walk then).
 * `ancestry`: filled with the log's commits and their parents as it is read (presence answers from it).
 * `commits`: given each commit's id as the log is read, and ended once it is read whole (messages.ts reads them).
 */
export async function scanCommits(context: SourceContext, detect: Detect, scan: CommitScan, stats: ScanStats, notes: Note[], hooks: { firstHit?: () => void; ancestry?: Ancestry; commits?: CommitFeed } = {}): Promise<Located[]> {
  const { firstHit, ancestry, commits } = hooks;
  const cwd = context.cwd;
  // The whole repository: its packs are read directly, beside git log, and only blobs that may hold a finding
  // are scanned in full (pack/packs.ts); the packs tell every blob's size.
  const packs = scan.wholeRepository && context.readPacks ? readPacks(context, notes) : null;
  // Otherwise every object is listed in pack order while git log runs (listEverything).
  const store: ObjectStore = { promised: hasPromisedObjects(cwd), missing: new MissingBlobs() };
  const run: Run = { context, detect, scan, stats, notes, everything: { packOrder: null }, early: null, packs, store, firstHit, ancestry, commits };
  let ended = false;
  if (scan.wholeRepository && packs === null) listEverything(run);
  // Packs given up on (a history that needs a full scan nearly everywhere, AWS-heavy: that is known a moment
  // in) are read as if never tried: listed and the workers started while git log still runs.
  else if (scan.wholeRepository) void packs!.verdict.then((verdict) => verdict === null && !ended && listEverything(run));
  try {
    const located = await scanPlanned(run);
    const note = store.missing.note(context.options.allowMissing);
    if (note !== null) notes.push(note);
    return located;
  } finally {
    ended = true; // a verdict given after a failure starts nothing
    await Promise.all([run.early?.then((workers) => workers?.close()), packs?.close()]);
  }
}

/**
 * Every object listed in pack order while git log runs (held in the run so that planning can drop the large
 * list once used), and when there is a lot to scan the workers started early too.
 */
function listEverything(run: Run): void {
  const packOrder = (run.everything.packOrder = listAllBlobs(run.context.cwd));
  packOrder.catch(() => {}); // awaited in scanPlanned; a log failure must not leave it unhandled
  run.early = packOrder.then((objects) => (blobBytes(objects, run.context.config.maxFileSize) >= POOL_MIN_BYTES ? startWorkers(run.context) : null)).catch(() => null);
}

/** One commit scan under way: what it was asked, and the readers started for it. */
interface Run {
  context: SourceContext;
  detect: Detect;
  scan: CommitScan;
  stats: ScanStats;
  notes: Note[];
  everything: { packOrder: Promise<Map<string, number>> | null };
  early: Promise<WorkerSet | null> | null;
  packs: PackScan | null;
  store: ObjectStore;
  firstHit?: () => void;
  ancestry?: Ancestry;
  commits?: CommitFeed;
}

/** Plan (the log), read and scan every planned blob once, then attribute the few with candidates. */
async function scanPlanned(run: Run): Promise<Located[]> {
  const { context, stats, notes, store } = run;
  const cwd = context.cwd;
  const maxSize = context.config.maxFileSize;
  const log = await readPlan(cwd, run.scan, context.pathEvidence, context.logReaders, run.ancestry, run.commits);
  stats.commits = log.ids.count;
  if (log.ids.count === 0) return [];

  const judged = (await run.packs?.verdict) ?? null;
  const listed = run.everything.packOrder ?? (run.scan.wholeRepository && judged === null ? listAllBlobs(cwd) : null);
  const plans = await planBlobs(cwd, log.blobs, listed, judged, store);
  run.everything.packOrder = null; // the list of every object is large: let it go before the scan
  const hits = new Map<string, Candidate[]>();
  const scanned = new ObjectNumbers();
  const sink = (totalItems: number, totalBytes: number): BlobSink => ({
    record(plan: BlobPlan, result: DetectResult) {
      scanned.add(plan.sha);
      stats.files++;
      stats.bytes += plan.size;
      if (result.candidates.length > 0) {
        if (hits.size === 0) run.firstHit?.();
        hits.set(plan.sha, result.candidates);
      }
      for (const note of result.notes ?? []) notes.push(note); // an archive read on a worker thread (src/archive)
    },
    clean(items, bytes) {
      stats.files += items;
      stats.bytes += bytes;
    },
    scanned: (done) => done.forEach((plan) => scanned.add(plan.sha)),
    missing: store.missing,
    progress: progressOf(context, totalItems, totalBytes),
  });

  const wanted: BlobPlan[] = [];
  const dirty: BlobPlan[] = [];
  let totalBytes = 0;
  for (const plan of plans) {
    if (plan.size > maxSize) notes.push(oversizeNote(`${plan.path} (blob ${plan.sha.slice(0, 10)})`, plan.size, maxSize));
    else if (judged !== null && isClean(judged, plan.sha)) {
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
  const catFile = catFileScanner(context, run.detect);
  const workers = (await run.early) ?? (totalBytes >= POOL_MIN_BYTES ? await startWorkers(context) : null);
  try {
    await Promise.all([
      (workers ? pooledScanner(workers) : catFile).scan(wanted, sink(wanted.length, totalBytes)),
      run.packs ? packScanner(run.packs, catFile, notes).scan(dirty, sink(dirty.length, 0)) : null,
    ]);
  } finally {
    if (workers !== (await run.early)) await workers?.close();
  }
  // Every blob scanned: the plan and the pack reader's verdict (a few hundred thousand entries on git/git) are
  // not needed by attribution and presence, the scan's last and largest phases; let them go now.
  // Attribution asks which commit set a blob only of the blobs with candidates.
  for (const list of [plans, wanted, dirty]) list.length = 0;
  judged?.sizes.clear();
  judged?.dirty.clear();
  const setBy = new Map<string, number>();
  for (const sha of hits.keys()) {
    const blob = log.blobs.find(sha);
    setBy.set(sha, blob === undefined ? -1 : log.blobs.setterOf(blob));
  }
  log.blobs.clear();
  collectGarbage();
  return attribute({ cwd, ids: log.ids, setBy, hits, scanned, store, scanner: catFile, maxSize, wholeRepository: run.scan.wholeRepository });
}

async function startWorkers(context: SourceContext): Promise<WorkerSet> {
  return (await import('../pool/pool.js')).startWorkers(context.config, context.cwd);
}

/** Blobs and bytes done so far, drawn against these totals. */
function progressOf(context: SourceContext, totalItems: number, totalBytes: number): ((items: number, bytes: number) => void) | undefined {
  const progress = context.progress;
  if (progress === null) return undefined;
  let done = 0;
  let doneBytes = 0;
  return (items, bytes) => {
    done += items;
    doneBytes += bytes;
    progress.update({ items: done, bytes: doneBytes, totalItems, totalBytes, label: 'blobs' });
  };
}

/**
 * Starts reading the packs (worker threads), with progress: blobs and bytes judged, and how far through the
 * packs (the blob totals are known only at the end).
 */
function readPacks(context: SourceContext, notes: Note[]): PackScan {
  const done = { items: 0, bytes: 0 };
  const progress = context.progress;
  return startPackScan(context.cwd, context.config, context.keywords, notes, (items, bytes, fraction) => {
    done.items += items;
    done.bytes += bytes;
    progress?.update({ items: done.items, bytes: done.bytes, totalItems: 0, totalBytes: 0, fraction, label: 'blobs' });
  });
}
