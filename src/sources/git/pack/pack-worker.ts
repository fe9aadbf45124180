// A pack-reading thread (packs.ts starts them). Its jobs are synchronous CPU work kept off the main thread,
// which meanwhile parses `git log`:
//   judge: a part of a pack (a byte range): which of its blobs are clean, which are dirty (keyword-blobs.ts);
//   keep:  once every part is judged, its dirty blobs rebuilt and handed to the main thread when they are few,
//          so that the thread, and its tables, can go (keepDirty);
//   scan:  otherwise, the full detection of dirty blobs it judged, once the main thread knows their paths,
//          rebuilt from the pack (mostly from this thread's cache) instead of read again through git.
// A pack this thread cannot read (an unknown version, a damaged file) is reported once; its blobs are then
// read through `git cat-file` like loose objects.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../../config/types.js';
import { createDetector, type Detector } from '../../../detect/detect.js';
import { keywordSet } from '../../../engine/prefilter.js';
import { valueAnchors } from '../../../engine/scan.js';
import type { DetectResult } from '../../../types.js';
import { BlobCache } from './blob-cache.js';
import { parsePackIndex } from './index-file.js';
import { PackJudge } from './keyword-blobs.js';
import { PackFile } from './pack-file.js';
import { scanDirtyBlob, type Scanned } from './scan-blob.js';

export interface PackWorkerData {
  packs: Array<{ pack: string; index: string }>;
  hashLength: number;
  keywords: string[];
  config: Config;
  /** 'keep' hands the dirty blobs over when they take at most this much (packs.ts KEEP_BYTES). */
  keepBytes: number;
}

export type ToPackWorker =
  | { type: 'judge'; pack: number; from: number; to: number }
  | { type: 'keep' }
  | { type: 'scan'; blobs: Array<{ sha: string; path: string; pack: number }> };

/** A dirty blob rebuilt and handed to the main thread ('keep'): its bytes move with the message. */
export interface HandedBlob {
  sha: string;
  data: Uint8Array;
  keywords: number[];
}

export type FromPackWorker =
  | { type: 'progress'; blobs: number; bytes: number; dirtyBytes: number; packBytes: number }
  | { type: 'judged'; pack: number; clean: string[]; dirty: string[]; cleanSizes: number[]; dirtySizes: number[] }
  | { type: 'unreadable'; pack: number; message: string }
  | { type: 'scanned'; found: Array<{ sha: string; result: DetectResult }>; cleanItems: number; cleanBytes: number }
  | { type: 'kept'; blobs: HandedBlob[] | null }
  | { type: 'error'; message: string };

/** The thread's cache of rebuilt blobs, shared by every pack it reads. */
const CACHE_BYTES = 32 * 1024 * 1024;

const data = workerData as PackWorkerData;
const port = parentPort;
if (port === null) throw new Error('git/pack/pack-worker.js must run as a worker thread');
const keywords = keywordSet(data.keywords);
const detector: Detector = createDetector(data.config);
const anchors = valueAnchors(detector.rules);
const values = anchors === null ? undefined : { anchors: keywordSet(anchors.anchors), longRun: anchors.longRun };
const cache = new BlobCache(CACHE_BYTES);
const judges = new Map<number, PackJudge | Error>();
const withDirty = new Set<number>();
/** Each pack's dirty blobs (names, sizes), as judged: what 'keep' rebuilds. */
const dirtyOf = new Map<number, Array<{ sha: string; size: number }>>();

const post = (message: FromPackWorker): void => port.postMessage(message);

port.on('message', (message: ToPackWorker) => {
  try {
    if (message.type === 'judge') judgePart(message.pack, message.from, message.to);
    else if (message.type === 'keep') {
      const kept = keepDirty();
      port.postMessage({ type: 'kept', blobs: kept } satisfies FromPackWorker, kept === null ? [] : kept.map((blob) => blob.data.buffer as ArrayBuffer));
    }
    else
      scanBlobs(message.blobs).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});

function judgeOf(pack: number): PackJudge | Error {
  let judge = judges.get(pack);
  if (judge === undefined) {
    try {
      const { pack: packPath, index } = data.packs[pack];
      judge = new PackJudge(new PackFile(packPath), parsePackIndex(readFileSync(index), data.hashLength), { keywords, values, maxSize: data.config.maxFileSize, cache, packNumber: pack });
    } catch (error) {
      judge = error instanceof Error ? error : new Error(String(error));
    }
    judges.set(pack, judge);
  }
  return judge;
}

function judgePart(pack: number, from: number, to: number): void {
  const judge = judgeOf(pack);
  if (judge instanceof Error) {
    post({ type: 'unreadable', pack, message: judge.message });
    return;
  }
  try {
    const verdict = judge.judgeRanks(judge.rankAtFraction(from), judge.rankAtFraction(to), (blobs, bytes, dirtyBytes, packBytes) => post({ type: 'progress', blobs, bytes, dirtyBytes, packBytes }));
    post({ type: 'judged', pack, ...verdict });
    const dirty = dirtyOf.get(pack) ?? dirtyOf.set(pack, []).get(pack)!;
    verdict.dirty.forEach((sha, i) => dirty.push({ sha, size: verdict.dirtySizes[i] }));
    // Only packs with dirty blobs are read again (to scan them): the others need no open file meanwhile.
    if (verdict.dirty.length > 0) withDirty.add(pack);
    else if (!withDirty.has(pack)) judge.release();
  } catch (error) {
    // A damaged pack: nothing from it is trusted, not even the parts judged before.
    judges.set(pack, error instanceof Error ? error : new Error(String(error)));
    post({ type: 'unreadable', pack, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Every pack judged: rebuild this thread's dirty blobs now, while the main thread still reads the log, and hand
 * them over (their buffers moved, not copied), if they fit in `keepBytes` and all rebuild; the main thread then
 * stops this thread. Otherwise null: the thread stays, and 'scan' rebuilds from its judges as before.
 */
function keepDirty(): HandedBlob[] | null {
  let total = 0;
  for (const blobs of dirtyOf.values()) for (const { size } of blobs) total += size;
  if (total > data.keepBytes) return null;
  const kept: HandedBlob[] = [];
  for (const [pack, blobs] of dirtyOf) {
    const judge = judgeOf(pack);
    if (judge instanceof Error) return null;
    for (const { sha } of blobs.map((blob) => ({ ...blob, rank: judge.rankOf(blob.sha) })).sort((a, b) => a.rank - b.rank)) {
      const blob = judge.blob(sha);
      if (blob === null) return null;
      // A copy of its own: the cache hands out its buffers again, and this one's memory moves to the main thread.
      kept.push({ sha, data: new Uint8Array(blob.data), keywords: [...blob.keywords] });
    }
  }
  return kept;
}

async function scanBlobs(blobs: Array<{ sha: string; path: string; pack: number }>): Promise<void> {
  const scanned: Scanned = { found: [], cleanItems: 0, cleanBytes: 0 };
  // In pack order, so that each blob's base is likely still in the cache from the one before.
  const rankOf = (sha: string, pack: number): number => {
    const judge = judgeOf(pack);
    return judge instanceof Error ? Infinity : judge.rankOf(sha);
  };
  const ordered = blobs.map((blob) => ({ ...blob, rank: rankOf(blob.sha, blob.pack) })).sort((a, b) => a.pack - b.pack || a.rank - b.rank);
  for (const { sha, path, pack } of ordered) {
    const judge = judgeOf(pack);
    const blob = judge instanceof Error ? null : judge.blob(sha);
    if (blob === null) throw new Error(`blob ${sha} was judged but cannot be rebuilt`);
    await scanDirtyBlob({ sha, path, data: blob.data, keywords: blob.keywords }, detector, data.config, scanned);
    post({ type: 'progress', blobs: 1, bytes: blob.data.length, dirtyBytes: 0, packBytes: 0 });
  }
  post({ type: 'scanned', ...scanned });
}
