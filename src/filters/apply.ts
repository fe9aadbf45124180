// The accept-list stage of the pipeline: path ignores, allowed secrets and the baseline each mark a located
// candidate with `allowedBy` instead of dropping it, so the summary counts what was accepted and --verbose
// lists it; nothing is ever silently dropped. Inline ignores were marked earlier, where the text was at hand
// (filters/inline.ts), and are kept. The first reason that applies wins, cheapest first: path, value, baseline.
import type { Config, ScanScope } from '../config/types.js';
import { fingerprintOf } from '../findings.js';
import type { Located } from '../types.js';
import { secretAllower } from './allow.js';
import type { Baseline } from '../config/baseline.js';
import { pathIgnorer } from './paths.js';

export function applyFilters(located: Located[], config: Config, baseline: Baseline | null, scope: ScanScope = { base: config.base, namedPaths: [] }): Located[] {
  if (located.length === 0) return located;
  const ignored = pathIgnorer(config, scope);
  const allowed = secretAllower(config);
  const known = baseline && baseline.fingerprints.size > 0 ? baseline.fingerprints : null;
  if (!ignored && !allowed && !known) return located;
  return located.map((item) => {
    if (item.allowedBy) return item;
    const reason = ignored?.(item.file)
      ? 'path'
      : allowed?.(item)
        ? 'allowlist'
        : known?.has(fingerprintOf(item.ruleId, item.file, item.secret))
          ? 'baseline'
          : undefined;
    return reason ? { ...item, allowedBy: reason } : item;
  });
}
