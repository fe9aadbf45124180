// STUB (owned by the detection-engine work): a compiled rule.
import type { Kind } from '../types.js';
export interface Rule {
  id: string;
  kind: Kind;
  description: string;
}
