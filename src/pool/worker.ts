// One detection worker: rebuilds the rules from the configuration it is given (rules hold compiled regexes,
// which cannot cross threads), then answers {id, path, bytes} with the same DetectResult detectChunk gives on
// the main thread. The bytes arrive as a transferred ArrayBuffer, so nothing is copied on the way in.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/types.js';
import { detectChunk } from '../detect.js';
import { loadRules } from '../rules/load.js';
import { createFastPrefilter } from './prefilter.js';
import type { DetectResult } from '../types.js';

export interface Job {
  id: number;
  path: string;
  bytes: ArrayBuffer;
}

export interface Answer {
  id: number;
  result?: DetectResult;
  error?: string;
}

const rules = loadRules((workerData as { config: Config }).config);
const mayHoldSecret = createFastPrefilter(rules);
const port = parentPort;
if (port === null) throw new Error('pool/worker.js must run as a worker thread');

port.on('message', (job: Job) => {
  let answer: Answer;
  try {
    const data = Buffer.from(job.bytes);
    answer = { id: job.id, result: mayHoldSecret(data) ? detectChunk({ path: job.path, data }, rules) : { candidates: [] } };
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
