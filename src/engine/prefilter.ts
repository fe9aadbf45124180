// The keyword prefilter: does a buffer contain any rule keyword at all? Most files and blobs contain none,
// and for them keywarden should cost little more than reading the bytes: no UTF-8 decoding, no rule
// regexes, no lower-casing. Keywords are literal and case-sensitive (rules list the spellings they need).
//
// One Buffer.indexOf pass per keyword is slow (~35 keywords = ~35 passes, and a needle starting with a
// common letter makes memchr stop every few bytes). Instead the keywords are covered by a few anchor bytes,
// chosen greedily by the expected cost of a native memchr pass over each (Buffer.indexOf of one byte, whose
// cost is dominated by how often that byte occurs in source code): one pass per anchor byte, and each
// occurrence is verified against the keywords holding that byte at a known offset. The answer is exact.
// Measured on the benchmark repository's files (quiet machine): ~2.5x a V8 regex alternation over the bytes
// read as latin1, which in turn is ~4x one indexOf pass per keyword. Where anchor bytes are dense (source
// maps) the regex is faster, so a buffer that exhausts a budget of anchor hits falls back to it. Finding
// every keyword hit in decoded text (findKeywords) uses the regex: there all hits are wanted.
import type { Rule } from '../rules/types.js';
import { SNIFF_BYTES } from '../text/decode.js';
import { DECODER_MARKERS } from './views.js';

export type Prefilter = (data: Buffer) => boolean;

/** Frequency (per 100,000 bytes) of printable ASCII 0x20..0x7e in source code (measured on node_modules/*.js). */
const FREQUENCY = [
  17030, 132, 878, 23, 148, 22, 185, 281, 1547, 1544, 246, 151, 1125, 228, 1609, 473, 317, 268, 160, 100, 94, 66, 93, 57,
  85, 61, 424, 1160, 53, 1392, 155, 168, 75, 534, 208, 426, 285, 524, 219, 93, 116, 374, 54, 102, 196, 238, 295, 274, 299,
  93, 320, 541, 409, 156, 79, 71, 23, 43, 12, 317, 132, 314, 13, 504, 167, 3555, 589, 2303, 1889, 7150, 1335, 1092, 1293,
  3771, 168, 465, 2189, 1378, 4137, 3959, 1745, 132, 4388, 4004, 5615, 1866, 596, 454, 525, 730, 85, 758, 210, 758, 2,
];

/** Relative cost of one memchr pass for `byte`: a fixed part plus a return to JavaScript per occurrence. */
function passCost(byte: number): number {
  // Bytes outside printable ASCII (UTF-8 continuation bytes, control characters) are rare in source text.
  const frequency = byte >= 0x20 && byte <= 0x7e ? FREQUENCY[byte - 0x20] : 10;
  return 100 + frequency;
}

interface Anchored {
  bytes: Buffer;
  /** Position of the anchor byte inside the keyword. */
  offset: number;
}

const prefilters = new WeakMap<readonly Rule[], Prefilter>();
const finders = new WeakMap<readonly Rule[], (text: string) => number[]>();

/** A function telling whether `data` may hold a finding for `rules` (false = certainly not). */
export function createPrefilter(rules: readonly Rule[]): Prefilter {
  let prefilter = prefilters.get(rules);
  if (!prefilter) {
    prefilter = createKeywordPrefilter(prefilterKeywords(rules));
    prefilters.set(rules, prefilter);
  }
  return prefilter;
}

/**
 * What the byte prefilter looks for: every rule keyword, plus the markers of decoders the rules use that can
 * hide a keyword (`&#65;KIA`): such data is decoded and its keywords are looked for in the decoded text too.
 */
export function prefilterKeywords(rules: readonly Rule[]): string[] {
  const decoders = new Set(rules.flatMap((rule) => rule.decoders));
  return [...rules.flatMap((rule) => rule.keywords), ...[...decoders].flatMap((decoder) => DECODER_MARKERS[decoder] ?? [])];
}

/** The prefilter for a plain keyword list. */
export function createKeywordPrefilter(keywords: readonly string[]): Prefilter {
  const set = keywordSet(keywords);
  if (set.longest === 0) return () => false;
  // UTF-16 text does not hold the keywords as UTF-8 bytes: let the decoder look at it.
  return (data: Buffer) => mayBeUtf16(data) || set.any(data);
}

/** Exact keyword questions on bytes; the history scan's pack reader (src/git/pack) asks them of delta windows. */
export interface KeywordSet {
  /** Does `data` contain any keyword? */
  any(data: Buffer): boolean;
  /** Every occurrence lying wholly in data[from, to), overlapping ones included, as flat [start, length, ...]. */
  occurrences(data: Buffer, from: number, to: number): number[];
  /** The longest keyword's length in bytes. */
  longest: number;
  /** A byte that is in no keyword (a separator that cannot complete a match). */
  outsider: number;
}

export function keywordSet(keywords: readonly string[]): KeywordSet {
  const unique = [...new Set(keywords)].filter((keyword) => keyword.length > 0).map((keyword) => Buffer.from(keyword, 'utf8'));
  const groups = chooseAnchors(unique);
  const anchors = [...groups.keys()];
  const lists = anchors.map((anchor) => groups.get(anchor)!);
  const fallback = alternation(keywords, '');
  const used = new Set(unique.flatMap((keyword) => [...keyword]));
  let outsider = 0;
  while (used.has(outsider)) outsider++;
  const any = (data: Buffer): boolean => {
    // Data where the anchor bytes are dense (source maps are full of 'A') would return to JavaScript every
    // few bytes: past this budget of anchor occurrences, the regex alternation answers instead.
    let budget = 64 + (data.length >> 4);
    for (let a = 0; a < anchors.length; a++) {
      const anchor = anchors[a];
      const list = lists[a];
      for (let i = data.indexOf(anchor); i !== -1; i = data.indexOf(anchor, i + 1)) {
        for (let k = 0; k < list.length; k++) if (occursAt(data, list[k], i - list[k].offset)) return true;
        if (--budget === 0) return fallback!.test(data.toString('latin1'));
      }
    }
    return false;
  };
  // Through the same anchor bytes as `any` (one memchr pass per anchor, not one indexOf per keyword: on text
  // that mentions AWS everywhere the pack reader asks this of every delta's windows).
  const occurrences = (data: Buffer, from: number, to: number): number[] => {
    const found: number[] = [];
    const view = data.subarray(from, to);
    for (let a = 0; a < anchors.length; a++) {
      const anchor = anchors[a];
      const list = lists[a];
      for (let i = view.indexOf(anchor); i !== -1; i = view.indexOf(anchor, i + 1)) {
        for (let k = 0; k < list.length; k++) if (occursAt(view, list[k], i - list[k].offset)) found.push(from + i - list[k].offset, list[k].bytes.length);
      }
    }
    return found;
  };
  return { any, occurrences, longest: Math.max(0, ...unique.map((keyword) => keyword.length)), outsider };
}

/**
 * Greedy weighted set cover: repeatedly take the byte with the lowest pass cost per keyword it would newly
 * cover. Cheapest anchors come first in the result.
 */
function chooseAnchors(keywords: Buffer[]): Map<number, Anchored[]> {
  const groups = new Map<number, Anchored[]>();
  let uncovered = keywords.filter((k) => k.length > 0);
  // Each keyword's distinct bytes, counted per round (this runs at every start-up, the pre-commit hook's too).
  const distinct = new Map(uncovered.map((k) => [k, [...new Set(k)]]));
  const covers = new Uint32Array(256);
  while (uncovered.length > 0) {
    covers.fill(0);
    for (const k of uncovered) for (const byte of distinct.get(k)!) covers[byte]++;
    let best = -1;
    let bestScore = Infinity;
    for (let byte = 0; byte < 256; byte++) {
      if (covers[byte] === 0) continue;
      const score = passCost(byte) / covers[byte];
      if (score < bestScore) [best, bestScore] = [byte, score];
    }
    groups.set(best, uncovered.filter((k) => k.includes(best)).map((bytes) => ({ bytes, offset: bytes.indexOf(best) })));
    uncovered = uncovered.filter((k) => !k.includes(best));
  }
  return new Map([...groups].sort(([a], [b]) => passCost(a) - passCost(b)));
}

function occursAt(data: Buffer, keyword: Anchored, start: number): boolean {
  const { bytes } = keyword;
  if (start < 0 || start + bytes.length > data.length) return false;
  for (let j = 0; j < bytes.length; j++) if (data[start + j] !== bytes[j]) return false;
  return true;
}

/**
 * Does `text` contain `literal`? As text.includes, which looks for the literal's first character: `eyJ` (a JWT
 * marker) would stop at every `e` of a text. This looks for its rarest character in source code instead (`J`),
 * and past a budget of those (a text dense in it) asks text.includes for the rest.
 */
export function containsLiteral(text: string, literal: string): boolean {
  if (literal.length === 0) return true;
  const anchor = rarestAt(literal);
  const char = literal[anchor];
  let budget = 64 + (text.length >> 6);
  for (let i = text.indexOf(char, anchor); i !== -1; i = text.indexOf(char, i + 1)) {
    if (text.startsWith(literal, i - anchor)) return true;
    if (--budget === 0) return text.includes(literal, i + 1 - anchor);
  }
  return false;
}

const rarest = new Map<string, number>();

/** The index in `literal` of its least frequent character (FREQUENCY; the first of equals). */
function rarestAt(literal: string): number {
  let at = rarest.get(literal);
  if (at === undefined) {
    at = 0;
    for (let i = 1; i < literal.length; i++) if (passCost(literal.charCodeAt(i)) < passCost(literal.charCodeAt(at))) at = i;
    rarest.set(literal, at);
  }
  return at;
}

/** Every offset in decoded `text` where one of the rules' keywords starts, in order. */
export function findKeywords(text: string, rules: readonly Rule[]): number[] {
  let finder = finders.get(rules);
  if (!finder) {
    const pattern = alternation(rules.flatMap((rule) => rule.keywords), 'g');
    finder = (t: string) => {
      const hits: number[] = [];
      if (!pattern) return hits;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(t); m; m = pattern.exec(t)) hits.push(m.index);
      return hits;
    };
    finders.set(rules, finder);
  }
  return finder(text);
}

/**
 * What findKeywords returns for ASCII text whose every keyword occurrence is already known (flat [start,
 * length, ...], overlapping ones included, as KeywordSet.occurrences gives them): the regex takes, from left to
 * right, the longest keyword starting at the leftmost place not inside the previous match.
 */
export function keywordHitsOf(occurrences: readonly number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < occurrences.length; i += 2) order.push(i);
  order.sort((a, b) => occurrences[a] - occurrences[b] || occurrences[b + 1] - occurrences[a + 1]);
  const hits: number[] = [];
  let free = 0;
  for (const i of order) {
    if (occurrences[i] < free) continue;
    hits.push(occurrences[i]);
    free = occurrences[i] + occurrences[i + 1];
  }
  return hits;
}

/**
 * One regex matching any keyword (as latin1 characters, so it works on bytes read as latin1 and on text),
 * longest first so overlapping keywords report the longer one.
 */
function alternation(keywords: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(keywords)].filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(unique.map((k) => Buffer.from(k, 'utf8').toString('latin1').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), flags);
}

/** A UTF-16 BOM, or a NUL among the first bytes (UTF-16 without BOM, or binary, which the decoder tells apart). */
export function mayBeUtf16(data: Buffer): boolean {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) return true;
  const end = Math.min(data.length, SNIFF_BYTES);
  return data.subarray(0, end).indexOf(0) !== -1;
}
