// STUB (owned by the configuration work): path ignores, allowed values/regexes and the baseline, marking allowedBy.
import type { Config } from '../config/types.js';
import type { Located } from '../types.js';
import type { Baseline } from './baseline.js';
export function applyFilters(located: Located[], _config: Config, _baseline: Baseline | null): Located[] {
  return located;
}
