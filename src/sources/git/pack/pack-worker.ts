// A pack-reading thread (packs.ts starts them). Two jobs, both synchronous CPU work kept off the main thread,
// which meanwhile parses `git log`:
//   judge: a part of a pack (a byte range): which of its blobs are clean, which are dirty (keyword-blobs.ts);
//   scan:  the full detection of dirty blobs it judged, once the main thread knows their paths, rebuilt from
//          the pack (mostly from this thread's cache) instead of read again through git.
// A pack this thread cannot read (an unknown version, a damaged file) is reported once; its blobs are then
// read through `git cat-file` like loose objects.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../../config/types.js';
import { detectMaybeArchive } from '../../../archive/detect.js';
import { createDetector, type Detector } from '../../../detect/detect.js';
import { keywordSet } from '../../../engine/prefilter.js';
import { valueAnchors } from '../../../engine/scan.js';
import type { DetectResult } from '../../../types.js';
import { BlobCache } from './blob-cache.js';
import { parsePackIndex } from './index-file.js';
import { PackJudge } from './keyword-blobs.js';
import { PackFile } from './pack-file.js';

export interface PackWorkerData {
  packs: Array<{ pack: string; index: string }>;
  hashLength: number;
  keywords: string[];
  config: Config;
}

export type ToPackWorker =
  | { type: 'judge'; pack: number; from: number; to: number }
  | { type: 'scan'; blobs: Array<{ sha: string; path: string; pack: number }> };

export type FromPackWorker =
  | { type: 'progress'; blobs: number; bytes: number; dirtyBytes: number; packBytes: number }
  | { type: 'judged'; pack: number; clean: string[]; dirty: string[]; cleanSizes: number[]; dirtySizes: number[] }
  | { type: 'unreadable'; pack: number; message: string }
  | { type: 'scanned'; found: Array<{ sha: string; result: DetectResult }>; cleanItems: number; cleanBytes: number }
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

const post = (message: FromPackWorker): void => port.postMessage(message);

port.on('message', (message: ToPackWorker) => {
  try {
    if (message.type === 'judge') judgePart(message.pack, message.from, message.to);
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
    // Only packs with dirty blobs are read again (to scan them): the others need no open file meanwhile.
    if (verdict.dirty.length > 0) withDirty.add(pack);
    else if (!withDirty.has(pack)) judge.release();
  } catch (error) {
    // A damaged pack: nothing from it is trusted, not even the parts judged before.
    judges.set(pack, error instanceof Error ? error : new Error(String(error)));
    post({ type: 'unreadable', pack, message: error instanceof Error ? error.message : String(error) });
  }
}

async function scanBlobs(blobs: Array<{ sha: string; path: string; pack: number }>): Promise<void> {
  const found: Array<{ sha: string; result: DetectResult }> = [];
  let cleanItems = 0;
  let cleanBytes = 0;
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
    // An archive (judged dirty by its magic, keyword-blobs.ts) is read in full here (src/archive); the cache may
    // hand out its buffer again, so it is copied.
    const archive = detectMaybeArchive({ path, data: blob.data }, data.config, (entry) => detector.detect(entry), true);
    if (archive !== null) {
      found.push({ sha, result: await archive });
      post({ type: 'progress', blobs: 1, bytes: blob.data.length, dirtyBytes: 0, packBytes: 0 });
      continue;
    }
    const result = detector.detect({ path, data: blob.data, keywordsAt: blob.keywords });
    if (result.candidates.length > 0) found.push({ sha, result });
    else {
      cleanItems++;
      cleanBytes += blob.data.length;
    }
    post({ type: 'progress', blobs: 1, bytes: blob.data.length, dirtyBytes: 0, packBytes: 0 });
  }
  post({ type: 'scanned', found, cleanItems, cleanBytes });
}
