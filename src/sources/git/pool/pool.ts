// History scanning on every core. The blob list (in pack order) is cut into contiguous slices of similar
// byte size, more slices than workers, handed out as workers become free; each worker reads its slice with
// its own `git cat-file --batch` and scans it (worker.ts). Measured on the benchmark repository this beat
// reading on the main thread and transferring each blob to a worker (BENCHMARKS.md): the main thread's pipe
// reading, copying and messaging were the bottleneck, and one cat-file inflated the pack on one core only.
// Contiguous slices keep git's delta-base cache effective; two per worker even out the load.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../../config/types.js';
import { RuntimeError } from '../../../errors.js';
import type { DetectResult } from '../../../types.js';
import type { Slice, WorkerMessage } from './worker.js';
import { words } from '../../../words/index.js';

export interface PoolBlob {
  sha: string;
  path: string;
  size: number;
}

export interface PoolCallbacks {
  /** A blob with candidates. */
  onFound(sha: string, result: DetectResult): void;
  /** Blobs scanned and clean. */
  onClean(items: number, bytes: number): void;
  onProgress(items: number, bytes: number): void;
  /** A blob the repository turned out to lack (not scanned). */
  onMissing?(sha: string): void;
}

// Measured (18:44, bench repo): 6 slices per worker cost 5.5-6.1 s user + 2.4-2.7 s sys, 2 slices 5.1-5.3 s +
// 1.8-1.9 s, and 7-20% less wall time: each slice's cat-file must rebuild the delta chains that cross its edge.
const SLICES_PER_WORKER = 2;

export interface WorkerSet {
  /** Scans the blobs (in the order given, best pack order) on the workers; call once. */
  scan(blobs: readonly PoolBlob[], callbacks: PoolCallbacks): Promise<void>;
  close(): Promise<void>;
}

/**
 * A worker's entry file: `entry` (`./NAME.js` beside the calling module, as build/bundle.mjs and action/build.mjs
 * lay out dist/bundle/ and action/dist/). Run from the .ts sources instead (`from`, the caller's module: the
 * in-process tests, under vitest), Node cannot start a .ts worker: the built bundle's entry is used (`npm test`
 * bundles first). The literal `new URL('./NAME.js', import.meta.url)` stays at each call: install.test.ts finds
 * the bundle's workers by it.
 */
export function workerEntry(entry: URL, from: string): URL {
  if (!from.endsWith('.ts')) return entry;
  return new URL(`${from.slice(0, from.lastIndexOf('/src/'))}/dist/bundle/${entry.pathname.slice(entry.pathname.lastIndexOf('/') + 1)}`);
}

/**
 * Starts the workers now (loading modules and compiling rules takes a while) so that they are ready by the
 * time the caller knows which blobs to scan.
 */
export function startWorkers(config: Config, cwd: string, size = defaultSize()): WorkerSet {
  // A young generation of 16 MB, not V8's default (32-64 MB): the workers' peak RSS stays down, and an
  // AWS-heavy history (every window of every version read) spends less time collecting than with 4 MB
  // (3% less wall; BENCHMARKS.md, ninth session).
  const workers = Array.from({ length: size }, () => new Worker(workerEntry(new URL('./worker.js', import.meta.url), import.meta.url), { workerData: { config, cwd }, resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
  return {
    async scan(blobs, callbacks) {
      if (blobs.length === 0) return;
      const slices = cut(blobs, size * SLICES_PER_WORKER);
      await handOut(workers, slices, (failure) => new RuntimeError(words().git.workerFailed(failure)), (message: WorkerMessage) => {
        if (message.type === 'progress') {
          callbacks.onProgress(message.items, message.bytes);
          return false;
        }
        if (message.type === 'error') throw new RuntimeError(message.message);
        for (const { sha, result } of message.found) callbacks.onFound(sha, result);
        for (const sha of message.missing) callbacks.onMissing?.(sha);
        callbacks.onClean(message.cleanItems, message.cleanBytes);
        return true;
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Hands `slices` to `workers` one at a time, each to the next worker free, until every slice is answered.
 * `answer` reads a worker's message: true when it answers the worker's slice (the worker is free again), false
 * for news on the way (progress); it throws to stop them all. A worker that fails or exits stops them too
 * (`failed` words why).
 */
export function handOut<Slice, Message>(workers: readonly Worker[], slices: readonly Slice[], failed: (why: string) => Error, answer: (message: Message) => boolean): Promise<void> {
  let next = 0;
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = (): void => {
            if (next >= slices.length) resolve();
            else worker.postMessage(slices[next++]);
          };
          worker.on('message', (message: Message) => {
            try {
              if (answer(message)) send();
            } catch (error) {
              reject(error);
            }
          });
          worker.on('error', (error) => reject(failed(error.message)));
          worker.on('exit', (code) => reject(failed(words().errors.workerExited(code))));
          send();
        }),
    ),
  ).then(() => undefined);
}

/** Contiguous slices of about equal bytes (a blob bigger than a slice gets one of its own). */
function cut(blobs: readonly PoolBlob[], count: number): Slice[] {
  const total = blobs.reduce((sum, blob) => sum + blob.size, 0);
  const target = Math.max(1, total / count);
  const slices: Slice[] = [];
  let current: Slice = { id: 0, shas: [], paths: [] };
  let bytes = 0;
  for (const blob of blobs) {
    current.shas.push(blob.sha);
    current.paths.push(blob.path);
    bytes += blob.size;
    if (bytes >= target) {
      slices.push(current);
      current = { id: slices.length, shas: [], paths: [] };
      bytes = 0;
    }
  }
  if (current.shas.length > 0) slices.push(current);
  return slices;
}

function defaultSize(): number {
  return Math.max(1, Math.min(availableCores(), 8));
}

/** The cores this process may use (os.availableParallelism where Node has it). */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
