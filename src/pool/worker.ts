// One detection worker: rebuilds the rules from the configuration it is given (rules hold compiled regexes,
// which cannot cross threads), then answers each batch of {id, path, bytes} jobs with the same DetectResults
// detectChunk gives on the main thread. Bytes arrive as transferred ArrayBuffers: nothing is copied on the
// way in. Jobs come in batches because one message per small blob cost more than scanning it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/types.js';
import { detectChunk } from '../detect.js';
import { loadRules } from '../rules/load.js';
import type { DetectResult } from '../types.js';

export interface Job {
  id: number;
  path: string;
  /** The blob is the first `length` bytes; the buffer is sent back with the answer for reuse. */
  bytes: ArrayBuffer;
  length: number;
}

export interface Answer {
  id: number;
  bytes: ArrayBuffer;
  result?: DetectResult;
  error?: string;
}

const rules = loadRules((workerData as { config: Config }).config);
const port = parentPort;
if (port === null) throw new Error('pool/worker.js must run as a worker thread');

port.on('message', (jobs: Job[]) => {
  const answers: Answer[] = [];
  for (const job of jobs) {
    try {
      // detectChunk starts with the engine's byte prefilter: most blobs are never decoded.
      answers.push({ id: job.id, bytes: job.bytes, result: detectChunk({ path: job.path, data: Buffer.from(job.bytes, 0, job.length) }, rules) });
    } catch (error) {
      answers.push({ id: job.id, bytes: job.bytes, error: error instanceof Error ? error.message : String(error) });
    }
  }
  // Returning the buffers (transferred, not copied) lets the main thread reuse them: memory stays bounded by
  // what is in flight instead of by how lazily this thread's garbage collector frees dead ArrayBuffers.
  port.postMessage(answers, answers.map((answer) => answer.bytes));
});
