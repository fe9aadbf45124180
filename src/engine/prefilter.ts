// The byte-level prefilter: does a buffer contain any rule keyword at all? Most files and blobs contain
// none, and for them keywarden should cost little more than reading the bytes: no UTF-8 decoding, no
// regexes. Keywords are literal and case-sensitive (rules list the spellings they need), so the search is a
// plain byte search done natively by Buffer.indexOf.
import type { Rule } from '../rules/types.js';

export type Prefilter = (data: Buffer) => boolean;

const cache = new WeakMap<readonly Rule[], Prefilter>();

/** A function telling whether `data` may hold a finding for `rules` (false = certainly not). */
export function createPrefilter(rules: readonly Rule[]): Prefilter {
  let prefilter = cache.get(rules);
  if (prefilter) return prefilter;
  const needles = [...new Set(rules.flatMap((rule) => rule.keywords))].map((keyword) => Buffer.from(keyword, 'utf8'));
  prefilter = (data: Buffer) => {
    if (needles.length === 0) return false;
    // UTF-16 text does not hold the keywords as UTF-8 bytes: let the decoder look at it.
    if (mayBeUtf16(data)) return true;
    for (const needle of needles) if (data.indexOf(needle) !== -1) return true;
    return false;
  };
  cache.set(rules, prefilter);
  return prefilter;
}

/** A UTF-16 BOM, or a NUL among the first bytes (UTF-16 without BOM; binary is then skipped by the decoder). */
function mayBeUtf16(data: Buffer): boolean {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) return true;
  const end = Math.min(data.length, 8192);
  return data.subarray(0, end).indexOf(0) !== -1;
}
