// Decoded views of a window of text. A secret may sit in a file URL-encoded (`%2F`), JSON-escaped (`\/`,
// `\n` inside a string holding an ini file), or split into concatenated string literals. Instead of teaching
// every rule regex every encoding, the engine re-reads the window through each decoder a rule asks for and
// runs the same regexes on the result. Each view keeps, per character, the span of original text it came
// from, so findings still point at the encoded text in the file while `secret` holds the decoded value.
// (base64 is different: a whole token decodes to unrelated text; see nested.ts.)

export interface View {
  text: string;
  /** The view this one was decoded from, or null for the original text (at offset `base`). */
  parent: View | null;
  base: number;
  /**
   * For a decoded view, sorted segments: from view index segView[s] on, characters either copy the parent's
   * text from segFrom[s] (segCopy[s] = 1) or all stand for the parent's span [segFrom[s], segTo[s]) (an
   * escape such as `%2F` decoded to one character). Sparse, so a 64 KB window with three escapes costs little.
   */
  segView: Int32Array | null;
  segFrom: Int32Array | null;
  segTo: Int32Array | null;
  segCopy: Uint8Array | null;
  /** Which decoder made it ('identity' for the original). */
  decoder: string;
}

export function identityView(text: string, base: number): View {
  return { text, parent: null, base, segView: null, segFrom: null, segTo: null, segCopy: null, decoder: 'identity' };
}

function segmentOf(view: View, index: number): number {
  const segView = view.segView!;
  let lo = 0;
  let hi = segView.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segView[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset in the original text where view character `index` comes from. */
export function originalStart(view: View, index: number): number {
  if (!view.parent) return view.base + index;
  const s = segmentOf(view, index);
  const local = view.segCopy![s] ? view.segFrom![s] + (index - view.segView![s]) : view.segFrom![s];
  return originalStart(view.parent, local);
}

/** Offset in the original text just past view character `endIndex - 1`. */
export function originalEnd(view: View, endIndex: number): number {
  if (endIndex <= 0) return originalStart(view, 0);
  if (!view.parent) return view.base + endIndex;
  const s = segmentOf(view, endIndex - 1);
  const local = view.segCopy![s] ? view.segFrom![s] + (endIndex - view.segView![s]) : view.segTo![s];
  return originalEnd(view.parent, local);
}

/** Builds a view by replacing the matches of `pattern` in `source.text` with `replace(match)`. Null if nothing matched. */
function replaceView(source: View, pattern: RegExp, replace: (m: RegExpExecArray) => string | null, decoder: string): View | null {
  const { text } = source;
  const parts: string[] = [];
  const segView: number[] = [];
  const segFrom: number[] = [];
  const segTo: number[] = [];
  const segCopy: number[] = [];
  let last = 0;
  let length = 0;
  const segment = (from: number, to: number, copy: boolean, size: number) => {
    if (size <= 0) return;
    segView.push(length);
    segFrom.push(from);
    segTo.push(to);
    segCopy.push(copy ? 1 : 0);
    length += size;
  };
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const replacement = replace(m);
    if (replacement === null) continue;
    segment(last, m.index, true, m.index - last);
    segment(m.index, m.index + m[0].length, false, replacement.length);
    parts.push(text.slice(last, m.index), replacement);
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return null;
  segment(last, text.length, true, text.length - last);
  parts.push(text.slice(last));
  if (segView.length === 0) segment(0, 0, true, 0);
  return {
    text: parts.join(''),
    parent: source,
    base: source.base,
    segView: Int32Array.from(segView.length ? segView : [0]),
    segFrom: Int32Array.from(segFrom.length ? segFrom : [0]),
    segTo: Int32Array.from(segTo.length ? segTo : [0]),
    segCopy: Uint8Array.from(segCopy.length ? segCopy : [1]),
    decoder,
  };
}

const PERCENT = /%([0-9A-Fa-f]{2})/g;
const URL_RELEVANT = /%(?:2[FfBb]|3[Dd])/;

/** Printable ASCII, tab, LF or CR: what a decoded view or a decoded base64 token may hold (nested.ts). */
export function isTextCode(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || code === 0x0a || code === 0x0d || code === 0x09;
}

/** `%2F` → `/`, `%2B` → `+`, `%3D` → `=`, `%0A` → LF (printable ASCII and whitespace only; other bytes stay encoded). */
export function urlView(source: View): View | null {
  // Only an encoded character of the key alphabets (/ + =) can hide a key from the plain view.
  if (!URL_RELEVANT.test(source.text)) return null;
  return replaceView(
    source,
    PERCENT,
    (m) => {
      const code = parseInt(m[1], 16);
      return isTextCode(code) ? String.fromCharCode(code) : null;
    },
    'url',
  );
}

const ESCAPE = /\\(?:u00([0-7][0-9A-Fa-f])|u\{0{0,4}([0-7]?[0-9A-Fa-f])\}|([\\/"'nrtbf]))/g;
const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\\': '\\', '/': '/', '"': '"', "'": "'" };

/** JSON, C-style and ES6 string escapes: `\/` → `/`, `\n` → newline, `\"` → `"`, `\u002F` and `\u{2F}` → `/`. */
export function jsonEscapeView(source: View): View | null {
  if (!source.text.includes('\\')) return null;
  return replaceView(
    source,
    ESCAPE,
    (m) => {
      const hex = m[1] ?? m[2];
      return hex ? String.fromCharCode(parseInt(hex, 16)) : SIMPLE[m[3]];
    },
    'json-escape',
  );
}

const HTML_REFERENCE = /&(?:#[xX]0{0,4}([0-7]?[0-9A-Fa-f])|#0{0,5}(\d{1,3})|(amp|quot|apos|lt|gt|sol|plus|equals|colon|lowbar|hyphen|period|NewLine|Tab));?/g;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', sol: '/', plus: '+', equals: '=', colon: ':', lowbar: '_', hyphen: '-', period: '.', NewLine: '\n', Tab: '\t' };

/**
 * HTML character references: `&#x41;` and `&#65;` → `A`, `&amp;` → `&`, `&sol;` → `/` (a key pasted into HTML,
 * an XML export, a wiki page). Printable ASCII and whitespace only; anything else stays as written.
 */
export function htmlView(source: View): View | null {
  if (!source.text.includes('&')) return null;
  return replaceView(
    source,
    HTML_REFERENCE,
    (m) => {
      if (m[3]) return NAMED[m[3]];
      const code = m[1] ? parseInt(m[1], 16) : Number(m[2]);
      return (code >= 0x20 && code < 0x7f) || code === 0x0a || code === 0x09 ? String.fromCharCode(code) : null;
    },
    'html',
  );
}

/**
 * Text that, where present, may hide a keyword behind a decoder (`&#65;KIA`, `\u0041KIA`, a JWT `eyJ…` whose
 * payload holds a base64'd credentials file): the byte prefilter lets such data through and the engine then
 * looks for keywords in the decoded text too.
 */
export const DECODER_MARKERS: Readonly<Record<string, readonly string[]>> = { html: ['&#'], 'json-escape': ['\\u00', '\\u{'], base64: ['eyJ'] };

// A closing quote, an optional concatenation operator (+ . & || ..), whitespace or line continuations, and
// the same opening quote, between two characters that could belong to one key: "wJalr" + "XUtn…".
// (The quote is matched first and what precedes it checked after, so that a search can skip to quotes.)
// The whitespace after the operator is inside its optional group: with two optional runs side by side, a
// quote followed by n blanks and no join was retried at every split of them, O(n²) (40,000 spaces, 2 s).
const BLANK = String.raw`(?:[ \t]|\\?\r?\n)`;
const JOIN_REST = String.raw`${BLANK}*(?:(?:\+|\.\.?|&|\|\|)${BLANK}*)?\1(?=[A-Za-z0-9/+])`;
const JOIN = new RegExp(String.raw`(["'\`])(?<=[A-Za-z0-9/+].)` + JOIN_REST, 'g');

/**
 * Where a decoded view could show a key-alphabet character that the plain text spells otherwise (`%2F`, `\/`,
 * `\u002b`, `&#43;`, `&sol;`) or join two pieces of one value (`"wJal" + "rXUt…"`): a value split by these
 * has no long plain run. The engine's windows around name-only keywords need a long run or one of these.
 */
export const VALUE_BREAKS = new RegExp(`%(?:2[FfBb]|3[Dd])|\\\\[u/]|&(?:#|amp|quot|apos|lt|gt|sol|plus|equals|colon|lowbar|hyphen|period|NewLine|Tab)|(["'\`])(?<=[A-Za-z0-9/+].)${JOIN_REST}`, 'g');

/** String literals joined by concatenation or juxtaposition read as one: `"wJal" + "rXUt…"` → `"wJalrXUt…"`. */
export function concatView(source: View): View | null {
  if (!/["'`]/.test(source.text)) return null;
  return replaceView(source, JOIN, () => '', 'concat');
}
