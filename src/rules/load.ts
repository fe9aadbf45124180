// STUB (owned by the detection-engine work): loads patterns/*.json plus the config's custom rules.
import type { Config } from '../config/types.js';
import type { Rule } from './types.js';
export function loadRules(_config: Config): Rule[] {
  return [];
}
