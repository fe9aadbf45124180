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
  pending: number;
}

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
  pendingBytes = 0;

  constructor(config: Config, size = defaultSize()) {
    const url = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: { config } });
      const slot: Slot = { worker, pending: 0 };
      worker.on('message', (answer: Answer) => this.answer(slot, answer));
      worker.on('error', (error) => this.fail(new RuntimeError(`detection worker failed: ${error.message}`)));
      this.slots.push(slot);
    }
  }

  /** Scans `data` on a worker. `data` must own its ArrayBuffer (Buffer.allocUnsafeSlow): it is transferred and unusable afterwards. */
  detect(path: string, data: Buffer): Promise<DetectResult> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    const slot = this.slots.reduce((best, candidate) => (candidate.pending < best.pending ? candidate : best));
    slot.pending++;
    this.pendingBytes += data.length;
    let bytes = data.buffer as ArrayBuffer;
    if (data.byteOffset !== 0 || data.byteLength !== bytes.byteLength) bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const job: Job = { id, path, bytes };
    return new Promise<DetectResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, bytes: data.length });
      slot.worker.postMessage(job, [bytes]);
    });
  }

  /** Resolves once fewer than `below` bytes are queued. */
  drained(below: number): Promise<void> {
    if (this.pendingBytes < below || this.broken) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push({ below, resolve }));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots = [];
  }

  private answer(slot: Slot, answer: Answer): void {
    slot.pending--;
    const waiting = this.waiting.get(answer.id);
    if (waiting === undefined) return;
    this.waiting.delete(answer.id);
    this.pendingBytes -= waiting.bytes;
    if (answer.error !== undefined) waiting.reject(new Error(answer.error));
    else waiting.resolve(answer.result as DetectResult);
    this.drainWaiters = this.drainWaiters.filter((waiter) => {
      if (this.pendingBytes >= waiter.below) return true;
      waiter.resolve();
      return false;
    });
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
