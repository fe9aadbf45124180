// Folder scans on every core. The files (in the scan's order) are cut into slices of FILES_PER_SLICE, handed
// out as workers become free; each worker reads and scans its slices (worker.ts). The results come back in
// the order of the files, so a report is the same whether the scan ran here or on one thread (files.ts
// decides: only folders of many files are worth the workers' start-up).
import { Worker } from 'node:worker_threads';
import type { Config } from '../../config/types.js';
import { RuntimeError } from '../../errors.js';
import type { DetectResult, Note } from '../../types.js';
import { words } from '../../words/index.js';
import { availableCores, handOut, workerEntry } from '../git/pool/pool.js';
import type { FileSlice, FilesWorkerMessage } from './worker.js';

/** Files per slice: small enough to even out the load, large enough that messages cost nothing. */
const FILES_PER_SLICE = 64;

export interface PooledFiles {
  /** The files with candidates, by their index in the list given. */
  found: Array<{ index: number; result: DetectResult }>;
  /** Notes of files not read, in the files' order. */
  notes: Note[];
  /** Notes of the archives read, in the files' order. */
  archiveNotes: Note[];
  files: number;
  bytes: number;
}

/** Reads and scans `files` on worker threads (one per core, at most 8), then stops them; null on one core. */
export async function scanFilesPooled(config: Config, files: ReadonlyArray<{ absolute: string; display: string }>): Promise<PooledFiles | null> {
  if (availableCores() < 2) return null;
  const slices: FileSlice[] = [];
  for (let i = 0; i < files.length; i += FILES_PER_SLICE) slices.push({ id: slices.length, files: files.slice(i, i + FILES_PER_SLICE) });
  const size = Math.max(1, Math.min(availableCores(), 8, slices.length));
  const workers = Array.from({ length: size }, () => new Worker(workerEntry(new URL('./files-worker.js', import.meta.url), import.meta.url), { workerData: { config }, resourceLimits: { maxYoungGenerationSizeMb: 4 } }));
  const done: Array<Extract<FilesWorkerMessage, { type: 'done' }>> = [];
  try {
    await handOut(workers, slices, (failure) => new RuntimeError(words().errors.filesWorkerFailed(failure)), (message: FilesWorkerMessage) => {
      if (message.type === 'error') throw new RuntimeError(message.message);
      done[message.id] = message;
      return true;
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  const pooled: PooledFiles = { found: [], notes: [], archiveNotes: [], files: 0, bytes: 0 };
  for (const slice of slices) {
    const message = done[slice.id];
    for (const { index, result } of message.found) pooled.found.push({ index: slice.id * FILES_PER_SLICE + index, result });
    for (const note of message.notes) pooled.notes.push(note);
    for (const note of message.archiveNotes) pooled.archiveNotes.push(note);
    pooled.files += message.files;
    pooled.bytes += message.bytes;
  }
  return pooled;
}
