// Decoded text → candidates. Synchronous and free of I/O so it runs alike on the main thread and in workers.
//
// Cheapest first: the rules' literal keywords are searched in the text; only windows of a few lines around a
// keyword (capped in characters, so a 5 MB minified line costs a few KB per hit) are read by the rule
// regexes, through each decoded view the rules ask for (views.ts, nested.ts). Each match then passes the
// rule's allowlist and rejection checks and entropy minimum (entropy.ts), then its context: a name attached
// to it (context.ts) or an access key ID within a few lines (pairing, below). Context-free rules (key IDs)
// are reported on the match alone.
import type { Rule } from '../rules/types.js';
import type { Candidate, Confidence } from '../types.js';
import { better, nameConfidence } from './context.js';
import { gateSecret } from './entropy.js';
import { LineIndex, linesBack, linesForward } from './lines.js';
import { findKeywords } from './prefilter.js';
import { base64Tokens } from './nested.js';
import { concatView, identityView, jsonEscapeView, originalEnd, originalStart, urlView, type View } from './views.js';

/** What the engine precomputes once per rule set. */
interface Plan {
  /** Lines of context either side of a keyword hit. */
  radius: number;
  url: boolean;
  jsonEscape: boolean;
  concat: boolean;
  base64: boolean;
}

/** Characters either side of a keyword hit that a window may span, however long its lines. */
const WINDOW_CHARS = 4096;
/** Merged windows stop growing here (a new, overlapping one starts), so decoded views stay small. */
const MAX_WINDOW = 65536;
/** Base64 tokens longer than this are not decoded (they are blobs, not values). */
const MAX_BASE64 = 16384;

const plans = new WeakMap<readonly Rule[], Plan>();

function planFor(rules: readonly Rule[]): Plan {
  let plan = plans.get(rules);
  if (plan) return plan;
  // Windows need to reach a paired key ID and a name on the line above; `near` evidence is looked up in the
  // whole text (context.ts), so it does not widen the windows.
  let radius = 3;
  for (const rule of rules) if (rule.context?.pair) radius = Math.max(radius, rule.context.pair.lines + 2);
  const uses = (decoder: string) => rules.some((rule) => rule.decoders.includes(decoder as never));
  plan = {
    radius: Math.min(radius, 40),
    url: uses('url'),
    jsonEscape: uses('json-escape'),
    concat: uses('concat'),
    base64: uses('base64'),
  };
  plans.set(rules, plan);
  return plan;
}

/** A match that passed the cheap checks, placed in the original text, before pairing. */
interface Raw {
  rule: Rule;
  start: number;
  end: number;
  secret: string;
  entropy: number;
  /** From the match alone (context-free rule) or an attached name; null = reported only if paired. */
  confidence: Confidence | null;
  /** Set when a rule's `alone` regex accepted an unnamed value. */
  aloneConfidence: Confidence | null;
  /** Found inside a decoded base64 token (the span is the whole token). */
  nested: boolean;
}

interface ScanState {
  raws: Map<string, Raw>;
  /** Spans ("start:end") of base64 tokens that decoded to text: as a whole they are encoded text, not keys. */
  textTokens: Set<string>;
}

/** `keywordHits`: where findKeywords would find keywords, when the caller already knows (src/git/pack). */
export function scanText(text: string, rules: readonly Rule[], path?: string, keywordHits?: number[]): Candidate[] {
  if (rules.length === 0 || text.length === 0) return [];
  const plan = planFor(rules);
  const windows = keywordWindows(text, keywordHits ?? findKeywords(text, rules), plan);
  if (windows.length === 0) return [];
  const state: ScanState = { raws: new Map(), textTokens: new Set() };
  for (const [from, to] of windows) scanWindow(text, from, to, rules, plan, state, path);
  const raws = [...state.raws.values()].filter((raw) => raw.nested || !state.textTokens.has(`${raw.start}:${raw.end}`));
  if (raws.length === 0) return [];
  return resolve(raws, new LineIndex(text));
}

/** Sorted, merged [from, to) windows around every keyword occurrence. */
function keywordWindows(text: string, hits: number[], plan: Plan): Array<[number, number]> {
  if (hits.length === 0) return [];
  const windows: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  for (const hit of hits) {
    // A hit well inside the current window could extend it only a little: skip it, so that dense hits on a
    // long line cost O(length), not O(hits × WINDOW_CHARS).
    if (current && hit + WINDOW_CHARS / 2 <= current[1]) continue;
    const to = linesForward(text, hit, plan.radius, hit + WINDOW_CHARS);
    if (current && hit < current[1] && to - current[0] <= MAX_WINDOW) {
      current[1] = Math.max(current[1], to);
      continue;
    }
    const from = linesBack(text, hit, plan.radius, hit - WINDOW_CHARS);
    if (current && from <= current[1] && to - current[0] <= MAX_WINDOW) current[1] = Math.max(current[1], to);
    else windows.push((current = [from, to]));
  }
  return windows;
}

/** Characters that may continue a key, token, or one of their encodings. */
function isTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 47 || code === 61 || code === 95 || code === 45 || code === 37 || code === 92;
}

/**
 * A window capped in characters may start or end inside a long run (a base64 blob on a minified line); a
 * piece of a run would look like a whole value, so the edges move off the run they cut.
 */
function trimToTokens(text: string, from: number, to: number): [number, number] {
  const limit = MAX_BASE64;
  if (from > 0 && isTokenChar(text.charCodeAt(from - 1))) {
    const stop = Math.min(to, from + limit);
    while (from < stop && isTokenChar(text.charCodeAt(from))) from++;
  }
  if (to < text.length && isTokenChar(text.charCodeAt(to))) {
    const stop = Math.max(from, to - limit);
    while (to > stop && isTokenChar(text.charCodeAt(to - 1))) to--;
  }
  return [from, to];
}

function scanWindow(text: string, start: number, end: number, rules: readonly Rule[], plan: Plan, state: ScanState, path: string | undefined): void {
  const { raws } = state;
  const [from, to] = trimToTokens(text, start, end);
  if (to <= from) return;
  const identity = identityView(text.slice(from, to), from);
  const views: View[] = [identity];
  if (plan.url) pushView(views, urlView(identity));
  if (plan.jsonEscape) for (const view of [...views]) pushView(views, jsonEscapeView(view));
  if (plan.concat) for (const view of [...views]) pushView(views, concatView(view));
  for (const view of views) {
    for (const rule of rules) {
      if (view.decoder !== 'identity' && !rule.decoders.includes(view.decoder as never)) continue;
      matchView(view, rule, text, raws, path);
    }
  }
  if (plan.base64) {
    for (const token of base64Tokens(identity.text, MAX_BASE64)) {
      scanDecodedToken(identity, token, rules, text, state, path);
    }
  }
}

function pushView(views: View[], view: View | null): void {
  if (view) views.push(view);
}

/** Calls `found` for each match of `rule` in `view` that passes the rule's cheap checks. */
function eachSecret(view: View, rule: Rule, found: (secret: string, index: number, entropy: number) => void): void {
  const { regex } = rule;
  regex.lastIndex = 0;
  for (let m = regex.exec(view.text); m; m = regex.exec(view.text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const secret = rule.secretGroup === 0 ? m[0] : m[rule.secretGroup];
    if (!secret) continue;
    const index = rule.secretGroup === 0 ? m.index : m.indices![rule.secretGroup]![0];
    const entropy = gateSecret(rule, secret);
    if (entropy !== null) found(secret, index, entropy);
  }
}

function matchView(view: View, rule: Rule, original: string, raws: Map<string, Raw>, path: string | undefined): void {
  eachSecret(view, rule, (secret, index, entropy) => {
    const start = originalStart(view, index);
    const end = originalEnd(view, index + secret.length);
    addRaw(raws, rule, start, end, secret, entropy, contextOf(rule, secret, view.text, index, original, start, path));
  });
}

function contextOf(rule: Rule, secret: string, viewText: string, index: number, original: string, start: number, path: string | undefined) {
  if (!rule.context) return { confidence: rule.confidence, alone: null };
  const confidence = nameConfidence(rule, viewText, index, original, start, path);
  const alone = rule.context.alone && rule.context.alone.regex.test(secret) ? rule.context.alone.confidence : null;
  return { confidence, alone };
}

function addRaw(raws: Map<string, Raw>, rule: Rule, start: number, end: number, secret: string, entropy: number, context: { confidence: Confidence | null; alone: Confidence | null }, nested = false): void {
  const key = `${rule.id}\0${start}\0${end}`;
  const existing = raws.get(key);
  if (existing && nested !== existing.nested) {
    // What a base64 token decodes to wins over the token itself.
    if (!nested) return;
    raws.delete(key);
  } else if (existing) {
    existing.confidence = better(existing.confidence, context.confidence);
    existing.aloneConfidence = better(existing.aloneConfidence, context.alone);
    return;
  }
  raws.set(key, { rule, start, end, secret, entropy, confidence: context.confidence, aloneConfidence: context.alone, nested });
}

/**
 * A base64 token (a Kubernetes Secret's `data:` value, a base64'd credentials file) is decoded and scanned
 * as text, with the name before the token kept in front of it so that `aws_secret_access_key: <base64>` still
 * names the decoded value. Everything found inside points at the whole token.
 */
function scanDecodedToken(identity: View, token: { index: number; text: string; decoded: string }, rules: readonly Rule[], original: string, state: ScanState, path: string | undefined): void {
  const prefix = identity.text.slice(Math.max(0, token.index - 240), token.index);
  const inner = prefix + token.decoded;
  const tokenStart = originalStart(identity, token.index);
  const tokenEnd = originalEnd(identity, token.index + token.text.length);
  state.textTokens.add(`${tokenStart}:${tokenEnd}`);
  const innerView = identityView(inner, 0);
  const views: View[] = [innerView];
  pushView(views, jsonEscapeView(innerView));
  for (const view of views) {
    for (const rule of rules) {
      eachSecret(view, rule, (secret, index, entropy) => {
        if (originalStart(view, index) < prefix.length) return; // found by the outer scan already
        addRaw(state.raws, rule, tokenStart, tokenEnd, secret, entropy, contextOf(rule, secret, view.text, index, original, tokenStart, path), true);
      });
    }
  }
}

/** Pairs secrets and tokens with nearby key IDs, drops those with neither name nor pair, places the rest. */
function resolve(all: Raw[], lines: LineIndex): Candidate[] {
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  // One secret seen through two views with different spans (`\/abc…` read raw and JSON-decoded) is one
  // finding: keep the earliest, widest span.
  const raws = all.filter((raw, i) => !all.slice(Math.max(0, i - 8), i).some((o) => o.rule === raw.rule && o.secret === raw.secret && o.end > raw.start));
  const lineOf = new Map<Raw, number>();
  for (const raw of raws) lineOf.set(raw, lines.lineOf(raw.start));
  const candidates: Candidate[] = [];
  for (const raw of raws) {
    const pair = raw.rule.context?.pair ?? null;
    let keyId: string | null = null;
    let confidence = raw.confidence;
    if (pair) {
      const partner = nearestPartner(raw, raws, lineOf, pair);
      if (partner) {
        keyId = partner.secret;
        confidence = better(confidence, pair.confidence);
      }
    }
    if (raw.rule.context) confidence = confidence ?? raw.aloneConfidence;
    if (confidence === null) continue;
    const start = lines.position(raw.start);
    const end = lines.position(raw.end);
    candidates.push({
      ruleId: raw.rule.id,
      kind: raw.rule.kind,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      secret: raw.secret,
      entropy: raw.entropy,
      confidence,
      keyId,
    });
  }
  return candidates;
}

function nearestPartner(raw: Raw, raws: Raw[], lineOf: Map<Raw, number>, pair: NonNullable<NonNullable<Raw['rule']['context']>['pair']>): Raw | null {
  const line = lineOf.get(raw)!;
  let best: Raw | null = null;
  let bestScore = Infinity;
  for (const other of raws) {
    if (other === raw || other.rule.kind !== pair.kind || other.confidence === null) continue;
    const distance = Math.abs(lineOf.get(other)! - line);
    if (distance > pair.lines) continue;
    const chars = other.start < raw.start ? raw.start - other.end : other.start - raw.end;
    if (chars > pair.chars) continue;
    // Prefer the same line, then a partner above (key ID first is the usual order), then preferred prefixes.
    let score = distance * 4 + (other.start > raw.start ? 2 : 0);
    if (pair.prefer && !pair.prefer.test(other.secret)) score += 1000;
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  }
  return best;
}
