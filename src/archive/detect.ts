// Where bytes meet the detector, archives are opened: `withArchives` wraps detection for the main thread
// (pipeline.ts: files, staged, stdin, history read through git), `detectMaybeArchive` is the same for the
// worker threads (pool/worker.ts, git/pack/pack-worker.ts). Only the magic check (magic.ts) is loaded up
// front; the readers and their libraries are imported when a blob is an archive, so the pre-commit path
// pays nothing for non-archives.
import type { Config } from '../config/types.js';
import type { Chunk, Detect, DetectResult, Note } from '../types.js';
import { DEFAULT_ARCHIVE_LIMITS } from './limits.js';
import { archiveFormat } from './magic.js';

type DetectSync = (chunk: Chunk) => DetectResult;

/**
 * An archive's candidates (each with its `entry`) and notes, or null when `chunk` is not an archive. The
 * bytes must stay unchanged until the promise settles (a worker's borrowed buffer must be copied first).
 */
export function archiveOf(chunk: Chunk, config: Config, detect: DetectSync): Promise<DetectResult> | null {
  if (typeof chunk.data === 'string') return null;
  const format = archiveFormat(chunk.data);
  if (format === null) return null;
  const data = chunk.data;
  return import('./walk.js').then(({ scanArchive }) => scanArchive({ path: chunk.path, data }, format, config.archives ?? DEFAULT_ARCHIVE_LIMITS, config.maxFileSize, detect));
}

/**
 * Detection that opens archives. Their notes go to `notes` (once each: the history's presence check may
 * scan the same archive again), not into the result, so that no source needs to know about them.
 */
export function withArchives(detect: DetectSync, config: Config, notes: Note[]): Detect {
  const seen = new Set<string>();
  return async (chunk) => {
    const archive = archiveOf(chunk, config, detect);
    if (archive === null) return detect(chunk);
    const result = await archive;
    for (const note of result.notes ?? []) {
      if (seen.has(note.message)) continue;
      seen.add(note.message);
      notes.push(note);
    }
    return { candidates: result.candidates };
  };
}

/** For worker threads: the result carries the archive's notes (posted back with the candidates). */
export function detectMaybeArchive(chunk: Chunk, config: Config, detect: DetectSync, copy: boolean): Promise<DetectResult> | null {
  if (typeof chunk.data === 'string' || archiveFormat(chunk.data) === null) return null;
  return archiveOf(copy ? { ...chunk, data: Buffer.from(chunk.data) } : chunk, config, detect);
}
