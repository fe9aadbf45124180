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
import { attachedNames, better, nameConfidence, type AttachedNames } from './context.js';
import { gateSecret, type Gate } from './entropy.js';
import { LineIndex, lineSteps, type LineSteps } from './lines.js';
import { containsLiteral, findKeywords } from './prefilter.js';
import { base64Tokens, jsonSegments } from './nested.js';
import { eachLongRun, isKeyChar } from './runs.js';
import { eachMatch } from './starts.js';
import { concatView, DECODER_MARKERS, htmlView, identityView, jsonEscapeView, originalEnd, originalStart, urlView, VALUE_BREAKS, type View } from './views.js';

/** What the engine precomputes once per rule set. */
interface Plan {
  /** Lines of context either side of a keyword hit. */
  radius: number;
  url: boolean;
  jsonEscape: boolean;
  html: boolean;
  concat: boolean;
  base64: boolean;
  /** Rules whose matches span more lines than `radius` (spanLines), with the wider radius their own keywords get. */
  wide: Array<{ rules: Rule[]; radius: number }>;
  /** Markers of the decoders in use that can hide a keyword (views.ts DECODER_MARKERS). */
  markers: string[];
  /** Keywords that only rules with a valueRun use (names: `aws`, `secretKey`), by first character. */
  names: Map<number, string[]>;
  /** The other keywords, by first character: a hit of one of these always opens a window. */
  values: Map<number, string[]>;
  /** The shortest valueRun of those rules. */
  longRun: number;
  /** How far from a `\` or `&` a keyword that decoding reveals may reach: the longest keyword and one escaped character. */
  escapeReach: number;
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
  radius = Math.min(radius, 40);
  const wideLines = [...new Set(rules.filter((rule) => rule.spanLines > radius).map((rule) => rule.spanLines))];
  const wide = wideLines.map((lines) => ({ rules: rules.filter((rule) => rule.spanLines === lines), radius: lines }));
  plan = {
    radius,
    url: uses('url'),
    jsonEscape: uses('json-escape'),
    html: uses('html'),
    concat: uses('concat'),
    base64: uses('base64'),
    wide,
    markers: [...new Set(rules.flatMap((rule) => rule.decoders.flatMap((decoder) => DECODER_MARKERS[decoder] ?? [])))],
    escapeReach: ESCAPED_CHAR + Math.max(0, ...rules.flatMap((rule) => rule.keywords.map((keyword) => keyword.length))),
    ...keywordRoles(rules),
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
  /** The key ID the value names itself (rule.keyIdFrom), else null. */
  keyId: string | null;
  /** Failed a soft gate (entropy.ts): reported only when `rescued`. */
  soft: boolean;
}

/**
 * A match as a window's reading produces it, before its confidence (which `near` evidence may take from outside
 * the window): what a window memo (detect/window-memo.ts) keeps, with start and end relative to the window.
 */
export interface Match {
  rule: Rule;
  start: number;
  end: number;
  secret: string;
  gate: Gate;
  /** The names attached in the view; null for a rule without context (its own confidence applies). */
  names: AttachedNames | null;
  alone: Confidence | null;
  nested: boolean;
  keyId: string | null;
}

/** What replaying a window needs: its matches and the spans of its base64 tokens that decoded to text. */
export interface WindowReading {
  matches: Match[];
  tokens: number[];
}

/**
 * Windows read before, kept by the caller across the texts of a run (detect/window-memo.ts): their readings by a
 * key of their text, per rule set. The engine replays a reading instead of reading the window again.
 */
export interface WindowMemory {
  /** A key for text[from, to) that only the same text has, or null when the window is not worth keeping. */
  keyOf(text: string, from: number, to: number): string | null;
  recall(rules: object, key: string): WindowReading | undefined;
  remember(rules: object, key: string, reading: WindowReading): void;
}

interface ScanState {
  text: string;
  path: string | undefined;
  raws: Map<string, Raw>;
  /** Spans ("start:end") of base64 tokens that decoded to text: as a whole they are encoded text, not keys. */
  textTokens: Set<string>;
  /** Rule and span keys of the raws found inside decoded tokens. */
  nestedSpans: Set<string>;
  memo: WindowMemory | undefined;
  /** The reading of the window being read, when it is to be remembered. */
  reading: WindowReading | null;
}

/**
 * `keywordHits`: where findKeywords would find keywords, when the caller already knows (src/git/pack).
 * `memo`: windows of earlier texts and their readings (WindowMemory), kept by the caller across a run's texts.
 */
export function scanText(text: string, rules: readonly Rule[], path?: string, keywordHits?: number[], memo?: WindowMemory): Candidate[] {
  if (rules.length === 0 || text.length === 0) return [];
  const plan = planFor(rules);
  const found = keywordHits ?? findKeywords(text, rules);
  const hidden = hiddenKeywordHits(text, rules);
  if (found.length === 0 && hidden.length === 0) return [];
  // Asked for many times per text where hits are many: line starts found once (lines.ts).
  const steps = lineSteps(text);
  let hits = valueHits(text, found, plan, steps);
  if (hidden.length > 0) hits = [...new Set([...hits, ...hidden])].sort((a, b) => a - b);
  const windows = keywordWindows(text, hits, plan.radius, steps);
  const state: ScanState = { text, path, raws: new Map(), textTokens: new Set(), nestedSpans: new Set(), memo, reading: null };
  for (const [from, to] of windows) scanWindow(text, from, to, rules, plan, state);
  // Matches spanning many lines (a PEM block) get wider windows, around their own rules' keywords only.
  for (const group of plan.wide) {
    for (const [from, to] of keywordWindows(text, findKeywords(text, group.rules), group.radius, steps)) scanWindow(text, from, to, group.rules, plan, state);
  }
  if (state.raws.size === 0) return [];
  const raws = [...state.raws.values()].filter((raw) => raw.nested || !state.textTokens.has(`${raw.start}:${raw.end}`));
  const named = new Set(raws.filter((raw) => raw.confidence !== null).map((raw) => raw.rule.kind));
  if (!raws.some((raw) => mayReport(raw, named))) return [];
  return resolve(raws, new LineIndex(text));
}

/** The longest VALUE_BREAKS match, about (a concatenation across a few continued lines). */
const BREAK_CHARS = 256;

/** A keyword inside a run of key-alphabet characters this long is part of a value (AKIA…, IQoJb3Jp…, QUtJQ…). */
const VALUE_RUN = 16;

function keywordRoles(rules: readonly Rule[]): Pick<Plan, 'names' | 'values' | 'longRun'> {
  const value = new Set(rules.filter((rule) => rule.valueRun === 0).flatMap((rule) => rule.keywords));
  const long = rules.filter((rule) => rule.valueRun > 0);
  const byFirst = (keywords: Iterable<string>) => {
    const map = new Map<number, string[]>();
    for (const keyword of new Set(keywords)) if (keyword.length > 0) (map.get(keyword.charCodeAt(0)) ?? map.set(keyword.charCodeAt(0), []).get(keyword.charCodeAt(0))!).push(keyword);
    return map;
  };
  return {
    names: byFirst(long.flatMap((rule) => rule.keywords).filter((keyword) => !value.has(keyword))),
    values: byFirst(value),
    longRun: long.length > 0 ? Math.min(...long.map((rule) => rule.valueRun)) : 0,
  };
}

/**
 * What the history's pack reader (src/sources/git/pack/keyword-blobs.ts) needs to judge a blob as valueHits
 * would, or null when the rules have no name keywords: the keywords whose hit always opens a window (value
 * keywords, decoder markers, the keywords of wide rules) and the shortest valueRun. A blob whose only keywords
 * are names can give a finding only if it holds a value somewhere (mayHoldValue).
 */
export function valueAnchors(rules: readonly Rule[]): { anchors: string[]; longRun: number } | null {
  const plan = planFor(rules);
  if (plan.names.size === 0) return null;
  const names = new Set([...plan.names.values()].flat());
  for (const group of plan.wide) for (const rule of group.rules) for (const keyword of rule.keywords) names.delete(keyword);
  const anchors = [...new Set([...rules.flatMap((rule) => rule.keywords), ...plan.markers])].filter((keyword) => !names.has(keyword));
  return { anchors, longRun: plan.longRun };
}

/**
 * Could text (bytes read as latin1: key characters and VALUE_BREAKS are ASCII, which UTF-8 keeps as is) hold a
 * value for a valueRun rule anywhere: a run of `longRun` key characters or an encoding a view could join into
 * one? Anywhere, where valueHits looks only within a name's reach: so "no" here means valueHits keeps no name hit.
 */
export function mayHoldValue(text: string, longRun: number): boolean {
  let found = false;
  // One run is enough: the pack reader asks this of whole blobs, many of them megabytes of fixtures.
  eachLongRun(text, longRun, () => {
    found = true;
    return false;
  });
  if (found) return true;
  VALUE_BREAKS.lastIndex = 0;
  const broken = VALUE_BREAKS.test(text);
  VALUE_BREAKS.lastIndex = 0;
  return broken;
}

/**
 * The keyword hits worth a window. A keyword that only rules with a `valueRun` use (a secret key, a session
 * token: values that are a long run of key characters) is a name (`aws`, `AWS_SECRET_ACCESS_KEY`, `secretKey:`),
 * evidence next to a value: its hit opens a window only where a value could be, that is a run that long or an
 * encoding a decoded view could turn into one (VALUE_BREAKS), within the window's reach (one line more than
 * the windows' radius, the same cap in characters). Any other keyword hit (`AKIA…`, `da2-`, `-at-`) always
 * does, and so does a name inside a value-shaped run. Files that mention AWS on every line (SDK code, moto's
 * tests, CloudFormation) then cost one pass for runs and one regex, not every rule and view over all the text.
 */
function valueHits(text: string, hits: number[], plan: Plan, steps: LineSteps): number[] {
  if (plan.names.size === 0 || hits.length === 0) return hits;
  let names = 0;
  const name = new Uint8Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    if (isNameHit(text, hits[i], plan)) {
      name[i] = 1;
      names++;
    }
  }
  if (names === 0) return hits;
  const radius = plan.radius;
  const reaches: number[] = [];
  // A sign's reach is skipped when it lies inside the last one pushed: it starts no earlier (a reach's start only
  // grows with its sign's: `lastSign`, not the reach's own start, which a sign before it may reach past) and
  // ends no later. Signs come in order within each pass, but a stretch's breaks follow its runs.
  let lastSign = -1;
  const reach = (start: number, end: number): void => {
    const last = reaches.length - 1;
    if (last > 0 && start >= lastSign && end + WINDOW_CHARS <= reaches[last]) return;
    reaches.push(steps.back(start, radius + 1, start - WINDOW_CHARS), steps.forward(end, radius + 1, end + WINDOW_CHARS));
    lastSign = start;
  };
  // A sign whose reach holds a name hit lies within WINDOW_CHARS of it (reaches are capped so): only those
  // stretches are searched, so a file naming AWS once costs a window, not a pass over all of it.
  // (Merged as they come, as mergeRanges would: their starts ascend with the hits.)
  const stretches: number[] = [];
  for (let i = 0; i < hits.length; i++) {
    if (name[i] === 0) continue;
    const from = Math.max(0, hits[i] - WINDOW_CHARS - BREAK_CHARS);
    const to = Math.min(text.length, hits[i] + WINDOW_CHARS + 1);
    const last = stretches.length - 1;
    if (last > 0 && from <= stretches[last]) stretches[last] = Math.max(stretches[last], to);
    else stretches.push(from, to);
  }
  // One pass of the breaks' regex for all stretches: restarting it at each stretch would search on past the
  // stretch's end to the next break (to the end of a file that has none), once per stretch. A match found from
  // an earlier place that starts inside the stretch is the one a search from its start would find; one that
  // starts before it is searched again from its start.
  let m: RegExpExecArray | null = null;
  let searched = false;
  for (let s = 0; s < stretches.length; s += 2) {
    const [from, to] = [stretches[s], stretches[s + 1]];
    eachLongRun(text, plan.longRun, reach, from, to);
    if (!searched || (m !== null && m.index < from)) {
      VALUE_BREAKS.lastIndex = from;
      m = VALUE_BREAKS.exec(text);
      searched = true;
    }
    // (m null: no break from here to the end, so none in the later stretches either.)
    for (; m && m.index < to; m = VALUE_BREAKS.exec(text)) reach(m.index, m.index + m[0].length);
  }
  VALUE_BREAKS.lastIndex = 0;
  const merged = mergeRanges(reaches);
  const kept: number[] = [];
  let r = 0;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    while (r < merged.length && merged[r + 1] <= hit) r += 2;
    if (name[i] === 0 || (r < merged.length && merged[r] <= hit)) kept.push(hit);
  }
  return kept;
}

/** A hit of a name keyword only (none of the value keywords starts there) that is not inside a value-shaped run. */
function isNameHit(text: string, at: number, plan: Plan): boolean {
  const first = text.charCodeAt(at);
  const names = plan.names.get(first);
  if (names === undefined || !names.some((keyword) => text.startsWith(keyword, at))) return false;
  const values = plan.values.get(first);
  if (values !== undefined && values.some((keyword) => text.startsWith(keyword, at))) return false;
  return !inValueRun(text, at);
}

function inValueRun(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && at - from < VALUE_RUN && isKeyChar(text.charCodeAt(from - 1))) from--;
  let to = at;
  while (to < text.length && to - from < VALUE_RUN && isKeyChar(text.charCodeAt(to))) to++;
  return to - from >= VALUE_RUN;
}

/** Flat [from, to, ...] ranges, sorted and merged. */
function mergeRanges(flat: number[]): number[] {
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < flat.length; i += 2) {
    if (i > 0 && flat[i] < flat[i - 2]) sorted = false;
    order.push(i);
  }
  // Ranges around hits (a million in an AWS-heavy text) come in order, which a stable sort would keep: not sorted.
  if (!sorted) order.sort((a, b) => flat[a] - flat[b]);
  const merged: number[] = [];
  for (const i of order) {
    const last = merged.length - 1;
    if (last > 0 && flat[i] <= merged[last]) merged[last] = Math.max(merged[last], flat[i + 1]);
    else merged.push(flat[i], flat[i + 1]);
  }
  return merged;
}

/**
 * Keywords hidden behind an encoding (`&#65;KIA…`, `\u0041KIA…`): where the text carries a decoder's marker,
 * the keywords are also looked for in the decoded text, at their places in the original. Only around escapes
 * (escapeRegions): a keyword the decoding changed holds one, and elsewhere the decoded text is the text itself.
 */
export function hiddenKeywordHits(text: string, rules: readonly Rule[]): number[] {
  const plan = planFor(rules);
  if (!plan.markers.some((marker) => containsLiteral(text, marker))) return [];
  const hits: number[] = [];
  if (plan.jsonEscape || plan.html) {
    const regions = escapeRegions(text, plan);
    for (let r = 0; r < regions.length; r += 2) {
      const identity = identityView(text.slice(regions[r], regions[r + 1]), regions[r]);
      const views: View[] = [];
      if (plan.jsonEscape) pushView(views, jsonEscapeView(identity));
      if (plan.html) for (const view of [identity, ...views]) pushView(views, htmlView(view));
      for (const view of views) for (const index of findKeywords(view.text, rules)) hits.push(originalStart(view, index));
    }
  }
  // A JWT segment (base64url JSON) holding a keyword, itself or in a base64 token inside it.
  if (plan.base64) for (const token of jsonSegments(text, MAX_BASE64)) if (holdsKeyword(token.decoded, rules, NESTING - 1)) hits.push(token.index);
  return hits;
}

/** The most characters one decoded character takes in the text: an HTML reference whose characters are themselves JSON escapes (`\u0026#x41;`). */
const ESCAPED_CHAR = 112;

/**
 * Flat [from, to, ...]: the stretches of text within `escapeReach` of a `\` or `&` (where every escape starts),
 * merged. A keyword that decoding reveals spans an escape: it ends within one escaped character and the rest
 * of the keyword after the last `\` or `&` in it, and starts within the keyword's length before the first.
 * A stretch starts that far after the last `\` or `&` before it, farther than one escape is long, so its
 * views decode it as the whole text's views do (one escape is never cut in two).
 */
function escapeRegions(text: string, plan: Plan): number[] {
  const reach = plan.escapeReach;
  const at: number[] = [];
  for (const sign of ['\\', '&']) for (let i = text.indexOf(sign); i !== -1; i = text.indexOf(sign, i + 1)) at.push(i);
  at.sort((a, b) => a - b);
  const regions: number[] = [];
  for (const i of at) {
    const from = Math.max(0, i - reach);
    const to = Math.min(text.length, i + reach);
    if (regions.length > 0 && from <= regions[regions.length - 1]) regions[regions.length - 1] = to;
    else regions.push(from, to);
  }
  return regions;
}

function holdsKeyword(decoded: string, rules: readonly Rule[], depth: number): boolean {
  if (findKeywords(decoded, rules).length > 0) return true;
  return depth > 0 && base64Tokens(decoded, MAX_BASE64).some((token) => holdsKeyword(token.decoded, rules, depth - 1));
}

/**
 * Sorted [from, to) windows around every keyword occurrence, merged where they meet. A merged window is cut
 * into overlapping pieces (a new one starting `radius` lines before the hit, as at MAX_WINDOW) at lines chosen
 * by their own text (isCutLine), once it is PIECE_CHARS long: so a file edited in one place gives the same
 * pieces as before everywhere else, and the window memo (detect/window-memo.ts) knows all of them but one. Cutting
 * at a count of characters instead would shift every later piece after an edit.
 */
function keywordWindows(text: string, hits: number[], radius: number, steps: LineSteps): Array<[number, number]> {
  if (hits.length === 0) return [];
  const windows: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  // The end of the line of the last hit taken, when its window was not capped in characters: a later hit on
  // that line has the same window, so AWS named five times on a line costs one look, not five.
  let sameLine = -1;
  for (const hit of hits) {
    // A hit well inside the current window could extend it only a little: skip it, so that dense hits on a
    // long line cost O(length), not O(hits × WINDOW_CHARS).
    if (hit < sameLine || (current && hit + WINDOW_CHARS / 2 <= current[1])) continue;
    const to = steps.forward(hit, radius, hit + WINDOW_CHARS);
    sameLine = to < hit + WINDOW_CHARS ? steps.forward(hit, 0, to) : -1;
    const grows = current !== null && to - current[0] <= MAX_WINDOW && !(current[1] - current[0] >= PIECE_CHARS && isCutLine(text, hit));
    if (grows && hit < current![1]) {
      current![1] = Math.max(current![1], to);
      continue;
    }
    const from = steps.back(hit, radius, hit - WINDOW_CHARS);
    if (grows && from <= current![1]) current![1] = Math.max(current![1], to);
    else windows.push((current = [from, to]));
  }
  return windows;
}

/** Pieces of a merged window are about this long at least (detect/window-memo.ts remembers pieces, not files). */
const PIECE_CHARS = 2048;

/** Is the line holding `at` one to cut a window at: one line in four, chosen by a hash of its text (up to 256 characters). */
function isCutLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let hash = 0;
  for (let i = start, end = Math.min(text.length, start + 256); i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) break;
    hash = (Math.imul(hash, 31) + code) | 0;
  }
  return (hash & 3) === 0;
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

function scanWindow(text: string, start: number, end: number, rules: readonly Rule[], plan: Plan, state: ScanState): void {
  const [from, to] = trimToTokens(text, start, end);
  if (to <= from) return;
  const key = state.memo?.keyOf(text, from, to) ?? null;
  if (key === null) {
    readWindow(text, from, to, rules, plan, state);
    return;
  }
  const known = state.memo!.recall(rules, key);
  if (known !== undefined) {
    // The same text read before (in this text or an earlier one): the same matches, placed here.
    for (let i = 0; i < known.tokens.length; i += 2) state.textTokens.add(`${from + known.tokens[i]}:${from + known.tokens[i + 1]}`);
    for (const match of known.matches) addRaw(state, { ...match, start: from + match.start, end: from + match.end });
    return;
  }
  const reading: WindowReading = (state.reading = { matches: [], tokens: [] });
  readWindow(text, from, to, rules, plan, state);
  state.reading = null;
  for (const match of reading.matches) Object.assign(match, { start: match.start - from, end: match.end - from });
  for (let i = 0; i < reading.tokens.length; i++) reading.tokens[i] -= from;
  state.memo!.remember(rules, key, reading);
}

/** Every rule through every view of text[from, to). */
function readWindow(text: string, from: number, to: number, rules: readonly Rule[], plan: Plan, state: ScanState): void {
  const identity = identityView(text.slice(from, to), from);
  const views: View[] = [identity];
  if (plan.url) pushView(views, urlView(identity));
  if (plan.jsonEscape) for (const view of [...views]) pushView(views, jsonEscapeView(view));
  if (plan.html) for (const view of [...views]) pushView(views, htmlView(view));
  if (plan.concat) for (const view of [...views]) pushView(views, concatView(view));
  // Rules that need one of their own keywords in the window (decoded views included: `&#65;BSK…`).
  const skip = new Set(rules.filter((rule) => rule.needsKeyword && !views.some((view) => rule.keywords.some((keyword) => view.text.includes(keyword)))));
  for (const view of views) {
    for (const rule of rules) {
      if (skip.has(rule)) continue;
      if (view.decoder !== 'identity' && !rule.decoders.includes(view.decoder as never)) continue;
      matchView(view, rule, state);
    }
  }
  if (plan.base64) {
    for (const token of base64Tokens(identity.text, MAX_BASE64)) {
      const tokenStart = originalStart(identity, token.index);
      const tokenEnd = originalEnd(identity, token.index + token.text.length);
      state.textTokens.add(`${tokenStart}:${tokenEnd}`);
      state.reading?.tokens.push(tokenStart, tokenEnd);
      scanDecodedToken(identity.text, token, rules, state, { start: tokenStart, end: tokenEnd }, NESTING);
    }
  }
}

/** How many base64 layers are decoded: a JWT whose payload holds a base64'd credentials file is two. */
const NESTING = 2;

function pushView(views: View[], view: View | null): void {
  if (view) views.push(view);
}

/** Calls `found` for each match of `rule` in `view` that passes the rule's cheap checks. */
function eachSecret(view: View, rule: Rule, found: (secret: string, index: number, gate: Gate, keyId: string | null) => void): void {
  eachMatch(view.text, rule, (m) => {
    const secret = rule.secretGroup === 0 ? m[0] : m[rule.secretGroup];
    if (!secret) return;
    const index = rule.secretGroup === 0 ? m.index : m.indices![rule.secretGroup]![0];
    const gate = gateSecret(rule, secret);
    if (gate === null) return;
    const keyId = rule.keyIdFrom ? ownKeyId(rule.keyIdFrom, rule.keyIdFrom.source === 'match' ? m[0] : secret) : null;
    if (keyId === null && rule.keyIdFrom?.required) return;
    found(secret, index, gate, keyId);
  });
}

/** The key ID a credential names itself (rule.keyIdFrom), or null when it cannot be read. */
function ownKeyId(from: NonNullable<Rule['keyIdFrom']>, text: string): string | null {
  let value = from.strip ? text.replace(from.strip, '') : text;
  if (from.decode === 'base64') {
    const bytes = Buffer.from(value, 'base64');
    // Buffer.from skips what is not base64: only a clean round trip is a real encoding.
    if (bytes.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) return null;
    value = bytes.toString('latin1');
  }
  const m = from.regex.exec(value);
  if (!m) return null;
  const id = from.template ? from.template.replace(/\$(\d)/g, (_all, n: string) => m[Number(n)] ?? '') : m[1];
  return id ? id : null;
}

function matchView(view: View, rule: Rule, state: ScanState): void {
  eachSecret(view, rule, (secret, index, gate, keyId) => {
    const start = originalStart(view, index);
    const end = originalEnd(view, index + secret.length);
    addRaw(state, { rule, start, end, secret, gate, ...contextOf(rule, secret, view.text, index), nested: false, keyId });
  });
}

/** What the view tells of a match's context: the names attached to it, and whether the rule takes it alone. */
function contextOf(rule: Rule, secret: string, viewText: string, index: number): Pick<Match, 'names' | 'alone'> {
  if (!rule.context) return { names: null, alone: null };
  const alone = rule.context.alone && rule.context.alone.regex.test(secret) ? rule.context.alone.confidence : null;
  return { names: attachedNames(rule, viewText, index), alone };
}

function addRaw(state: ScanState, match: Match): void {
  state.reading?.matches.push({ ...match });
  const { rule, start, end, secret, gate, nested, keyId } = match;
  const context = { confidence: match.names === null ? rule.confidence : nameConfidence(match.names, state.text, start, end, state.path), alone: match.alone };
  const { raws } = state;
  const span = `${rule.id}\0${start}\0${end}`;
  if (nested) {
    // What a base64 token decodes to wins over the token itself; one token may hold several values of a rule.
    if (raws.get(span)?.nested === false) raws.delete(span);
    state.nestedSpans.add(span);
  } else if (state.nestedSpans.has(span)) {
    return;
  }
  const key = nested ? `${span}\0${secret}` : span;
  const existing = raws.get(key);
  if (existing) {
    // Another view's reading of the same span that passes every gate wins over a soft one (as before soft raws).
    if (existing.soft && gate.soft === null) Object.assign(existing, { secret, entropy: gate.entropy, keyId, soft: false });
    existing.confidence = better(existing.confidence, context.confidence);
    existing.aloneConfidence = better(existing.aloneConfidence, context.alone);
    return;
  }
  raws.set(key, { rule, start, end, secret, entropy: gate.entropy, confidence: context.confidence, aloneConfidence: context.alone, nested, keyId, soft: gate.soft !== null });
}

/**
 * A base64 token (a Kubernetes Secret's `data:` value, a base64'd credentials file, a JWT payload) is decoded
 * and scanned as text, with the name before the token kept in front of it so that `aws_secret_access_key:
 * <base64>` still names the decoded value. Everything found inside points at the outermost token (`span`).
 * Tokens inside that decode to text are decoded in turn (`depth` layers), and are themselves never reported
 * (a base64'd credentials file is what it holds, not a session token).
 */
function scanDecodedToken(outer: string, token: { index: number; text: string; decoded: string }, rules: readonly Rule[], state: ScanState, span: { start: number; end: number }, depth: number): void {
  const prefix = outer.slice(Math.max(0, token.index - 240), token.index);
  const inner = prefix + token.decoded;
  const innerView = identityView(inner, 0);
  const views: View[] = [innerView];
  pushView(views, jsonEscapeView(innerView));
  const innerTokens = depth > 1 ? base64Tokens(inner, MAX_BASE64).filter((t) => t.index >= prefix.length) : [];
  const wrappers = new Set(innerTokens.map((t) => t.text));
  for (const view of views) {
    for (const rule of rules) {
      eachSecret(view, rule, (secret, index, gate, keyId) => {
        if (originalStart(view, index) < prefix.length) return; // found by the outer scan already
        if (wrappers.has(secret) || (secret.length > 16 && [...wrappers].some((w) => w.includes(secret)))) return;
        addRaw(state, { rule, start: span.start, end: span.end, secret, gate, ...contextOf(rule, secret, view.text, index), nested: true, keyId });
      });
    }
  }
  for (const innerToken of innerTokens) scanDecodedToken(inner, innerToken, rules, state, span, depth - 1);
}

/**
 * Could resolve() report this raw: does it have a confidence of its own, or a pair context and a raw of the kind
 * it pairs with that has one (`kindsWithConfidence`)? Fixtures full of random values nobody names (moto's tests)
 * then cost no line index of their whole text.
 */
function mayReport(raw: Raw, kindsWithConfidence: ReadonlySet<string>): boolean {
  if (raw.rule.partnerOnly) return false;
  if (raw.confidence !== null || raw.aloneConfidence !== null) return true;
  const pair = raw.rule.context?.pair;
  return pair != null && kindsWithConfidence.has(pair.kind);
}

/** Pairs secrets and tokens with nearby key IDs, drops those with neither name nor pair, places the rest. */
function resolve(all: Raw[], lines: LineIndex): Candidate[] {
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  // One secret seen through two views with different spans (`\/abc…` read raw and JSON-decoded) is one
  // finding: keep the earliest, widest span.
  const raws = all.filter((raw, i) => !all.slice(Math.max(0, i - 8), i).some((o) => o.rule === raw.rule && o.secret === raw.secret && o.end > raw.start));
  const lineOf = new Map<Raw, [number, number]>();
  for (const raw of raws) lineOf.set(raw, [lines.lineOf(raw.start), lines.lineOf(Math.max(raw.start, raw.end - 1))]);
  const near = nearRaws(raws);
  const softKept = rescued(raws, lineOf, near);
  const candidates: Candidate[] = [];
  for (const [i, raw] of raws.entries()) {
    if (raw.rule.partnerOnly || (raw.soft && !softKept.has(raw))) continue;
    const pair = raw.rule.context?.pair ?? null;
    let keyId: string | null = raw.keyId;
    let confidence = raw.confidence;
    if (pair) {
      const partner = nearestPartner(i, near, lineOf, pair, (other) => !other.soft || softKept.has(other));
      if (partner) {
        keyId ??= partner.secret;
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

/**
 * The soft raws (entropy.ts: failed only gates that random keys fail now and then) whose context is strong
 * enough to report them anyway. One side of a pair must pass every gate, so two placeholders side by side never
 * vouch for each other, and a hard gate is never overridden (those raws do not exist):
 * - a value with a pair context (a secret access key) needs a high-confidence name (`aws_secret_access_key =`;
 *   only AWS-specific names are high) and a pair partner that passes every gate and is reportable itself (a
 *   partnerOnly ID with 0/1/8/9 is more often typed than issued);
 * - a value other rules pair with (a key ID) needs a named secret within that secret's pair reach that passes
 *   every gate: a random-looking secret under an AWS name is the leak, and the ID next to it its other half.
 */
function rescued(raws: Raw[], lineOf: Map<Raw, [number, number]>, near: NearRaws): Set<Raw> {
  const kept = new Set<Raw>();
  if (!raws.some((raw) => raw.soft)) return kept;
  for (const [i, raw] of raws.entries()) {
    if (!raw.soft || raw.rule.partnerOnly) continue;
    const pair = raw.rule.context?.pair;
    if (pair) {
      if (raw.confidence === 'high' && nearestPartner(i, near, lineOf, pair, (other) => !other.soft && !other.rule.partnerOnly)) kept.add(raw);
    } else if (!raw.rule.context) {
      let vouched = false;
      near.each(i, near.pairChars, (other) => {
        const otherPair = other.rule.context?.pair;
        if (!other.soft && other.confidence !== null && otherPair?.kind === raw.rule.kind && withinPair(other, raw, lineOf, otherPair) !== null) vouched = true;
      });
      if (vouched) kept.add(raw);
    }
  }
  return kept;
}

/** The raws (sorted by start) and a way to visit those a pair could reach from one of them. */
interface NearRaws {
  raws: Raw[];
  /** The farthest any rule pairs, in characters. */
  pairChars: number;
  /**
   * Visits every raw but raws[i] that could lie within `chars` characters of it (withinPair's measure: the gap
   * between the spans): a window of the sorted raws, not all of them, so that a file of 170,000 named values
   * costs a few neighbours each, not every other one (it took minutes).
   */
  each(i: number, chars: number, visit: (other: Raw) => void): void;
}

function nearRaws(raws: Raw[]): NearRaws {
  let longest = 0;
  let pairChars = 0;
  for (const raw of raws) {
    longest = Math.max(longest, raw.end - raw.start);
    pairChars = Math.max(pairChars, raw.rule.context?.pair?.chars ?? 0);
  }
  return {
    raws,
    pairChars,
    each(i, chars, visit) {
      const raw = raws[i];
      // One that starts earlier ends at most `longest` after its start: before this, the gap is wider than `chars`.
      let from = i;
      while (from > 0 && raws[from - 1].start >= raw.start - chars - longest) from--;
      // In the raws' order, as a walk over all of them would visit these.
      for (let j = from; j < raws.length && (j <= i || raws[j].start <= raw.end + chars); j++) if (j !== i) visit(raws[j]);
    },
  };
}

type Pair = NonNullable<NonNullable<Raw['rule']['context']>['pair']>;

/** Lines between `raw` and `other` if `other` lies within the reach of `raw`'s pair context, else null. */
function withinPair(raw: Raw, other: Raw, lineOf: Map<Raw, [number, number]>, pair: Pair): number | null {
  // Lines between the two spans (0 when they share a line): a PEM block pairs by its first or last line.
  const [first, last] = lineOf.get(raw)!;
  const [otherFirst, otherLast] = lineOf.get(other)!;
  const distance = Math.max(0, otherFirst - last, first - otherLast);
  if (distance > pair.lines) return null;
  const chars = other.start < raw.start ? raw.start - other.end : other.start - raw.end;
  return chars > pair.chars ? null : distance;
}

function nearestPartner(i: number, near: NearRaws, lineOf: Map<Raw, [number, number]>, pair: Pair, accept: (other: Raw) => boolean): Raw | null {
  const raw = near.raws[i];
  let best: Raw | null = null;
  let bestScore = Infinity;
  near.each(i, pair.chars, (other) => {
    if (other.rule.kind !== pair.kind || other.confidence === null || !accept(other)) return;
    const distance = withinPair(raw, other, lineOf, pair);
    if (distance === null) return;
    // Prefer the same line, then a partner above (key ID first is the usual order), then preferred prefixes.
    let score = distance * 4 + (other.start > raw.start ? 2 : 0);
    if (pair.prefer && !pair.prefer.test(other.secret)) score += 1000;
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  });
  return best;
}
