// Parsed JSON → Config, checked field by field by hand. A JSON Schema validator (ajv) would cost more to load
// than the whole pre-commit scan, so the rules live here and schema/keywarden.schema.json mirrors them for
// editors; test/config-schema.test.ts feeds both the same sample configs so they cannot drift apart.
// Every error is one line naming the file and the field: `.keywarden.json: allow.regexes[2]: …`.
// Keys are checked against fixed lists and maps keyed by rule id reject `__proto__`-like names, so a config
// can neither pollute prototypes nor smuggle in fields; nothing in a value is ever evaluated.
import { ConfigError } from '../errors.js';
import { compileRegex } from '../rules/regex.js';
import { defaultConfig, type Config } from './types.js';
import { quoteFromFile } from '../text/quote.js';
import { words } from '../words/index.js';

/** The config file's top-level keys, in documentation order. */
export const CONFIG_KEYS = ['$schema', '$comment', 'ignorePaths', 'allow', 'disableRules', 'entropy', 'rules', 'maxFileSize', 'accounts', 'archives'] as const;
const ARCHIVE_KEYS = ['maxDepth', 'maxBytes', 'maxEntries', 'maxRatio'] as const;
const ALLOW_KEYS = ['secrets', 'regexes', 'rules'] as const;
const RULE_ALLOW_KEYS = ['secrets', 'regexes'] as const;

/** Rule ids as the rule loader accepts them (rules/validate.ts); also keeps `__proto__` and the like out of maps. */
export const RULE_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Shannon entropy of a string is at most log2 of its alphabet: 8 bits per character for bytes. */
const MAX_ENTROPY = 8;
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(b|kb?|kib|mb?|mib|gb?|gib)?\s*$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/**
 * Validates `value` (the parsed config) and returns the Config it describes.
 * `label` names the file in errors; `prefix` is the field path of the config inside it ("keywarden." in package.json).
 */
export function validateConfig(value: unknown, where: { label: string; prefix: string; source: string; root: string; base: string }): Config {
  const place = (field: string): string => `${where.label}: ${where.prefix}${field}`;
  const fail = (field: string, message: string): never => {
    throw new ConfigError(`${place(field)}${field ? ': ' : ''}${message}`);
  };
  const config = defaultConfig(where.root);
  config.source = where.source;
  config.base = where.base;
  const top = object(value, '', fail, words().config.check.topObject);
  checkKeys(top, CONFIG_KEYS, '', fail);

  for (const key of ['$schema', '$comment']) if (has(top, key) && typeof top[key] !== 'string') fail(key, words().config.check.string(typeName(top[key])));
  if (has(top, 'ignorePaths')) config.ignorePaths = strings(top.ignorePaths, 'ignorePaths', fail).map((glob, i) => checkGlob(glob, `ignorePaths[${i}]`, fail));
  if (has(top, 'allow')) readAllow(top.allow, config, place, fail);
  if (has(top, 'disableRules')) config.disableRules = strings(top.disableRules, 'disableRules', fail).map((id, i) => checkRuleId(id, `disableRules[${i}]`, fail));
  if (has(top, 'entropy')) {
    const map = object(top.entropy, 'entropy', fail);
    const entropy: Record<string, number> = Object.create(null);
    for (const [id, minimum] of Object.entries(map)) {
      const field = `entropy.${quoteFromFile(id)}`;
      checkRuleId(id, field, fail);
      if (typeof minimum !== 'number' || !Number.isFinite(minimum)) fail(field, words().config.check.entropyNumber(typeName(minimum)));
      if ((minimum as number) < 0 || (minimum as number) > MAX_ENTROPY) fail(field, words().config.check.entropyRange(MAX_ENTROPY, String(minimum)));
      entropy[id] = minimum as number;
    }
    config.entropy = entropy;
  }
  if (has(top, 'rules')) {
    if (!Array.isArray(top.rules)) fail('rules', words().config.check.rulesArray(typeName(top.rules)));
    (top.rules as unknown[]).forEach((rule, i) => object(rule, `rules[${i}]`, fail, words().config.check.ruleObject(typeName(rule))));
    config.rules = top.rules as unknown[];
  }
  if (has(top, 'maxFileSize')) config.maxFileSize = size(top.maxFileSize, 'maxFileSize', fail);
  if (has(top, 'accounts')) {
    config.accounts = strings(top.accounts, 'accounts', fail).map((id, i) => {
      if (!ACCOUNT_ID.test(id)) fail(`accounts[${i}]`, words().config.check.accountId(quoteFromFile(id)));
      return id;
    });
  }
  if (has(top, 'archives')) {
    const archives = object(top.archives, 'archives', fail);
    checkKeys(archives, ARCHIVE_KEYS, 'archives.', fail);
    if (has(archives, 'maxBytes')) config.archives.maxBytes = size(archives.maxBytes, 'archives.maxBytes', fail);
    for (const key of ['maxDepth', 'maxEntries', 'maxRatio'] as const) {
      if (!has(archives, key)) continue;
      const value = archives[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`archives.${key}`, words().config.check.positive(typeof value === 'number' ? String(value) : typeName(value)));
      config.archives[key] = value as number;
    }
  }
  return config;
}

type Fail = (field: string, message: string) => never;

type Place = (field: string) => string;

function readAllow(value: unknown, config: Config, place: Place, fail: Fail): void {
  const allow = object(value, 'allow', fail);
  checkKeys(allow, ALLOW_KEYS, 'allow.', fail);
  readValues(allow, 'allow.', undefined, config, place, fail);
  if (!has(allow, 'rules')) return;
  const perRule = object(allow.rules, 'allow.rules', fail);
  for (const [id, entry] of Object.entries(perRule)) {
    const field = `allow.rules.${quoteFromFile(id)}`;
    checkRuleId(id, field, fail);
    const lists = object(entry, field, fail);
    checkKeys(lists, RULE_ALLOW_KEYS, `${field}.`, fail);
    readValues(lists, `${field}.`, id, config, place, fail);
  }
}

function readValues(lists: Record<string, unknown>, field: string, ruleId: string | undefined, config: Config, place: Place, fail: Fail): void {
  const scope = ruleId === undefined ? {} : { ruleId };
  if (has(lists, 'secrets')) {
    strings(lists.secrets, `${field}secrets`, fail).forEach((secret, i) => {
      if (secret.length === 0) fail(`${field}secrets[${i}]`, words().config.check.emptySecret);
      config.allowSecrets.push({ value: secret, ...scope });
    });
  }
  if (has(lists, 'regexes')) {
    strings(lists.regexes, `${field}regexes`, fail).forEach((regex, i) => {
      if (regex.length === 0) fail(`${field}regexes[${i}]`, words().config.check.emptyRegex);
      // compileRegex rejects invalid and catastrophic-backtracking regexes with a ConfigError naming `where`.
      compileRegex(regex, '', place(`${field}regexes[${i}]`));
      config.allowRegexes.push({ regex, ...scope });
    });
  }
}

function checkKeys(value: Record<string, unknown>, known: readonly string[], field: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = suggest(key, known);
    fail(`${field}${quoteFromFile(key)}`, words().config.check.unknownKey(hint ?? null, known.join(', ')));
  }
}

function checkRuleId(id: string, field: string, fail: Fail): string {
  if (!RULE_ID.test(id)) fail(field, words().config.check.ruleId(quoteFromFile(id)));
  return id;
}

function checkGlob(glob: string, field: string, fail: Fail): string {
  if (glob.trim() === '' || glob === '!') fail(field, words().config.check.emptyGlob);
  if (glob.includes('\\')) fail(field, words().config.check.globBackslash);
  if (/(^|\/)\.\.(\/|$)/.test(glob)) fail(field, words().config.check.globParent);
  return glob;
}

function size(value: unknown, field: string, fail: Fail): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) fail(field, words().config.check.bytes(String(value)));
    return value;
  }
  if (typeof value === 'string') {
    const match = SIZE.exec(value);
    if (match) {
      const bytes = Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]);
      if (bytes >= 1) return bytes;
    }
    fail(field, words().config.check.sizeText(quoteFromFile(value)));
  }
  return fail(field, words().config.check.size(typeName(value)));
}

function strings(value: unknown, field: string, fail: Fail): string[] {
  if (!Array.isArray(value)) fail(field, words().config.check.strings(typeName(value)));
  (value as unknown[]).forEach((item, i) => {
    if (typeof item !== 'string') fail(`${field}[${i}]`, words().config.check.string(typeName(item)));
  });
  return value as string[];
}

function object(value: unknown, field: string, fail: Fail, message?: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(field, message ?? words().config.check.object(typeName(value)));
  return value as Record<string, unknown>;
}

/** Own keys only: JSON.parse makes `"__proto__"` an own key, and an inherited one must never count. */
function has(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function typeName(value: unknown): string {
  const names = words().config.check.types;
  if (value === null) return 'null';
  if (Array.isArray(value)) return names.array;
  if (typeof value === 'object') return names.object;
  if (typeof value === 'string') return names.string(quoteFromFile(value));
  return `${typeof value} ${String(value)}`;
}


/** The known key closest to a misspelt one (edit distance ≤ 2, or a case-only difference). */
export function suggest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
