// STUB (owned by the configuration work): reading and writing baseline files.
import type { Finding } from '../types.js';
export interface Baseline {
  fingerprints: Set<string>;
}
export function loadBaseline(_file: string): Baseline {
  return { fingerprints: new Set() };
}
export function serializeBaseline(_findings: Finding[]): string {
  return '{}\n';
}
