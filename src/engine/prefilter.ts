// The keyword prefilter: does a buffer contain any rule keyword at all? Most files and blobs contain none,
// and for them keywarden should cost little more than reading the bytes: no UTF-8 decoding, no rule
// regexes, no lower-casing. Keywords are literal and case-sensitive (rules list the spellings they need).
//
// Measured (bench/engine.mjs, node_modules): one Buffer.indexOf pass per keyword is slowest (a needle that
// starts with a common letter makes memchr stop every few bytes, and there are ~35 needles); anchoring the
// keywords on a few rare bytes (one memchr pass each) was ~2x faster; one V8 regex alternation of all the
// keywords over the bytes read as latin1 (one byte = one character, so byte substrings are string
// substrings) was ~3-4x faster: irregexp skips ahead Boyer-Moore style over a literal alternation. So that.
import type { Rule } from '../rules/types.js';

export type Prefilter = (data: Buffer) => boolean;

const prefilters = new WeakMap<readonly Rule[], Prefilter>();
const finders = new WeakMap<readonly Rule[], (text: string) => number[]>();

/** A function telling whether `data` may hold a finding for `rules` (false = certainly not). */
export function createPrefilter(rules: readonly Rule[]): Prefilter {
  let prefilter = prefilters.get(rules);
  if (!prefilter) {
    prefilter = createKeywordPrefilter(rules.flatMap((rule) => rule.keywords));
    prefilters.set(rules, prefilter);
  }
  return prefilter;
}

/** The prefilter for a plain keyword list. */
export function createKeywordPrefilter(keywords: readonly string[]): Prefilter {
  const pattern = alternation(keywords, '');
  if (!pattern) return () => false;
  // UTF-16 text does not hold the keywords as UTF-8 bytes: let the decoder look at it.
  return (data: Buffer) => mayBeUtf16(data) || pattern.test(data.toString('latin1'));
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

/** One regex matching any keyword (as latin1 characters, so it works on bytes read as latin1 and on ASCII text). */
function alternation(keywords: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(keywords)].filter((k) => k.length > 0);
  if (unique.length === 0) return null;
  // Longest first, so that overlapping keywords report the longer one at a position.
  unique.sort((a, b) => b.length - a.length);
  return new RegExp(unique.map((k) => Buffer.from(k, 'utf8').toString('latin1').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), flags);
}

/** A UTF-16 BOM, or a NUL among the first bytes (UTF-16 without BOM; binary is then skipped by the decoder). */
export function mayBeUtf16(data: Buffer): boolean {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) return true;
  const end = Math.min(data.length, 8192);
  return data.subarray(0, end).indexOf(0) !== -1;
}
