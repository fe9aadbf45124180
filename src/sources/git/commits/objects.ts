// What the object store holds: blob sizes listed with `git cat-file --batch-check`, for the whole store in pack
// order or for given blobs, and which blobs it lacks.
import { git } from '../run.js';
import type { MissingBlobs } from '../missing-blobs.js';

/** What is known of the object store: whether it holds promised objects, and which blobs it lacks. */
export interface ObjectStore {
  promised: Promise<boolean>;
  missing: MissingBlobs;
  /** Every blob present with its size, listed once when the store holds promised objects. */
  present?: Promise<Map<string, number>>;
}

/** Every blob of the repository with its size, in pack order (how git reads deltas fastest). */
export function listAllBlobs(cwd: string): Promise<Map<string, number>> {
  return listObjects(cwd, ['--batch-all-objects', '--unordered']);
}

/**
 * `git cat-file --batch-check`: the sizes of the given objects, or of all objects in pack order, blobs only.
 * Trees and commits (more than two thirds of a repository's objects) are dropped while parsing: the whole
 * repository's list is held during the log, and building it was measured on the main thread's critical path.
 */
async function listObjects(cwd: string, flags: string[], shas: string[] = []): Promise<Map<string, number>> {
  const out = await git(cwd, ['cat-file', ...flags, '--batch-check=%(objecttype) %(objectname) %(objectsize)'], shas.length > 0 ? shas.join('\n') + '\n' : '');
  const blobs = new Map<string, number>();
  const text = out.toString('latin1');
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    // "blob <sha> <size>"; a missing object's line is "<sha> missing".
    if (text.startsWith('blob ', at)) {
      const space = text.indexOf(' ', at + 5);
      if (space !== -1 && space < end) blobs.set(text.slice(at + 5, space), Number(text.slice(space + 1, end)));
    }
    at = end + 1;
  }
  return blobs;
}

/**
 * The sizes of the given blobs that the repository has. In a repository with promised objects (a partial
 * clone) git dies when asked about one it lacks, so there the whole store is listed instead.
 */
export async function blobSizes(cwd: string, shas: string[], store: ObjectStore): Promise<Map<string, number>> {
  if (shas.length === 0) return new Map();
  const all = (await store.promised) ? await (store.present ??= listAllBlobs(cwd)) : await listObjects(cwd, [], shas);
  if (all.size <= shas.length) return all;
  const sizes = new Map<string, number>();
  for (const sha of shas) {
    const size = all.get(sha);
    if (size !== undefined) sizes.set(sha, size);
  }
  return sizes;
}

/** The bytes of the blobs a scan would read (those over the size limit are skipped). */
export function blobBytes(blobs: Map<string, number>, maxSize: number): number {
  let bytes = 0;
  for (const size of blobs.values()) if (size <= maxSize) bytes += size;
  return bytes;
}
