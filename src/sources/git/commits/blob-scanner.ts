// Reading and scanning the planned blobs: one BlobScanner interface, three ways to do it.
//   catFileScanner  `git cat-file --batch` on the main thread, each blob through the pipeline's detect
//   pooledScanner   worker threads, each with its own cat-file and a detector made from the same config
//                   (pool/): for a large history, where the main thread's reading was the bottleneck
//   packScanner     the blobs the pack reader judged dirty, rebuilt from the packs on its threads (pack/);
//                   should a thread fail, the same blobs are read through cat-file instead
// Every one reports into a BlobSink, so counting, the hits and the missing blobs are kept in one place.
import type { SourceContext } from '../../context.js';
import type { Detect, DetectResult, Note } from '../../../types.js';
import { readBlobs } from '../cat-file.js';
import type { MissingBlobs } from '../missing-blobs.js';
import type { PackScan } from '../pack/packs.js';
import type { WorkerSet } from '../pool/pool.js';
import type { BlobPlan } from './plan.js';
import { words } from '../../../words/index.js';

/** Where a scanner reports. */
export interface BlobSink {
  /** A blob scanned, with its result (candidates or none). */
  record(plan: BlobPlan, result: DetectResult): void;
  /** Blobs scanned and clean, only counted (worker threads report clean blobs by number). */
  clean(items: number, bytes: number): void;
  /** Blobs scanned whose results were recorded or counted already. */
  scanned(plans: readonly BlobPlan[]): void;
  missing: MissingBlobs;
  /** Blobs and bytes done, for the progress bar; `totalBytes` 0 when unknown. */
  progress?: (items: number, bytes: number) => void;
}

export interface BlobScanner {
  scan(plans: readonly BlobPlan[], sink: BlobSink): Promise<void>;
}

/** `git cat-file --batch` on this thread; each blob through `detect`. */
export function catFileScanner(context: SourceContext, detect: Detect): BlobScanner {
  return {
    async scan(plans, sink) {
      if (plans.length === 0) return;
      const bySha = new Map(plans.map((plan) => [plan.sha, plan]));
      const pending: Array<Promise<void>> = [];
      await readBlobs(context.cwd, plans.map((plan) => plan.sha), {
        maxSize: context.config.maxFileSize,
        onBlob(blob) {
          const plan = bySha.get(blob.sha) ?? { sha: blob.sha, path: blob.sha, size: blob.size };
          if (blob.missing) sink.missing.add(blob.sha, plan.path); // gone since it was listed (a concurrent gc, damage)
          if (blob.data === null) return;
          pending.push(
            detect({ path: plan.path, data: blob.data }).then((result) => {
              sink.record(plan, result);
              sink.progress?.(1, plan.size);
            }),
          );
        },
      });
      await Promise.all(pending);
    },
  };
}

/**
 * Worker threads (pool/), each reading its slices with its own cat-file. The pipeline's main-thread detect is
 * not used: each worker's detector is made by createDetector from the same config, so results are identical,
 * only parallel.
 */
export function pooledScanner(workers: WorkerSet): BlobScanner {
  return {
    async scan(plans, sink) {
      if (plans.length === 0) return;
      const bySha = new Map(plans.map((plan) => [plan.sha, plan]));
      await workers.scan(plans, {
        onFound: (sha, result) => sink.record(bySha.get(sha) ?? { sha, path: sha, size: 0 }, result),
        onClean: (items, bytes) => sink.clean(items, bytes),
        onProgress: (items, bytes) => sink.progress?.(items, bytes),
        onMissing: (sha) => sink.missing.add(sha, bySha.get(sha)?.path ?? sha),
      });
      sink.scanned(plans);
    },
  };
}

/**
 * The blobs a pack reader judged dirty, scanned in full on its threads. Should a thread fail now (the pack
 * judged fine a moment ago), the same blobs are read by `fallback` instead: results are kept aside until the
 * threads are done, so that nothing is counted twice.
 */
export function packScanner(packs: PackScan, fallback: BlobScanner, notes: Note[]): BlobScanner {
  return {
    async scan(dirty, sink) {
      if (dirty.length === 0) return;
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
        notes.push({ level: 'info', message: words().git.blobsFallback(dirty.length, error instanceof Error ? error.message : String(error)) });
        await fallback.scan(dirty, sink);
        return;
      }
      for (const [plan, result] of found) sink.record(plan, result);
      sink.clean(clean.items, clean.bytes);
      sink.scanned(dirty);
    },
  };
}
