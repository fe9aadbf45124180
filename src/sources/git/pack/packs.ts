// The history scan's shortcut past `git cat-file`: read the repository's packs directly, judge from what
// each blob adds to its delta base which blobs can hold a keyword (keyword-blobs.ts), and scan only those, on
// the threads that judged them (pack-worker.ts). Objects outside the packs (loose, alternates), and the blobs
// of a pack this reader cannot read, are left to the caller to read through git.
//
// Why read git's files at all, when every other git call here goes through git: `cat-file` must inflate and
// pipe every byte of every blob (1.3 GiB for the benchmark's 28 MiB pack), and a byte scan of all of it was
// most of the history scan's time (BENCHMARKS.md). The pack and index formats are stable and documented
// (gitformat-pack), and this only reads them. KEYWARDEN_READ_PACKS=0 turns the shortcut off.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../../config/types.js';
import { RuntimeError } from '../../../errors.js';
import type { Note } from '../../../types.js';
import { availableCores, workerEntry, type PoolCallbacks } from '../pool/pool.js';
import { gitRaw } from '../run.js';
import type { FromPackWorker, PackWorkerData, ToPackWorker } from './pack-worker.js';
import { scanDirtyBlob, type DirtyBlob, type RebuiltBlob, type Scanned } from './scan-blob.js';
import { createDetector } from '../../../detect/detect.js';
import { words } from '../../../words/index.js';

export interface PackVerdict {
  /** Blobs to scan in full (with scan()), and the thread that judged each. */
  dirty: Map<string, { worker: number; pack: number }>;
  /**
   * The size of every blob judged, clean or dirty. Those not dirty are clean: certainly without a keyword,
   * counted as scanned, never read (no set of their own: a git/git-sized history has 230,000 of them).
   */
  sizes: Map<string, number>;
}

/** Judged and certainly without a keyword. */
export function isClean(verdict: PackVerdict, sha: string): boolean {
  return verdict.sizes.has(sha) && !verdict.dirty.has(sha);
}

export interface PackScan {
  /** Every pack judged; null when there are no packs (or none could be read). */
  verdict: Promise<PackVerdict | null>;
  /** Scans dirty blobs (from verdict.dirty) with their paths on the threads that judged them. */
  scan(blobs: ReadonlyArray<{ sha: string; path: string }>, callbacks: PoolCallbacks): Promise<void>;
  close(): Promise<void>;
}

/**
 * Once every part is judged, a thread whose dirty blobs take at most this much rebuilds them, hands them over
 * and stops (pack-worker.ts keepDirty): its tables cost about 50 bytes per object of the pack (100 MiB on a
 * git/git-sized history), held otherwise until the log is read and the dirty blobs' paths are known. The tests
 * lower it (0: every dirty blob scanned on its thread).
 */
export const KEEP_BYTES = 32 * 1024 * 1024;

/** A part's verdict and the thread that gave it (which then scans its dirty blobs). */
type JudgedPart = Extract<FromPackWorker, { type: 'judged' }> & { worker: number };

/** Packs smaller than this in all are judged on one thread (starting a second costs more than it saves). */
const ONE_THREAD_BYTES = 4 * 1024 * 1024;
/** Parts per thread: handed out as threads become free, so that one slow part does not hold the others up. */
const PARTS_PER_THREAD = 2;

/** Judging progress: blobs and their bytes since the last call, and the share of all packs read so far. */
export type JudgeProgress = (blobs: number, bytes: number, fraction: number) => void;

export function startPackScan(cwd: string, config: Config, keywords: readonly string[], notes: Note[], onProgress: JudgeProgress, keepBytes = KEEP_BYTES): PackScan {
  const threads: Threads = { workers: [], tooDirty: false, kept: new Map(), stopped: new Set(), keepBytes };
  const { workers, kept, stopped } = threads;
  const verdict = judgeAll(cwd, config, keywords, notes, onProgress, threads).catch((error: unknown) => {
    // Given up on purpose (most of the history needs a full scan anyway): no problem to tell the user of.
    if (!threads.tooDirty) notes.push({ level: 'info', message: words().git.packsFallback(error instanceof Error ? error.message : String(error)) });
    return null;
  });
  return {
    verdict,
    async scan(blobs, callbacks) {
      const judged = await verdict;
      if (judged === null || blobs.length === 0) return;
      const byWorker = workers.map(() => [] as Array<{ sha: string; path: string; pack: number }>);
      const here: DirtyBlob[] = [];
      for (const { sha, path: file } of blobs) {
        const owner = judged.dirty.get(sha);
        if (owner === undefined) throw new Error(`blob ${sha} was not judged dirty`);
        const blob = kept.get(sha);
        if (blob !== undefined) here.push({ sha, path: file, ...blob });
        else if (stopped.has(owner.worker)) throw new Error(`blob ${sha} was judged but not kept`);
        else byWorker[owner.worker].push({ sha, path: file, pack: owner.pack });
      }
      if (here.length > 0) {
        // The same detector as the threads' (createDetector from the same config), made only when needed.
        const detector = createDetector(config);
        const scanned: Scanned = { found: [], cleanItems: 0, cleanBytes: 0 };
        for (const blob of here) {
          await scanDirtyBlob(blob, detector, config, scanned);
          callbacks.onProgress(1, blob.data.length);
        }
        for (const { sha, result } of scanned.found) callbacks.onFound(sha, result);
        callbacks.onClean(scanned.cleanItems, scanned.cleanBytes);
      }
      await Promise.all(
        workers.map((worker, i) => {
          if (byWorker[i].length === 0) return null;
          return exchange(worker, { type: 'scan', blobs: byWorker[i] }, (message) => {
            if (message.type === 'progress') callbacks.onProgress(message.blobs, message.bytes);
            else if (message.type === 'scanned') {
              for (const { sha, result } of message.found) callbacks.onFound(sha, result);
              callbacks.onClean(message.cleanItems, message.cleanBytes);
              return true;
            }
            return false;
          });
        }),
      );
    },
    async close() {
      await verdict;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The pack reader pays when most blobs are clean (judged from their deltas, never built): then history costs a
 * fraction of reading every blob. When most are dirty (a repository naming AWS on every page, with values near
 * the names), each dirty blob is judged, then rebuilt and scanned on the judging thread, and reading every blob
 * through git on every core is faster (BENCHMARKS.md, fifth session: 26.5 s against 13.7 s). So once
 * EARLY_SHARE of the packs is judged, a history whose judged bytes are more than DIRTY_SHARE dirty is read
 * through git instead (judging 5% first cost the AWS-heavy workload 1 s and 40 MiB over git alone; 2%, nothing
 * measurable). The findings are the same either way (the bench checks both paths on both workloads).
 */
const EARLY_SHARE = 0.02;
const DIRTY_SHARE = 0.25;

/** The pack threads of one scan, and what judging learnt of them. */
interface Threads {
  workers: Worker[];
  /** Judging was given up: most of the history is dirty (EARLY_SHARE, DIRTY_SHARE). */
  tooDirty: boolean;
  /** Dirty blobs handed over by threads that then stopped (pack-worker.ts keepDirty), and those threads. */
  kept: Map<string, RebuiltBlob>;
  stopped: Set<number>;
  keepBytes: number;
}

async function judgeAll(cwd: string, config: Config, keywords: readonly string[], notes: Note[], onProgress: JudgeProgress, threads: Threads): Promise<PackVerdict | null> {
  const { workers } = threads;
  const store = await objectStore(cwd);
  const packs = store === null ? [] : listPacks(store.objects);
  if (store === null || packs.length === 0) return null;
  const totalBytes = packs.reduce((sum, pack) => sum + pack.bytes, 0);
  const size = totalBytes < ONE_THREAD_BYTES ? 1 : threadCount();
  // Parts: byte ranges of packs of about equal size (a small pack is one part).
  const partBytes = Math.max(1, totalBytes / (size * PARTS_PER_THREAD));
  const parts: Array<{ pack: number; from: number; to: number }> = [];
  packs.forEach((pack, number) => {
    const count = Math.max(1, Math.round(pack.bytes / partBytes));
    for (let i = 0; i < count; i++) parts.push({ pack: number, from: i / count, to: (i + 1) / count });
  });
  const workerData: PackWorkerData = { packs: packs.map(({ pack, index }) => ({ pack, index })), hashLength: store.hashLength, keywords: [...keywords], config, keepBytes: threads.keepBytes };
  for (let i = 0; i < size; i++) workers.push(new Worker(workerEntry(new URL('./pack-worker.js', import.meta.url), import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8 } }));

  const judged = new Map<number, JudgedPart[]>();
  const unreadable = new Set<number>();
  let next = 0;
  let packBytesRead = 0;
  let judgedBytes = 0;
  let dirtyBytes = 0;
  await Promise.all(
    workers.map(async (worker, w) => {
      while (next < parts.length) {
        const part = parts[next++];
        if (unreadable.has(part.pack)) continue;
        await exchange(worker, { type: 'judge', ...part }, (message) => {
          if (message.type === 'progress') {
            packBytesRead += message.packBytes;
            judgedBytes += message.bytes;
            dirtyBytes += message.dirtyBytes;
            onProgress(message.blobs, message.bytes, Math.min(1, packBytesRead / totalBytes));
            if (!threads.tooDirty && packBytesRead >= EARLY_SHARE * totalBytes && dirtyBytes > DIRTY_SHARE * judgedBytes && totalBytes >= ONE_THREAD_BYTES) {
              // Stopping the threads ends every exchange with an error, which ends this judging.
              threads.tooDirty = true;
              for (const thread of workers) void thread.terminate();
            }
          }
          else if (message.type === 'unreadable') {
            if (!unreadable.has(part.pack)) notes.push({ level: 'info', message: words().git.packFallback(path.basename(packs[part.pack].pack), message.message) });
            unreadable.add(part.pack);
            return true;
          } else if (message.type === 'judged') {
            (judged.get(part.pack) ?? judged.set(part.pack, []).get(part.pack)!).push({ ...message, worker: w });
            return true;
          }
          return false;
        });
      }
    }),
  );
  // Every part judged: a thread with few dirty blobs hands them over and stops, and its tables go with it
  // (pack-worker.ts keepDirty), while this thread still reads the log.
  await Promise.all(
    workers.map((worker, w) =>
      exchange(worker, { type: 'keep' }, (message) => {
        if (message.type !== 'kept') return false;
        if (message.blobs !== null) {
          for (const blob of message.blobs) threads.kept.set(blob.sha, { data: Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), keywords: blob.keywords });
          threads.stopped.add(w);
          void worker.terminate();
        }
        return true;
      }),
    ),
  );
  // A pack that turned out unreadable part way is dropped whole: its blobs are read through git.
  const verdict: PackVerdict = { dirty: new Map(), sizes: new Map() };
  for (const [pack, parts] of judged) {
    if (unreadable.has(pack)) continue;
    for (const part of parts) {
      part.clean.forEach((sha, i) => verdict.sizes.set(sha, part.cleanSizes[i]));
      part.dirty.forEach((sha, i) => {
        if (!verdict.dirty.has(sha)) verdict.dirty.set(sha, { worker: part.worker, pack });
        verdict.sizes.set(sha, part.dirtySizes[i]);
      });
    }
  }
  return verdict;
}

/** Sends one request and handles replies until `handle` says the request is answered. */
function exchange(worker: Worker, request: ToPackWorker, handle: (message: FromPackWorker) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromPackWorker): void => {
      if (message.type === 'error') finish(new RuntimeError(words().git.packReader(message.message)));
      else if (handle(message)) finish(null);
    };
    const onError = (error: Error): void => finish(new RuntimeError(words().git.packReaderFailed(error.message)));
    const onExit = (code: number): void => finish(new RuntimeError(words().git.packReaderStopped(code)));
    const finish = (error: Error | null): void => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

async function objectStore(cwd: string): Promise<{ objects: string; hashLength: number } | null> {
  const result = await gitRaw(cwd, ['rev-parse', '--path-format=absolute', '--git-path', 'objects', '--show-object-format']);
  if (result.code !== 0) return null;
  const [objects, format] = result.stdout.toString('utf8').split('\n');
  const hashLength = format === 'sha1' ? 20 : format === 'sha256' ? 32 : 0;
  return objects && hashLength ? { objects, hashLength } : null;
}

/** Every .pack with its .idx (a pack still being written has no .idx yet), largest first. */
function listPacks(objects: string): Array<{ pack: string; index: string; bytes: number }> {
  let names: string[];
  try {
    names = readdirSync(path.join(objects, 'pack'));
  } catch {
    return [];
  }
  const present = new Set(names);
  const packs: Array<{ pack: string; index: string; bytes: number }> = [];
  for (const name of names) {
    const index = name.replace(/\.pack$/, '.idx');
    if (!name.endsWith('.pack') || !present.has(index)) continue;
    try {
      packs.push({ pack: path.join(objects, 'pack', name), index: path.join(objects, 'pack', index), bytes: statSync(path.join(objects, 'pack', name)).size });
    } catch {
      // removed by a concurrent gc: its objects are in another pack now, or read through git
    }
  }
  return packs.sort((a, b) => b.bytes - a.bytes);
}

/**
 * One core is left to the main thread and `git log`, which run at the same time: measured on the benchmark
 * repository with 2 cores, a second judging thread made the whole scan slower (2.6-3.5 s against 2.3-3.2 s)
 * and took 100 MiB more memory.
 */
function threadCount(): number {
  return Math.max(1, Math.min(availableCores() - 1, 4));
}
