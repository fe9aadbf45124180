// Decoded views of a window of text. A secret may sit in a file URL-encoded (`%2F`), JSON-escaped (`\/`,
// `\n` inside a string holding an ini file), or split into concatenated string literals. Instead of teaching
// every rule regex every encoding, the engine re-reads the window through each decoder a rule asks for and
// runs the same regexes on the result. Each view keeps, per character, the span of original text it came
// from, so findings still point at the encoded text in the file while `secret` holds the decoded value.
// (base64 is different: a whole token decodes to unrelated text; see nested.ts.)

export interface View {
  text: string;
  /** Original offset of view character i, or null when the view is the original text at `base`. */
  starts: Int32Array | null;
  /** Original end offset (exclusive) of view character i. */
  ends: Int32Array | null;
  base: number;
  /** Which decoder made it ('identity' for the original). */
  decoder: string;
}

export function identityView(text: string, base: number): View {
  return { text, starts: null, ends: null, base, decoder: 'identity' };
}

export function originalStart(view: View, index: number): number {
  return view.starts ? view.starts[index] : view.base + index;
}

export function originalEnd(view: View, endIndex: number): number {
  if (endIndex <= 0) return originalStart(view, 0);
  return view.ends ? view.ends[endIndex - 1] : view.base + endIndex;
}

/** Builds a view by replacing the matches of `pattern` in `text` with `replace(match)`. Null if nothing matched. */
function replaceView(source: View, pattern: RegExp, replace: (m: RegExpExecArray) => string | null, decoder: string): View | null {
  const { text } = source;
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  let changed = false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const replacement = replace(m);
    if (replacement === null) continue;
    for (let i = last; i < m.index; i++) {
      starts.push(originalStart(source, i));
      ends.push(originalEnd(source, i + 1));
    }
    parts.push(text.slice(last, m.index), replacement);
    const from = originalStart(source, m.index);
    const to = originalEnd(source, m.index + m[0].length);
    for (let i = 0; i < replacement.length; i++) {
      starts.push(from);
      ends.push(to);
    }
    last = m.index + m[0].length;
    changed = true;
  }
  if (!changed) return null;
  for (let i = last; i < text.length; i++) {
    starts.push(originalStart(source, i));
    ends.push(originalEnd(source, i + 1));
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), base: source.base, decoder };
}

const PERCENT = /%([0-9A-Fa-f]{2})/g;

/** `%2F` → `/`, `%2B` → `+`, `%3D` → `=` (printable ASCII only; other bytes stay encoded). */
export function urlView(source: View): View | null {
  if (!source.text.includes('%')) return null;
  return replaceView(
    source,
    PERCENT,
    (m) => {
      const code = parseInt(m[1], 16);
      return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : null;
    },
    'url',
  );
}

const ESCAPE = /\\(?:u00([0-7][0-9A-Fa-f])|([\\/"'nrtbf]))/g;
const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\\': '\\', '/': '/', '"': '"', "'": "'" };

/** JSON and C-style string escapes: `\/` → `/`, `\n` → newline, `\"` → `"`, `\u002F` → `/`. */
export function jsonEscapeView(source: View): View | null {
  if (!source.text.includes('\\')) return null;
  return replaceView(source, ESCAPE, (m) => (m[1] ? String.fromCharCode(parseInt(m[1], 16)) : SIMPLE[m[2]]), 'json-escape');
}

// A closing quote, an optional concatenation operator (+ . & || ..), whitespace or line continuations, and
// the same opening quote, between two characters that could belong to one key: "wJalr" + "XUtn…".
const JOIN = /(?<=[A-Za-z0-9/+])(["'`])(?:[ \t]|\\?\r?\n)*(?:\+|\.\.?|&|\|\|)?(?:[ \t]|\\?\r?\n)*\1(?=[A-Za-z0-9/+])/g;

/** String literals joined by concatenation or juxtaposition read as one: `"wJal" + "rXUt…"` → `"wJalrXUt…"`. */
export function concatView(source: View): View | null {
  if (!/["'`]/.test(source.text)) return null;
  return replaceView(source, JOIN, () => '', 'concat');
}
