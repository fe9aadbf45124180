// Cheap checks on a candidate secret, run before any context is looked at (cheapest first): placeholders,
// hex digests, repeated or sequential characters, too few character classes, and Shannon entropy. Hard gates
// (placeholders, documentation keys, hex, limits no random key reaches) reject outright; soft ones (the rule's
// `reject.soft` and allowlist regexes marked `soft`) only mark the value, for the engine to weigh its context.
import type { RejectLimits, Rule } from '../rules/types.js';

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // Counted in a table, not a Map: every new value a rule gates is measured (session tokens are hundreds of
  // characters). Summed in order of first occurrence, as the Map was iterated, so every value keeps its bits.
  const order: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= COUNTED) {
      for (const seen of order) COUNTS[seen] = 0;
      return entropyOf(value);
    }
    if (COUNTS[code]++ === 0) order.push(code);
  }
  let bits = 0;
  for (const code of order) {
    const p = COUNTS[code] / value.length;
    COUNTS[code] = 0;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Character codes below this are counted in COUNTS (keys are ASCII); a value with others, in a Map. */
const COUNTED = 128;
/** Per character code, its count in the value being measured: all zero between calls. */
const COUNTS = new Uint32Array(COUNTED);

function entropyOf(value: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Length of the longest run of one repeated character. */
export function longestRepeat(value: string): number {
  let best = value.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** Length of the longest run of consecutive character codes going up or down by one (ABCD, 9876). */
export function longestSequence(value: string): number {
  let best = value.length > 0 ? 1 : 0;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return best;
}

/** How many runs of three consecutive character codes (abc, 123, ZYX) the value holds, not overlapping. */
export function sequenceRuns(value: string): number {
  let runs = 0;
  for (let i = 2; i < value.length; i++) {
    const a = value.charCodeAt(i - 2);
    const b = value.charCodeAt(i - 1);
    const c = value.charCodeAt(i);
    if ((b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1)) {
      runs++;
      i += 2;
    }
  }
  return runs;
}

/** How many of: upper-case letter, lower-case letter, digit, other character. */
export function characterClasses(value: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return upper + lower + digit + other;
}

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Reads like words rather than random base32/base64: no digit, at least half of the letters vowels, and never
 * more than three consonants in a row (ASIAPACIFICSINGAPORE). Random AKIA keys read so about 4 times in
 * 10,000 (measured), so it is a soft gate (aws-access-key-id.json `reject.soft.words`): such a key ID is still
 * reported when a named secret that passes every gate sits next to it (engine/scan.ts).
 */
export function looksLikeWords(value: string): boolean {
  let letters = 0;
  let vowels = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) | 0x20;
    if (c >= 0x30 && c <= 0x39) return false;
    if (c < 0x61 || c > 0x7a) continue;
    letters++;
    if (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75) {
      vowels++;
      run = 0;
    } else if (++run > 3) return false;
  }
  return letters > 0 && vowels * 100 >= letters * 50;
}

/** A value that passed the hard gates: its entropy, and the first soft gate it failed (null = none). */
export interface Gate {
  entropy: number;
  soft: string | null;
}

/** The first of `limits` that `secret` breaks, or null. */
function broken(limits: RejectLimits, secret: string): string | null {
  if (limits.maxRepeat > 0 && longestRepeat(secret) > limits.maxRepeat) return 'maxRepeat';
  if (limits.maxSequence > 0 && longestSequence(secret) >= limits.maxSequence) return 'maxSequence';
  if (limits.maxSequenceRuns > 0 && sequenceRuns(secret) > limits.maxSequenceRuns) return 'maxSequenceRuns';
  if (limits.minClasses > 0 && characterClasses(secret) < limits.minClasses) return 'minClasses';
  if (limits.words && looksLikeWords(secret)) return 'words';
  return null;
}

/** Null if `secret` fails one of the rule's hard gates, else its entropy and the soft gate it fails, if any. */
export function gateSecret(rule: Rule, secret: string): Gate | null {
  // AWS's documentation keys and a project's own fixtures come back thousands of times in a history: each
  // rule's verdicts on the values it saw last are kept (the gates are pure), up to GATE_MEMORY of them.
  let seen = gates.get(rule);
  if (seen === undefined) gates.set(rule, (seen = new Map()));
  const known = seen.get(secret);
  if (known !== undefined) return known;
  const gate = judgeSecret(rule, secret);
  if (seen.size >= GATE_MEMORY) seen.clear();
  // A copy: the value is a slice of the text it was found in, and a slice keeps that whole text alive.
  seen.set(` ${secret}`.slice(1), gate);
  return gate;
}

const gates = new WeakMap<Rule, Map<string, Gate | null>>();
const GATE_MEMORY = 4096;

function judgeSecret(rule: Rule, secret: string): Gate | null {
  const { allowlist, reject } = rule;
  if (allowlist.stopwords.length > 0) {
    const lower = secret.toLowerCase();
    for (const word of allowlist.stopwords) if (lower.includes(word)) return null;
  }
  for (const { regex, soft } of allowlist.regexes) if (!soft && regex.test(secret)) return null;
  if (reject.hex && HEX.test(secret)) return null;
  if (broken(reject, secret) !== null) return null;
  const entropy = shannonEntropy(secret);
  if (entropy < rule.entropy) return null;
  let failed: string | null = null;
  for (const { regex, soft } of allowlist.regexes) {
    if (soft && regex.test(secret)) {
      failed = `allowlist ${regex.source}`;
      break;
    }
  }
  if (failed === null && reject.soft) failed = broken(reject.soft, secret);
  return { entropy, soft: failed };
}
