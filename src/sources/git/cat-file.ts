// Reads blobs through one `git cat-file --batch`: every blob once, streamed. The output is parsed
// incrementally (`<sha> <type> <size>\n<bytes>\n`), so memory holds one blob at a time plus whatever the
// consumer keeps; blobs over the size limit are skipped by counting bytes, never buffered. Each blob gets its
// own ArrayBuffer so it can be transferred to a worker thread without a copy, unless the consumer borrows: the
// history workers scan each blob before the next read, so a blob that arrived whole in one read is passed as a
// view of it (no copy of the 1.3 GiB benchmark; measured neutral in wall time there, kept for the saved work).
// No --buffer: measured on the benchmark, git's stdio buffering cost slightly more than flushing per object.
import type { Writable } from 'node:stream';
import { gitStream, type GitStream } from './run.js';

/** Ids streamed in as they are known: a running rev-list's output (ofGitStream), or the log's commits (commit-feed.ts). */
export interface IdSource {
  /** Writes every id into `into`, a line each, then ends it. */
  pipe(into: Writable): void;
  /** Settles once every id is written; rejects when the source failed (its ids are then not the whole list). */
  done: Promise<void>;
  /** The reader wants no more ids (it failed). */
  stop(): void;
}

/** A running git's output (`git rev-list`) as the ids to read. */
export function ofGitStream(stream: GitStream): IdSource {
  return { pipe: (into) => void stream.child.stdout.pipe(into), done: stream.done, stop: () => stream.stop() };
}

export interface Blob {
  sha: string;
  size: number;
  /** null when the blob is missing or over maxSize (then `size` says how big it was). */
  data: Buffer | null;
  missing: boolean;
}

export interface ReadOptions {
  /** Larger blobs are skipped (data null) without being held in memory. */
  maxSize: number;
  onBlob(blob: Blob): void;
  /** Where blob bytes go (default: a fresh ArrayBuffer per blob); the worker pool passes recycled ones. */
  allocate?(size: number): Buffer;
  /**
   * onBlob consumes the bytes before it returns and keeps no reference: a blob that arrived whole in one read
   * is then passed as a view of that read, without a copy (with allocate for the others).
   */
  borrow?: boolean;
  /** Asked after each piece of output: a promise means "stop reading until it settles" (the consumer is full). */
  backpressure?(): Promise<void> | null;
  /** The object type whose bytes are kept (default blob; messages.ts reads commits and tags). */
  type?: string;
}

const NEWLINE = 0x0a;

/**
 * Reads the objects named by `ids`: a list, or ids streamed in as they are known (a running rev-list, the
 * log's commits), which are stopped with cat-file should reading fail.
 */
export async function readBlobs(cwd: string, ids: readonly string[] | IdSource, options: ReadOptions): Promise<void> {
  const list = Array.isArray(ids) ? null : (ids as IdSource);
  if (list === null && (ids as readonly string[]).length === 0) return;
  const { child, done } = gitStream(cwd, ['cat-file', '--batch']);
  const parser = new BatchParser(options);
  let failure: unknown = null;
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      failure = error;
      child.kill();
      list?.stop();
      reject(error);
    };
    child.stdout.on('data', (piece: Buffer) => {
      try {
        parser.push(piece);
      } catch (error) {
        fail(error);
        return;
      }
      const wait = options.backpressure?.();
      if (wait) {
        child.stdout.pause();
        wait.then(() => child.stdout.resume(), fail);
      }
    });
    child.stdout.on('end', () => resolve());
  });
  // Writing everything at once is safe: Node queues what the pipe cannot take, and cat-file answers as it reads.
  if (list === null) child.stdin.end((ids as readonly string[]).join('\n') + '\n');
  else list.pipe(child.stdin);
  const gitDone = (stream: Promise<void>) => stream.catch((error: unknown) => { if (failure === null) throw error; });
  await Promise.all([finished, gitDone(done), ...(list ? [gitDone(list.done)] : [])]);
  if (failure !== null) throw failure;
  parser.finish();
}

/** The `--batch` output grammar as a push parser. Exported for unit tests. */
export class BatchParser {
  private header: Buffer[] = [];
  private current: Blob | null = null;
  private filled = 0;
  private remaining = 0;
  private trailer = false;
  /** The current blob is wanted but has no buffer yet (borrowing: it may not need one). */
  private unallocated = false;

  constructor(private readonly options: Pick<ReadOptions, 'maxSize' | 'onBlob' | 'allocate' | 'borrow' | 'type'>) {}

  push(piece: Buffer): void {
    let at = 0;
    while (at < piece.length) {
      if (this.trailer) {
        if (piece[at] !== NEWLINE) throw new Error('git cat-file output is out of step');
        at++;
        this.trailer = false;
        const blob = this.current as Blob;
        this.current = null;
        this.options.onBlob(blob);
        continue;
      }
      if (this.current !== null) {
        if (this.unallocated) {
          this.unallocated = false;
          const size = this.current.size;
          if (piece.length - at >= size) {
            this.current.data = piece.subarray(at, at + size);
            this.filled = size;
            this.remaining = 0;
            at += size;
            this.trailer = true;
            continue;
          }
          this.current.data = this.allocate(size);
        }
        const take = Math.min(this.remaining, piece.length - at);
        if (this.current.data !== null) piece.copy(this.current.data, this.filled, at, at + take);
        this.filled += take;
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.trailer = true;
        continue;
      }
      const end = piece.indexOf(NEWLINE, at);
      if (end === -1) {
        this.header.push(piece.subarray(at));
        return;
      }
      this.header.push(piece.subarray(at, end));
      at = end + 1;
      const line = Buffer.concat(this.header).toString('latin1');
      this.header = [];
      this.startObject(line);
    }
  }

  finish(): void {
    if (this.current !== null || this.header.length > 0) throw new Error('git cat-file output ended inside an object');
  }

  private startObject(line: string): void {
    const parts = line.split(' ');
    if (parts.length === 2 && parts[1] === 'missing') {
      this.options.onBlob({ sha: parts[0], size: 0, data: null, missing: true });
      return;
    }
    if (parts.length !== 3) throw new Error(`unexpected git cat-file header: ${line.slice(0, 80)}`);
    const size = Number(parts[2]);
    const keep = parts[1] === (this.options.type ?? 'blob') && size <= this.options.maxSize;
    this.unallocated = keep && size > 0 && this.options.borrow === true;
    const data = keep && !this.unallocated ? this.allocate(size) : null;
    this.current = { sha: parts[0], size, data, missing: false };
    this.filled = 0;
    this.remaining = size;
    if (size === 0) this.trailer = true;
  }

  private allocate(size: number): Buffer {
    // allocUnsafeSlow: an ArrayBuffer of its own (not a slice of Node's pool), so it can be transferred.
    return this.options.allocate ? this.options.allocate(size) : Buffer.allocUnsafeSlow(size);
  }
}
