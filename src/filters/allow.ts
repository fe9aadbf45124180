// Allowed secrets: exact values and regexes from the config's `allow` section, global or for one rule. A value
// or regex is tested against the secret and against the access key ID it is paired with, so allowing a test
// key's ID also allows its secret key. Regexes were checked for catastrophic backtracking when the config was
// loaded (rules/regex.ts) and only ever see one secret, never a whole line or file.
import type { Config } from '../config/types.js';
import { compileRegex } from '../rules/regex.js';
import type { Candidate } from '../types.js';

type Allower = (candidate: Candidate) => boolean;

/** Returns a predicate over candidates, or null when the config allows nothing. */
export function secretAllower(config: Config): Allower | null {
  if (config.allowSecrets.length === 0 && config.allowRegexes.length === 0) return null;
  const everywhere = new Set<string>();
  const byRule = new Map<string, Set<string>>();
  for (const { value, ruleId } of config.allowSecrets) {
    if (ruleId === undefined) everywhere.add(value);
    else byRule.set(ruleId, (byRule.get(ruleId) ?? new Set()).add(value));
  }
  const where = config.source ?? 'configuration';
  const regexes = config.allowRegexes.map(({ regex, ruleId }, i) => ({ ruleId, regex: compileRegex(regex, '', `${where}: allow regex ${i + 1}`) }));
  return (candidate) => {
    const values = candidate.keyId && candidate.keyId !== candidate.secret ? [candidate.secret, candidate.keyId] : [candidate.secret];
    const forRule = byRule.get(candidate.ruleId);
    for (const value of values) {
      if (everywhere.has(value) || forRule?.has(value)) return true;
      for (const { ruleId, regex } of regexes) {
        if (ruleId !== undefined && ruleId !== candidate.ruleId) continue;
        regex.lastIndex = 0;
        if (regex.test(value)) return true;
      }
    }
    return false;
  };
}
