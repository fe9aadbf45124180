// One dirty blob through full detection, with its keyword places known from judging: on a pack thread
// (pack-worker.ts), or on the main thread for the blobs a thread rebuilt and handed over before stopping
// (packs.ts). One home, so that both give the same result.
import { detectMaybeArchive } from '../../../archive/detect.js';
import type { Config } from '../../../config/types.js';
import type { Detector } from '../../../detect/detect.js';
import type { DetectResult } from '../../../types.js';

/** A dirty blob's bytes, rebuilt from its pack, and its keyword places (flat [start, length, ...]). */
export interface RebuiltBlob {
  data: Buffer;
  keywords: readonly number[];
}

export interface DirtyBlob extends RebuiltBlob {
  sha: string;
  path: string;
}

/** What scanning dirty blobs gave: those with candidates, and how many (and how many bytes) were clean. */
export interface Scanned {
  found: Array<{ sha: string; result: DetectResult }>;
  cleanItems: number;
  cleanBytes: number;
}

/**
 * Adds the blob's result to `into`. An archive (judged dirty by its magic, keyword-blobs.ts) is read in full
 * (src/archive), from a copy: a thread's cache may hand the buffer out again.
 */
export async function scanDirtyBlob(blob: DirtyBlob, detector: Detector, config: Config, into: Scanned): Promise<void> {
  const archive = detectMaybeArchive({ path: blob.path, data: blob.data }, config, (entry) => detector.detect(entry), true);
  if (archive !== null) {
    into.found.push({ sha: blob.sha, result: await archive });
    return;
  }
  const result = detector.detect({ path: blob.path, data: blob.data, keywordsAt: blob.keywords });
  if (result.candidates.length > 0) into.found.push({ sha: blob.sha, result });
  else {
    into.cleanItems++;
    into.cleanBytes += blob.data.length;
  }
}
