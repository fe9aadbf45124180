// How many terminal columns a text takes, the one place that is measured (the text report's table aligns on
// it). Like the string-width package, without the dependency: the text is split into grapheme clusters (what
// a terminal draws as one character: a letter with its combining accents, an emoji with its modifiers), and
// each takes 0, 1 or 2 columns. East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul
// syllables, fullwidth forms) and emoji shown as emoji take 2; combining marks, zero-width and format
// characters take 0; everything else 1. ANSI colour sequences are not counted: callers measure before they
// paint. JavaScript has no East_Asian_Width property escape, hence the table of the Wide/Fullwidth blocks.

/** Made on first use: most reports (and every pre-commit run without findings) are ASCII only. */
let segmenter: Intl.Segmenter | undefined;

/** Unicode 15 East_Asian_Width W and F ranges, merged into blocks (emoji are handled by property below). */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4], // ideographic symbols
  [0x17000, 0x18cff], // Tangut
  [0x1b000, 0x1b2ff], // Kana supplement and extensions, Nushu
  [0x20000, 0x2fffd], // CJK Extensions B–F
  [0x30000, 0x3fffd], // CJK Extensions G–H
];

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const EMOJI = /\p{Emoji_Presentation}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Terminal columns of one code point (not counting emoji presentation, decided per cluster). */
function codePointWidth(code: number): number {
  if (ZERO.test(String.fromCodePoint(code)) || (code >= 0x1160 && code <= 0x11ff)) return 0; // Hangul medial vowels join the syllable
  let low = 0;
  let high = WIDE.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (code < WIDE[mid][0]) high = mid - 1;
    else if (code > WIDE[mid][1]) low = mid + 1;
    else return 2;
  }
  return 1;
}

/** Columns one grapheme cluster takes: its first visible code point's width, or 2 when it is shown as an emoji. */
function clusterWidth(cluster: string): number {
  if (EMOJI.test(cluster) || (cluster.includes('\ufe0f') && PICTOGRAPH.test(cluster))) return 2;
  for (const char of cluster) {
    const width = codePointWidth(char.codePointAt(0)!);
    if (width > 0) return width;
  }
  return 0;
}

/** The number of terminal columns `text` takes. ASCII (most of every report) is its length. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) width += clusterWidth(segment);
  return width;
}

/** `text` followed by spaces up to `width` columns (never cut: a longer text is returned whole). */
export function padToWidth(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

