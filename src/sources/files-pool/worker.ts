// One folder-scan worker: given a slice of files (contiguous in the scan's order), it reads each one itself
// and detects with a detector made as the main thread makes its own (createDetector from the configuration).
// Reading here means no file's bytes cross threads. Only files with candidates are reported back, with the
// notes of files it could not read and of archives, in the slice's order.
import { parentPort, workerData } from 'node:worker_threads';
import { detectMaybeArchive } from '../../archive/detect.js';
import type { Config } from '../../config/types.js';
import { createDetector } from '../../detect/detect.js';
import type { DetectResult, Note } from '../../types.js';
import { useInheritedLanguage } from '../../words/index.js';
import { readTarget } from '../read-file.js';

export interface FileSlice {
  id: number;
  files: Array<{ absolute: string; display: string }>;
}

export type FilesWorkerMessage =
  | {
      type: 'done';
      id: number;
      /** Files with candidates, by their index in the slice. */
      found: Array<{ index: number; result: DetectResult }>;
      /** Notes of files not read (too large, unreadable), in order. */
      notes: Note[];
      /** Notes of the archives read, in order (the pipeline keeps each message once). */
      archiveNotes: Note[];
      files: number;
      bytes: number;
    }
  | { type: 'error'; message: string };

const data = workerData as { config: Config };
await useInheritedLanguage();
const detector = createDetector(data.config);
const port = parentPort;
if (port === null) throw new Error('files-pool/worker.js must run as a worker thread');

port.on('message', (slice: FileSlice) => {
  scanSlice(slice).then(
    (message) => port.postMessage(message),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FilesWorkerMessage),
  );
});

async function scanSlice(slice: FileSlice): Promise<FilesWorkerMessage> {
  const found: Array<{ index: number; result: DetectResult }> = [];
  const notes: Note[] = [];
  const archiveNotes: Note[] = [];
  let files = 0;
  let bytes = 0;
  for (const [index, file] of slice.files.entries()) {
    const bytesOf = readTarget(file.absolute, file.display, data.config.maxFileSize, notes);
    if (bytesOf === null) continue;
    const chunk = { path: file.display, data: bytesOf };
    const archive = detectMaybeArchive(chunk, data.config, (entry) => detector.detect(entry), false);
    const result = archive === null ? detector.detect(chunk) : await archive;
    files++;
    bytes += bytesOf.length;
    for (const note of result.notes ?? []) archiveNotes.push(note);
    if (result.candidates.length > 0) found.push({ index, result: { candidates: result.candidates } });
  }
  return { type: 'done', id: slice.id, found, notes, archiveNotes, files, bytes };
}
