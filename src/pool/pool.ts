// Detection on every core: a fixed set of worker threads, each with its own copy of the rules. Blobs are
// sent as transferred ArrayBuffers (no copy) to the least busy worker; `pendingBytes` lets the reader stop
// reading git's output while the workers are behind, which is what bounds memory on a huge history.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/types.js';
import { RuntimeError } from '../errors.js';
import type { DetectResult } from '../types.js';
import type { Answer, Job } from './worker.js';

interface Slot {
  worker: Worker;
  /** Bytes sent to this worker and not yet answered. */
  pending: number;
}

/** A batch is sent when it holds this many bytes or jobs (or at the next turn of the event loop). */
const BATCH_BYTES = 1024 * 1024;
const BATCH_JOBS = 256;
/** Returned buffers kept for reuse, by power-of-two size class, up to this many bytes in all. */
const SPARE_BYTES = 24 * 1024 * 1024;
const SMALLEST_CLASS = 4096;

interface Waiting {
  resolve(result: DetectResult): void;
  reject(error: Error): void;
  bytes: number;
}

export class DetectPool {
  private slots: Slot[] = [];
  private waiting = new Map<number, Waiting>();
  private nextId = 0;
  private drainWaiters: Array<{ below: number; resolve(): void }> = [];
  private broken: Error | null = null;
  private batch: Job[] = [];
  private batchBytes = 0;
  private flushScheduled = false;
  private spare = new Map<number, ArrayBuffer[]>();
  private spareBytes = 0;
  pendingBytes = 0;

  constructor(config: Config, size = defaultSize()) {
    const url = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: { config } });
      const slot: Slot = { worker, pending: 0 };
      worker.on('message', (answers: Answer[]) => {
        for (const answer of answers) this.answer(slot, answer);
      });
      worker.on('error', (error) => this.fail(new RuntimeError(`detection worker failed: ${error.message}`)));
      this.slots.push(slot);
    }
  }

  /**
   * A buffer for a blob of `size` bytes, backed by a recycled ArrayBuffer when one is free. Blobs sent to
   * detect() should live in these: their ArrayBuffer is transferred to a worker and comes back for reuse.
   */
  allocate(size: number): Buffer {
    const sizeClass = Math.max(SMALLEST_CLASS, 2 ** Math.ceil(Math.log2(Math.max(size, 1))));
    const free = this.spare.get(sizeClass)?.pop();
    if (free !== undefined) this.spareBytes -= sizeClass;
    return Buffer.from(free ?? new ArrayBuffer(sizeClass), 0, size);
  }

  /** Scans `data` (from allocate(), or owning its whole ArrayBuffer) on a worker; `data` is unusable afterwards. */
  detect(path: string, data: Buffer): Promise<DetectResult> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    this.pendingBytes += data.length;
    let bytes = data.buffer as ArrayBuffer;
    if (data.byteOffset !== 0) bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const promise = new Promise<DetectResult>((resolve, reject) => this.waiting.set(id, { resolve, reject, bytes: data.length }));
    this.batch.push({ id, path, bytes, length: data.length });
    this.batchBytes += data.length;
    if (this.batchBytes >= BATCH_BYTES || this.batch.length >= BATCH_JOBS) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return promise;
  }

  /** Sends the jobs gathered so far to the least busy worker. */
  flush(): void {
    this.flushScheduled = false;
    if (this.batch.length === 0 || this.broken) return;
    const slot = this.slots.reduce((best, candidate) => (candidate.pending < best.pending ? candidate : best));
    const jobs = this.batch;
    slot.pending += this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
    slot.worker.postMessage(jobs, jobs.map((job) => job.bytes));
  }

  /** Resolves once fewer than `below` bytes are queued. */
  drained(below: number): Promise<void> {
    this.flush();
    if (this.pendingBytes < below || this.broken) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push({ below, resolve }));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots = [];
  }

  private answer(slot: Slot, answer: Answer): void {
    const waiting = this.waiting.get(answer.id);
    if (waiting === undefined) return;
    slot.pending -= waiting.bytes;
    this.waiting.delete(answer.id);
    this.recycle(answer.bytes);
    this.pendingBytes -= waiting.bytes;
    if (answer.error !== undefined) waiting.reject(new Error(answer.error));
    else waiting.resolve(answer.result as DetectResult);
    this.drainWaiters = this.drainWaiters.filter((waiter) => {
      if (this.pendingBytes >= waiter.below) return true;
      waiter.resolve();
      return false;
    });
  }

  private recycle(bytes: ArrayBuffer): void {
    const size = bytes.byteLength;
    if ((size & (size - 1)) !== 0 || size < SMALLEST_CLASS || this.spareBytes + size > SPARE_BYTES) return;
    const list = this.spare.get(size) ?? [];
    list.push(bytes);
    this.spare.set(size, list);
    this.spareBytes += size;
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    for (const waiter of this.drainWaiters) waiter.resolve();
    this.drainWaiters = [];
  }
}

function defaultSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8));
}
