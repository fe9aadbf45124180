// Tar with tar-stream (mafintosh; the streaming tar parser that tar-fs and much of npm's tooling build on,
// maintained since 2013): a pure stream parser, so a tar inside gzip is read as it is inflated and never
// whole (a 1 GB .tar.gz costs one entry's bytes of memory). It handles the POSIX (pax) and GNU long-name
// headers; the names are data, kept as written. Only regular files are scanned; folders, links and devices
// are entries all the same (counted against maxEntries).
import { Readable } from 'node:stream';
import type { Extract } from 'tar-stream';
import type { EntrySink, Walk } from './walk.js';

const FILE_TYPES = new Set(['file', 'contiguous-file']);

export async function readTar(walk: Walk, input: AsyncIterable<Buffer>, _at: readonly string[], onEntry: EntrySink): Promise<void> {
  // Imported here, not at the top: see zip.ts.
  const { default: tar } = await import('tar-stream');
  const extract: Extract = tar.extract();
  const source = Readable.from(input);
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  try {
    for await (const entry of extract) {
      walk.addEntry();
      if (FILE_TYPES.has(entry.header.type ?? 'file')) await onEntry(entry.header.name, entry as AsyncIterable<Buffer>, null);
      else entry.resume();
      // Whatever onEntry did not read is skipped by the parser when the next entry is asked for.
    }
  } finally {
    source.destroy();
    extract.destroy();
  }
}
