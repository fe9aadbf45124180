// Gzip with node:zlib's streaming gunzip (concatenated members included). Its output is judged by its first
// bytes: a tar (.tgz, .tar.gz) is parsed as it streams (tar.ts) and its entries are the archive's entries
// (`app.tgz!/src/.env`, no intermediate level); anything else is the one entry, named after the archive
// without `.gz` (`secrets.env.gz!/secrets.env`). The ratio is judged on the stream as a whole: gzip has no
// directory to declare sizes in.
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { RATIO_FLOOR } from './limits.js';
import { archiveFormat } from './magic.js';
import { ArchiveStop, chunks, type EntrySink, type Walk } from './walk.js';
import { words } from '../words/index.js';

/** Enough of the output to tell a tar (its magic is at 257..262). */
const SNIFF = 512;

export async function readGzip(walk: Walk, data: Buffer, at: readonly string[], onEntry: EntrySink): Promise<void> {
  let fed = 0;
  const input = Readable.from(
    (async function* () {
      for await (const part of chunks(data)) {
        fed += part.length;
        yield part;
      }
    })(),
  );
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let out = 0;
  const output = (async function* () {
    for await (const part of gunzip as AsyncIterable<Buffer>) {
      out += part.length;
      if (out > RATIO_FLOOR && out > walk.limits.maxRatio * Math.max(fed, 1)) {
        throw new ArchiveStop(words().archive.gzipRatio(walk.limits.maxRatio));
      }
      yield part;
    }
  })();
  try {
    const head: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF) {
      const next = await output.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    const rest = (async function* () {
      yield* head;
      if (!ended) yield* output;
    })();
    if (archiveFormat(Buffer.concat(head)) === 'tar') await (await import('./tar.js')).readTar(walk, rest, at, onEntry);
    else await onEntry(memberName(at.length > 0 ? at[at.length - 1] : walk.path), rest, null);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function memberName(archive: string): string {
  const base = path.posix.basename(archive);
  const stripped = base.replace(/\.(gz|gzip)$/i, '');
  return stripped.length > 0 && stripped !== base ? stripped : `${base} (gunzipped)`;
}
