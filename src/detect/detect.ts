// One chunk through detection: byte prefilter, decode bytes, run the rules, mark inline ignores. Pure and
// synchronous so that it runs the same on the main thread (files, staged) and on worker threads (history).
// The prefilter comes first: a chunk without any rule keyword is never decoded.
import { isAscii } from 'node:buffer';
import type { Config } from '../config/types.js';
import { createPrefilter, keywordHitsOf, prefilterKeywords } from '../engine/prefilter.js';
import { loadRules } from '../rules/load.js';
import { pathEvidence } from '../engine/context.js';
import { scanText, type WindowMemory } from '../engine/scan.js';
import { WindowMemo } from './window-memo.js';
import { markInlineIgnores } from '../filters/inline.js';
import type { Rule } from '../rules/types.js';
import { decodeBytes } from '../text/decode.js';
import type { Chunk, DetectResult } from '../types.js';

/**
 * With `chunk.keywordsAt` (every keyword occurrence already found), the prefilter is known to pass, and for
 * ASCII text byte offsets are text offsets, so the keyword search over the text is skipped too.
 */
export function detectChunk(chunk: Chunk, rules: readonly Rule[], memo?: WindowMemory): DetectResult {
  const keywordsAt = chunk.keywordsAt;
  let text: string;
  let hits: number[] | undefined;
  if (typeof chunk.data === 'string') {
    text = chunk.data;
  } else {
    if (keywordsAt === undefined && !createPrefilter(rules)(chunk.data)) return { candidates: [] };
    const decoded = decodeBytes(chunk.data);
    text = decoded.text;
    if (keywordsAt !== undefined && decoded.encoding === 'utf-8' && isAscii(chunk.data)) hits = keywordHitsOf(keywordsAt);
  }
  return { candidates: markInlineIgnores(scanText(text, rules, chunk.path, hits, memo), text) };
}

/** The rules of a configuration, their prefilter keywords, and detection with them. */
export interface Detector {
  readonly rules: readonly Rule[];
  /** Every rule keyword: bytes without any cannot hold a finding (what the pack reader judges blobs by). */
  readonly keywords: string[];
  /** Does a path itself give a rule evidence (engine/context.ts)? */
  readonly pathEvidence: (path: string) => boolean;
  detect(chunk: Chunk): DetectResult;
}

/**
 * The one way a detector is made, on the main thread and in every worker thread alike: compiled regexes
 * cannot cross threads, so a worker is handed the Config and makes the same detector from it.
 */
export function createDetector(config: Config): Detector {
  const rules = loadRules(config);
  // One per detector, so per thread: the texts one thread reads are what its windows repeat across.
  const memo = new WindowMemo();
  return { rules, keywords: prefilterKeywords(rules), pathEvidence: pathEvidence(rules), detect: (chunk) => detectChunk(chunk, rules, memo) };
}
