// Zip (jar, war, whl, docx/xlsx, Lambda packages) with yauzl: it reads the central directory, the archive's
// own list of entries with their sizes (local headers can disagree with it, and a streaming reader that
// trusts them can be fooled), streams each entry through zlib's inflate, checks that the bytes inflated
// match the sizes declared (validateEntrySizes), and says which entries are encrypted. It has no
// dependencies of its own beyond a small buffer-CRC package and has been maintained since 2014; fflate's
// streaming unzip reads local headers only. Names are decoded here without yauzl's validation, which
// rejects the whole archive at the first `../` or absolute name: a hostile name is data to report, escaped.
//
// Before any entry is inflated the directory is checked whole: the entry count (maxEntries), each entry's
// declared ratio (maxRatio), and overlap (two entries whose data share bytes, the construction of the
// "better zip bomb", which no zip tool writes): an overlapping archive is not inflated at all.
// The libraries are imported where they are used: the worker threads are bundled whole (build/bundle.mjs),
// and a static import would load them in every worker, archive or not.
import type { Entry, ZipFile } from 'yauzl';
import { inflateRawSync } from 'node:zlib';
import { RATIO_FLOOR } from './limits.js';
import { ArchiveStop, type EntrySink, type Walk } from './walk.js';
import { words } from '../words/index.js';
import { skipNote } from '../findings.js';

/** Stored and deflated: what zip tools write; others (deflate64, bzip2, lzma, zstd) are noted, not read. */
const READABLE_METHODS = new Set([0, 8]);


/** Entries up to this size (declared, and held to it) are inflated in one call instead of streamed. */
const SMALL_ENTRY = 1024 * 1024;

/** The fixed part of a local file header: its data cannot start before this many bytes past the header. */
const LOCAL_HEADER_BYTES = 30;

export async function readZip(walk: Walk, data: Buffer, at: readonly string[], onEntry: EntrySink): Promise<void> {
  const { default: yauzl } = await import('yauzl');
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  try {
    const { entries, overflow } = await directory(walk, zip);
    checkOverlap(entries);
    for (const entry of entries) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      if (name.endsWith('/')) continue; // a folder
      const skip = skipReason(walk, entry);
      if (skip !== null) {
        walk.warn([...at, name], words().archive.notScanned(skip));
        continue;
      }
      if (entry.uncompressedSize > walk.maxFileSize) {
        // Not inflated: validateEntrySizes holds the entry to the size it declares.
        walk.notes.push(skipNote(walk.where([...at, name]), words().notes.why.overLimit(entry.uncompressedSize, walk.maxFileSize)));
        continue;
      }
      if (entry.uncompressedSize <= SMALL_ENTRY) {
        await onEntry(name, [await inflateSmall(zip, data, entry)], entry.compressedSize);
        continue;
      }
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable))));
      try {
        await onEntry(name, stream as AsyncIterable<Buffer>, entry.compressedSize);
      } finally {
        (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      }
    }
    // The entries up to the limit were scanned; now the walk stops.
    if (overflow) walk.addEntry();
  } finally {
    zip.close();
  }
}

/**
 * A small entry inflated in one call from the archive's bytes (already in memory): a stream per entry cost
 * more than the inflating (measured: bench/archives.mjs, a zip of 5,000 source files took twice as long as the
 * plain files with a stream each). The output is capped at the size the directory declares, and must match it.
 */
async function inflateSmall(zip: ZipFile, data: Buffer, entry: Entry): Promise<Buffer> {
  const { fileDataStart } = await new Promise<{ fileDataStart: number }>((resolve, reject) => zip.readLocalFileHeader(entry, { minimal: true }, (error, header) => (error ? reject(error) : resolve(header))));
  const raw = data.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  if (entry.compressionMethod === 0) return raw;
  let content: Buffer;
  try {
    content = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError) throw new ArchiveStop(words().archive.liar);
    throw new Error(words().archive.cannotInflate(error instanceof Error ? error.message : String(error)));
  }
  if (content.length !== entry.uncompressedSize) throw new ArchiveStop(words().archive.liar);
  return content;
}

/**
 * The central directory's entries, counted against maxEntries as they are read; at the limit the rest is not
 * read (`overflow`), and the caller stops the walk once the entries before it are scanned.
 */
async function directory(walk: Walk, zip: ZipFile): Promise<{ entries: Entry[]; overflow: boolean }> {
  const entries: Entry[] = [];
  let overflow = false;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (walk.entries >= walk.limits.maxEntries) {
        overflow = true;
        resolve();
        return;
      }
      walk.addEntry();
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return { entries, overflow };
}

function checkOverlap(entries: readonly Entry[]): void {
  const spans = entries.map((entry) => [entry.relativeOffsetOfLocalHeader, entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + entry.compressedSize]).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i][0] < spans[i - 1][1]) throw new ArchiveStop(words().archive.overlap);
  }
}

function skipReason(walk: Walk, entry: Entry): string | null {
  if (entry.isEncrypted()) return words().archive.encrypted;
  if (!READABLE_METHODS.has(entry.compressionMethod)) return words().archive.method(entry.compressionMethod);
  if (entry.uncompressedSize > RATIO_FLOOR && entry.uncompressedSize > walk.limits.maxRatio * Math.max(entry.compressedSize, 1)) {
    return words().archive.zipRatio(walk.limits.maxRatio);
  }
  return null;
}
