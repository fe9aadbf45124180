// Runs of key characters ([A-Za-z0-9+/]: the alphabet of secret keys, session tokens and base64): where a
// value could be. One home for the alphabet and the fast way to find long runs of it.

/**
 * Calls `found` for every run of `length` or more key characters that reaches into [start, end). By hand, and
 * looking at one character in `length` until it meets one (every such run holds a sampled character): a regex `[A-Za-z0-9/+]{40}` would
 * retry at every character of every shorter run, and most of source text is identifiers. It stops when `found`
 * returns false.
 */
export function eachLongRun(text: string, length: number, found: (from: number, to: number) => boolean | void, start = 0, end = text.length): void {
  const n = text.length;
  // Runs reaching into [start, end): the first look is at `start` itself (a run may begin before it).
  for (let at = start; at < end; ) {
    if (!isKeyChar(text.charCodeAt(at))) {
      at += length;
      continue;
    }
    let from = at;
    while (from > 0 && isKeyChar(text.charCodeAt(from - 1))) from--;
    let to = at + 1;
    while (to < n && isKeyChar(text.charCodeAt(to))) to++;
    if (to - from >= length && found(from, to) === false) return;
    // text[to] ends the run: the next run that could be long enough starts after it.
    at = to + length;
  }
}

/** 1 for the key characters among the first 128 codes (a table: the hot loops above test one per character). */
const KEY_CHARS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  KEY_CHARS[code] = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 47 ? 1 : 0;
}

export function isKeyChar(code: number): boolean {
  return code < 128 && KEY_CHARS[code] === 1;
}

/** The shortest run anyone asks runsOf for: base64 tokens (nested.ts) start at 16. */
export const SHORTEST_RUN = 16;

let lastText: string | null = null;
let lastRuns: number[] = [];

/**
 * Every run of SHORTEST_RUN or more key characters in `text`, as flat [from, to, ...]. The rules that start at
 * runs (starts.ts) and the base64 decoder all read the same view one after the other: the last text's runs are
 * kept, so the view is walked once for all of them.
 */
export function runsOf(text: string): readonly number[] {
  if (text === lastText) return lastRuns;
  const runs: number[] = [];
  eachLongRun(text, SHORTEST_RUN, (from, to) => {
    runs.push(from, to);
  });
  lastText = text;
  lastRuns = runs;
  return runs;
}
