// Reading a .pack's entries: each is a header (type, inflated size, and for deltas where the base is) followed
// by zlib data. The entries are read in offset order through one forward-moving window, so a pack of any size
// costs one window of memory; a base that has left the window is read on its own.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

// Entry types: 1 commit, 2 tree, 3 blob, 4 tag (whole objects), 6 and 7 deltas; only these are told apart.
export const OBJ_BLOB = 3;
export const OBJ_OFS_DELTA = 6;
export const OBJ_REF_DELTA = 7;

export interface EntryHeader {
  type: number;
  /** Inflated size: the object's for a whole object, the delta's for a delta. */
  size: number;
  /** Where the zlib data starts. */
  dataAt: number;
  /** OFS_DELTA: the base entry's offset. */
  baseOffset: number;
  /** REF_DELTA: the base object's name. */
  baseName: Buffer | null;
}

const WINDOW = 1024 * 1024;
/** Enough for any entry header: type/size varint (≤ 10 bytes) and an offset varint or a SHA-256 name. */
const HEADER_MAX = 48;

export class PackFile {
  /** -1 while released (see release()). */
  private fd: number;
  readonly length: number;
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'r');
    this.length = fstatSync(this.fd).size;
    const head = this.read(0, 12);
    if (head.toString('latin1', 0, 4) !== 'PACK') throw new Error('not a pack file');
    const version = head.readUInt32BE(4);
    if (version !== 2 && version !== 3) throw new Error(`pack version ${version} is not supported`);
  }

  /** Lets the window start again from the beginning (after a pass over the whole pack). */
  rewind(): void {
    this.window = Buffer.alloc(0);
    this.windowAt = 0;
  }

  /**
   * Closes the file until it is read again: a repository may have hundreds of packs, and a thread keeps open
   * only those it will read again (the ones with blobs left to scan).
   */
  release(): void {
    if (this.fd !== -1) closeSync(this.fd);
    this.fd = -1;
    this.rewind();
  }

  /** Bytes [at, at + length): from the window when they are in it (or just ahead of it), else a read of their own. */
  read(at: number, length: number): Buffer {
    const end = Math.min(at + length, this.length);
    if (at >= this.windowAt && end <= this.windowAt + this.window.length) return this.window.subarray(at - this.windowAt, end - this.windowAt);
    if (at >= this.windowAt && end - at <= WINDOW) {
      // Reading forward: slide the window to start here.
      this.window = this.fill(at, Math.min(WINDOW, this.length - at));
      this.windowAt = at;
      return this.window.subarray(0, end - at);
    }
    return this.fill(at, end - at);
  }

  private fill(at: number, length: number): Buffer {
    if (this.fd === -1) {
      this.fd = openSync(this.path, 'r');
      if (fstatSync(this.fd).size !== this.length) throw new Error('pack file changed while being read');
    }
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, buffer, done, length - done, at + done);
      if (got === 0) throw new Error('pack file is truncated');
      done += got;
    }
    return buffer;
  }

  header(at: number, hashLength: number): EntryHeader {
    const bytes = this.read(at, HEADER_MAX);
    let i = 0;
    let byte = bytes[i++];
    const type = (byte >> 4) & 7;
    let size = byte & 0x0f;
    let shift = 16;
    while (byte & 0x80) {
      byte = bytes[i++];
      size += (byte & 0x7f) * shift;
      shift *= 128;
    }
    let baseOffset = -1;
    let baseName: Buffer | null = null;
    if (type === OBJ_OFS_DELTA) {
      byte = bytes[i++];
      let distance = byte & 0x7f;
      while (byte & 0x80) {
        byte = bytes[i++];
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      baseOffset = at - distance;
      if (baseOffset < 12) throw new Error('delta base offset is outside the pack');
    } else if (type === OBJ_REF_DELTA) {
      baseName = Buffer.from(bytes.subarray(i, i + hashLength));
      i += hashLength;
    }
    if (i > bytes.length) throw new Error('pack entry header is truncated');
    return { type, size, dataAt: at + i, baseOffset, baseName };
  }

  /** The inflated data (`size` bytes, from the entry's header) of the zlib stream in [dataAt, end). */
  inflate(dataAt: number, end: number, size: number): Buffer {
    // A damaged stream that would inflate past its stated size is stopped there (and reported as damaged).
    // One output buffer of size + 1: zlib then fills it in one go and returns a view of it, where smaller
    // chunks are joined by a copy at the end (twice the blob's size at once; issue #10). A stated size that
    // is a lie costs address space, not memory: pages never written are never resident.
    const data = inflateSync(this.read(dataAt, end - dataAt), { chunkSize: Math.max(64, size + 1), maxOutputLength: Math.max(1, size) });
    if (data.length !== size) throw new Error(`pack entry inflated to ${data.length} bytes, expected ${size}`);
    return data;
  }
}
