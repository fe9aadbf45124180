// One chunk through detection: byte prefilter, decode bytes, run the rules, mark inline ignores. Pure and
// synchronous so that it runs the same on the main thread (files, staged) and on worker threads (history).
// The prefilter comes first: a chunk without any rule keyword is never decoded.
import { createPrefilter } from './engine/prefilter.js';
import { scanText } from './engine/scan.js';
import { markInlineIgnores } from './filters/inline.js';
import type { Rule } from './rules/types.js';
import { decodeBytes } from './text/decode.js';
import type { Chunk, DetectResult } from './types.js';

export function detectChunk(chunk: Chunk, rules: readonly Rule[]): DetectResult {
  let text: string;
  if (typeof chunk.data === 'string') {
    text = chunk.data;
  } else {
    if (!createPrefilter(rules)(chunk.data)) return { candidates: [] };
    const decoded = decodeBytes(chunk.data);
    if ('skipped' in decoded) return { candidates: [], skipped: decoded.skipped };
    text = decoded.text;
  }
  return { candidates: markInlineIgnores(scanText(text, rules, chunk.path), text) };
}
