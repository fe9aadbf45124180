// The rule set for one run: every patterns/*.json shipped with keywarden, plus the config's custom rules,
// minus the disabled ones, with per-rule entropy overrides. Files are read synchronously and each regex is
// compiled once, because this runs on every start-up including the pre-commit hook.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/types.js';
import { ConfigError } from '../errors.js';
import type { Rule } from './types.js';
import { compileRule } from './validate.js';
import { words } from '../words/index.js';

/** dist/rules/load.js and src/rules/load.ts both sit two levels below the package root. */
export const PATTERNS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'patterns');

/** Reads and compiles the built-in rules in `dir` (patterns/ by default), in file-name order. */
export function loadBuiltinRules(dir = PATTERNS_DIR, trusted = dir === PATTERNS_DIR): Rule[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new ConfigError(words().rules.cannotReadFolder(dir, (error as Error).message));
  }
  return names.map((name) => {
    const origin = `patterns/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch (error) {
      throw new ConfigError(words().rules.invalidJson(origin, (error as Error).message));
    }
    const rule = compileRule(raw, origin, trusted);
    if (rule.id !== name.slice(0, -'.json'.length)) throw new ConfigError(words().rules.idFileName(origin, name.slice(0, -5)));
    return rule;
  });
}

export function loadRules(config: Config, dir = PATTERNS_DIR): Rule[] {
  const rules = loadBuiltinRules(dir);
  const where = config.source ?? 'config';
  config.rules.forEach((raw, i) => rules.push(compileRule(raw, `${where}: rules[${i}]`)));

  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new ConfigError(words().rules.duplicateId(rule.origin, rule.id));
    ids.add(rule.id);
  }
  for (const id of config.disableRules) {
    if (!ids.has(id)) throw new ConfigError(words().rules.unknownDisabled(where, id));
  }
  for (const [id, minimum] of Object.entries(config.entropy)) {
    if (!ids.has(id)) throw new ConfigError(words().rules.unknownEntropy(where, id));
    if (typeof minimum !== 'number' || !Number.isFinite(minimum) || minimum < 0 || minimum > 8) {
      throw new ConfigError(words().rules.entropyRange(where, id));
    }
  }
  // A typo in a per-rule allow entry would otherwise allow nothing, silently.
  for (const { ruleId } of [...config.allowSecrets, ...config.allowRegexes]) {
    if (ruleId !== undefined && !ids.has(ruleId)) throw new ConfigError(words().rules.unknownAllow(where, ruleId));
  }
  const disabled = new Set(config.disableRules);
  return rules
    .filter((rule) => !disabled.has(rule.id))
    .map((rule) => (config.entropy[rule.id] === undefined ? rule : { ...rule, entropy: config.entropy[rule.id] }));
}
