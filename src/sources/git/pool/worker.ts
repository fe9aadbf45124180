// One history worker: given a slice of blob ids (contiguous in pack order), it runs its own
// `git cat-file --batch` and scans each blob as it arrives with a detector made as the main thread makes its own
// (createDetector from the configuration: compiled regexes cannot cross threads). Reading in the worker means
// no bytes cross threads at all, and two cat-file processes inflate the pack on both cores.
// Only blobs with candidates are reported back; clean ones are just counted.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../../config/types.js';
import { detectMaybeArchive } from '../../../archive/detect.js';
import { createDetector } from '../../../detect/detect.js';
import { readBlobs } from '../cat-file.js';
import type { DetectResult } from '../../../types.js';
import { useInheritedLanguage } from '../../../words/index.js';

export interface Slice {
  id: number;
  shas: string[];
  paths: string[];
}

export type WorkerMessage =
  | { type: 'progress'; items: number; bytes: number }
  | { type: 'done'; id: number; found: Array<{ sha: string; result: DetectResult }>; missing: string[]; cleanItems: number; cleanBytes: number }
  | { type: 'error'; message: string };

const data = workerData as { config: Config; cwd: string };
// The main thread's language, so the notes and errors built here (archives, git) read as the rest of the run.
await useInheritedLanguage();
const detector = createDetector(data.config);
const port = parentPort;
if (port === null) throw new Error('pool/worker.js must run as a worker thread');

/** One scratch buffer reused for every blob: detectChunk is synchronous and keeps no reference to the bytes. */
let scratch = new ArrayBuffer(1 << 20);
const allocate = (size: number): Buffer => {
  if (size > scratch.byteLength) scratch = new ArrayBuffer(Math.max(size, scratch.byteLength * 2));
  return Buffer.from(scratch, 0, size);
};

port.on('message', (slice: Slice) => {
  scanSlice(slice).then(
    (message) => port.postMessage(message),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage),
  );
});

async function scanSlice(slice: Slice): Promise<WorkerMessage> {
  const paths = new Map(slice.shas.map((sha, i) => [sha, slice.paths[i]]));
  const found: Array<{ sha: string; result: DetectResult }> = [];
  const missing: string[] = [];
  let cleanItems = 0;
  let cleanBytes = 0;
  let tickItems = 0;
  let tickBytes = 0;
  // Archives are read asynchronously (src/archive), from a copy: the blob's buffer is reused for the next one.
  const archives: Array<Promise<void>> = [];
  await readBlobs(data.cwd, slice.shas, {
    maxSize: data.config.maxFileSize,
    allocate,
    borrow: true,
    onBlob(blob) {
      if (blob.missing) missing.push(blob.sha);
      if (blob.data === null) return; // sizes were checked before slicing
      const chunk = { path: paths.get(blob.sha) ?? blob.sha, data: blob.data };
      const archive = detectMaybeArchive(chunk, data.config, (entry) => detector.detect(entry), true);
      if (archive !== null) {
        const sha = blob.sha;
        archives.push(archive.then((result) => void found.push({ sha, result })));
        return;
      }
      // detectChunk starts with the engine's byte prefilter: most blobs are never decoded.
      const result = detector.detect(chunk);
      if (result.candidates.length > 0) found.push({ sha: blob.sha, result });
      else {
        cleanItems++;
        cleanBytes += blob.size;
      }
      tickItems++;
      tickBytes += blob.size;
      if (tickItems >= 512) {
        port!.postMessage({ type: 'progress', items: tickItems, bytes: tickBytes } satisfies WorkerMessage);
        tickItems = 0;
        tickBytes = 0;
      }
    },
  });
  await Promise.all(archives);
  if (tickItems > 0) port!.postMessage({ type: 'progress', items: tickItems, bytes: tickBytes } satisfies WorkerMessage);
  return { type: 'done', id: slice.id, found, missing, cleanItems, cleanBytes };
}
