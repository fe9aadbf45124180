// STUB (owned by the detection-engine work): finds candidates in decoded text.
import type { Rule } from '../rules/types.js';
import type { Candidate } from '../types.js';
export function scanText(_text: string, _rules: readonly Rule[], _path?: string): Candidate[] {
  return [];
}
