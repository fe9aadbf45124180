// Baseline files: the findings a team has reviewed and accepted. An entry is a fingerprint (findings.ts: a hash
// of rule + path + secret) plus the readable facts a reviewer needs (file, rule, kind, which key); never
// the secret, a line number or a commit, so edits above a finding, rebases and squashes leave it matched, while
// the same secret pasted into another file is a new finding. The file is written one entry per line, sorted by
// file then fingerprint, keys in a fixed order, with a trailing newline: regenerating it is byte-stable, and two
// branches that each add entries for different files insert different lines and merge without conflicts.
// A baseline named inside the repository must resolve inside it (config/inside.ts), and a broken one is
// described without quoting it (config/json.ts): it may be a link to someone's credentials.
import { readFileSync } from 'node:fs';
import { requireNamedInside } from './inside.js';
import { parseJsonText } from './json.js';
import { ConfigError } from '../errors.js';
import { keyIdOf } from '../findings.js';
import type { Finding } from '../types.js';
import { words } from '../words/index.js';

/** The baseline every pre-commit hook uses (husky's, hooks/pre-commit, the pre-commit framework's: all run a
 *  bare `keywarden scan --staged`), so this is the one place that default lives: the repository's top-level
 *  .keywarden-baseline.json, when there is one and no --baseline is given. Other modes read only --baseline,
 *  and `keywarden baseline` none (it records what is found now). */
export const DEFAULT_BASELINE = '.keywarden-baseline.json';

export const BASELINE_VERSION = 1;
const ABOUT =
  'keywarden baseline: accepted findings, one per line, keyed by fingerprint (a hash of rule + file + secret; no secret is stored), sorted by file then fingerprint. Regenerate with: keywarden baseline [scan options] --output FILE';
const FINGERPRINT = /^[0-9a-f]{32}$/;
const ENTRY_KEYS = ['file', 'ruleId', 'kind', 'key'] as const;

export interface BaselineEntry {
  file: string;
  ruleId: string;
  kind?: string;
  /**
   * The access key ID, for access key IDs and the secrets paired with one, shortened to its first and last four
   * characters ("AKIA…WXYZ"): enough for a reviewer to recognise it, and not itself a match when the baseline
   * file is scanned (a whole key ID would be found in the baseline and churn it).
   */
  key?: string;
}

export interface Baseline {
  fingerprints: Set<string>;
}

/** `file` is absolute; `scope` is where the scan runs (and the repository's top level, when a git source knows it). */
export function loadBaseline(file: string, scope?: { cwd: string; top?: string }): Baseline {
  if (scope) requireNamedInside(file, scope.cwd, scope.top, words().config.baselineLabel(file));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${words().config.baselineLabel(file)}: ${code === 'ENOENT' ? words().config.baselineNoFile : words().config.cannotRead(code ?? String(error))}`);
  }
  return parseBaseline(text, file);
}

export function parseBaseline(text: string, label: string): Baseline {
  const fail = (field: string, message: string): never => {
    throw new ConfigError(`${words().config.baselineLabel(label)}: ${field ? `${field}: ` : ''}${message}`);
  };
  const conflict = /^(<<<<<<<|>>>>>>>) /m.test(text) ? words().config.baselineConflict : '';
  const value = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, words().config.baselineLabel(label), conflict);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('', words().config.baselineObject);
  const top = value as Record<string, unknown>;
  const version = top.version;
  if (version === undefined) fail('version', words().config.baselineNoVersion);
  if (version !== BASELINE_VERSION) {
    const newer = typeof version === 'number' && version > BASELINE_VERSION;
    fail('version', words().config.baselineVersion(typeof version === 'number' ? String(version) : typeof version, BASELINE_VERSION, newer));
  }
  const fingerprints = new Set<string>();
  for (const [key, entry] of Object.entries(top)) {
    if (key === 'version' || key === 'about') continue;
    if (!FINGERPRINT.test(key)) fail(key, words().config.baselineKey);
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) fail(key, words().config.baselineEntry);
    const record = entry as Record<string, unknown>;
    for (const field of Object.keys(record)) if (!(ENTRY_KEYS as readonly string[]).includes(field)) fail(`${key}.${field}`, words().config.baselineUnknownKey(ENTRY_KEYS.join(', ')));
    if (typeof record.file !== 'string' || record.file === '') fail(`${key}.file`, words().config.baselineFile);
    if (typeof record.ruleId !== 'string' || record.ruleId === '') fail(`${key}.ruleId`, words().config.baselineRuleId);
    for (const field of ['kind', 'key']) if (record[field] !== undefined && typeof record[field] !== 'string') fail(`${key}.${field}`, words().config.baselineString);
    fingerprints.add(key);
  }
  return { fingerprints };
}

/**
 * One line per fingerprint between a fixed first line ("about") and a fixed last line ("version"), so every entry
 * line ends with a comma and adding one never edits a neighbour: changes are pure insertions, which git merges
 * cleanly unless two branches insert at the very same place (and then "keep both" is always right).
 */
export function serializeBaseline(findings: readonly Finding[]): string {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (entries.has(finding.fingerprint)) continue;
    const keyId = keyIdOf(finding);
    entries.set(finding.fingerprint, { file: finding.file, ruleId: finding.ruleId, kind: finding.kind, ...(keyId ? { key: shorten(keyId) } : {}) });
  }
  const sorted = [...entries].sort(([fa, a], [fb, b]) => compare(a.file, b.file) || compare(fa, fb));
  const lines = sorted.map(([fingerprint, entry]) => `  ${JSON.stringify(fingerprint)}: ${JSON.stringify(entry)},\n`);
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n${lines.join('')}  "version": ${BASELINE_VERSION}\n}\n`;
}

function shorten(keyId: string): string {
  return keyId.length > 12 ? `${keyId.slice(0, 4)}…${keyId.slice(-4)}` : keyId;
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
