// Reading one archive blob, and the archives nested in it, entry by entry, with the limits of limits.ts.
// Entries are streamed out of the formats (zip.ts, tar.ts, gzip.ts) and each is gathered up to the same
// size limit as a plain file (--max-file-size), then either read as an archive one level deeper (its first
// bytes say so, magic.ts) or handed to the same detection as any file. Nothing else is held: one entry at a
// time, so memory stays bounded by the file size limit times the nesting depth, whatever the archive's size.
//
// What each hit stops (each one a warning note naming the archive):
//   maxBytes, maxEntries      the whole walk of the outermost archive (what was found before it is kept);
//   maxRatio                  that entry (zip: judged from its sizes before inflating) or that gzip stream;
//   maxDepth                  that nested archive (not opened);
//   an encrypted entry, an unsupported compression method: that entry;
//   a corrupt or truncated archive: the rest of that archive; if none of its entries could be read, its
//   bytes are scanned as a plain file instead (what keywarden did before it read archives).
// An entry over --max-file-size is skipped with the same verbose note as a file over it.
import type { Candidate, Chunk, DetectResult, Note } from '../types.js';
import { RATIO_FLOOR, type ArchiveLimits } from './limits.js';
import { archiveFormat, type ArchiveFormat } from './magic.js';
import { useInheritedLanguage, words } from '../words/index.js';
import { skipNote } from '../findings.js';

export type DetectBytes = (chunk: Chunk) => DetectResult;

/** `!/` joins an archive and an entry inside it: `app.zip!/lib/b.jar!/x.properties` (as in Java's jar: URLs). */
export const ENTRY_JOIN = '!/';

/** Longer entry names are cut (a name is data; a 64 KiB one would flood every report that shows it). */
const MAX_NAME_LENGTH = 1024;

/** A limit that ends the walk of the whole outermost archive. */
export class WalkLimit extends Error {}

/** A limit or a fault that ends one archive (or gzip stream), its siblings still read. */
export class ArchiveStop extends Error {}

export interface ArchiveResult {
  candidates: Candidate[];
  notes: Note[];
}

/** One outermost archive's walk: the counters every limit is judged on, and what was found. */
export class Walk {
  bytes = 0;
  entries = 0;
  readonly candidates: Candidate[] = [];
  readonly notes: Note[] = [];

  constructor(
    /** The archive's path as the source reports it (git path or display path). */
    readonly path: string,
    readonly limits: ArchiveLimits,
    readonly maxFileSize: number,
    readonly detect: DetectBytes,
  ) {}

  /** Where an entry is, for notes: `app.zip!/lib/b.jar`. */
  where(entry: readonly string[]): string {
    return [this.path, ...entry].join(ENTRY_JOIN);
  }

  /** Skips by reason (first place, count): a bomb of 4096 encrypted or nested entries is one note, not 4096. */
  private readonly skips = new Map<string, { first: string; count: number }>();

  warn(entry: readonly string[], reason: string): void {
    const known = this.skips.get(reason);
    if (known) known.count++;
    else this.skips.set(reason, { first: this.where(entry), count: 1 });
  }

  /** The notes of the walk, one per reason. */
  finish(): Note[] {
    for (const [reason, { first, count }] of this.skips) {
      this.notes.push({ level: 'warn', message: count === 1 ? `${first}: ${reason}` : words().archive.repeated(this.path, count, reason, first) });
    }
    return this.notes;
  }

  /** Counts uncompressed bytes as they are inflated. */
  addBytes(count: number): void {
    this.bytes += count;
    if (this.bytes > this.limits.maxBytes) throw new WalkLimit(words().archive.maxBytes(this.limits.maxBytes));
  }

  addEntry(): void {
    if (this.entries >= this.limits.maxEntries) throw new WalkLimit(words().archive.maxEntries(this.limits.maxEntries));
    this.entries++;
  }
}

/** Scans an archive blob of a known format; never throws for anything the archive holds or lacks. */
export async function scanArchive(chunk: { path: string; data: Buffer }, format: ArchiveFormat, limits: ArchiveLimits, maxFileSize: number, detect: DetectBytes): Promise<ArchiveResult> {
  // Archives are also read in worker threads (the pack readers), whose notes must be in the run's language.
  await useInheritedLanguage();
  const walk = new Walk(chunk.path, limits, maxFileSize, detect);
  try {
    await readArchive(walk, chunk.data, format, [], 1);
  } catch (error) {
    if (!(error instanceof WalkLimit)) throw error;
    walk.warn([], words().archive.stopped(walk.entries, walk.bytes, error.message));
  }
  return { candidates: walk.candidates, notes: walk.finish() };
}

/** One archive (outermost or nested) at `entry` (the path of entries leading to it), `depth` 1 for the outermost. */
async function readArchive(walk: Walk, data: Buffer, format: ArchiveFormat, entry: readonly string[], depth: number): Promise<void> {
  let read = 0;
  const onEntry: EntrySink = async (name, content, compressedSize) => {
    read++;
    await readEntry(walk, [...entry, cleanName(name)], content, depth, compressedSize);
  };
  try {
    if (format === 'zip') await (await import('./zip.js')).readZip(walk, data, entry, onEntry);
    else if (format === 'tar') await (await import('./tar.js')).readTar(walk, chunks(data), entry, onEntry);
    else await (await import('./gzip.js')).readGzip(walk, data, entry, onEntry);
  } catch (error) {
    if (error instanceof WalkLimit) throw error;
    const reason = error instanceof ArchiveStop ? error.message : words().archive.unreadable(format, error instanceof Error ? error.message : String(error));
    if (read === 0 && !(error instanceof ArchiveStop)) {
      walk.warn(entry, words().archive.asPlainFile(reason));
      detectInto(walk, entry, data);
    } else {
      walk.warn(entry, words().archive.restNotScanned(reason));
    }
  }
}

/**
 * Called by a format reader for each file entry, in archive order, one at a time (the reader waits). `content`
 * is the entry's uncompressed bytes as they stream; `compressedSize`, when the format knows it, is for the ratio.
 */
export type EntrySink = (name: string, content: AsyncIterable<Buffer> | Iterable<Buffer>, compressedSize: number | null) => Promise<void>;

async function readEntry(walk: Walk, entry: string[], content: AsyncIterable<Buffer> | Iterable<Buffer>, depth: number, compressedSize: number | null): Promise<void> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of content) {
    walk.addBytes(part.length);
    size += part.length;
    if (compressedSize !== null && size > RATIO_FLOOR && size > walk.limits.maxRatio * Math.max(compressedSize, 1)) {
      // The sizes in a zip's directory were judged before inflating; this catches an entry that lies about them.
      throw new ArchiveStop(words().archive.entryRatio(walk.limits.maxRatio));
    }
    if (size <= walk.maxFileSize) parts.push(part);
    else parts.length = 0; // drained, not kept: counted against maxBytes all the same
  }
  if (size > walk.maxFileSize) {
    walk.notes.push(skipNote(walk.where(entry), words().notes.why.overLimit(size, walk.maxFileSize)));
    return;
  }
  const data = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
  const format = archiveFormat(data);
  if (format === null) detectInto(walk, entry, data);
  else if (depth >= walk.limits.maxDepth) walk.warn(entry, words().archive.tooDeep(format, walk.limits.maxDepth));
  else await readArchive(walk, data, format, entry, depth + 1);
}

function detectInto(walk: Walk, entry: readonly string[], data: Buffer): void {
  const name = entry.join(ENTRY_JOIN);
  // The path the rules see ends with the entry's own name, so rules keyed on file names (.env, credentials) apply.
  const result = walk.detect({ path: entry.length > 0 ? walk.where(entry) : walk.path, data });
  for (const candidate of result.candidates) walk.candidates.push(entry.length > 0 ? { ...candidate, entry: name } : candidate);
}

/** An entry name as data: cut when absurdly long; never interpreted (`../`, absolute paths stay as they are). */
function cleanName(name: string): string {
  const named = name.length > 0 ? name : '(unnamed entry)';
  return named.length > MAX_NAME_LENGTH ? `${named.slice(0, MAX_NAME_LENGTH)}…` : named;
}

/** A buffer as a stream of slices, so that a reader's input is bounded like a file's. */
export async function* chunks(data: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, Math.min(data.length, at + size));
}
