// How many terminal columns a text takes, the one place that is measured (the text report's table aligns on
// it, the playbook wraps on it), and where a text is cut or wrapped, only ever between two characters. The
// text is split into grapheme clusters (what a terminal draws as one character: a letter with its combining
// accents, an emoji with its modifiers), and each takes 0, 1 or 2 columns: East Asian Wide and Fullwidth
// characters (Unicode's East_Asian_Width property, from get-east-asian-width: CJK ideographs, kana, Hangul
// syllables, fullwidth forms) and emoji shown as emoji take 2; combining marks, zero-width and format
// characters take 0; everything else 1 (Ambiguous counts as narrow, as terminals outside East Asian locales
// draw it). ANSI colour sequences are not counted: callers measure before they paint.
import { eastAsianWidth } from 'get-east-asian-width';

/** Made on first use: most reports (and every pre-commit run without findings) are ASCII only. */
let segmenter: Intl.Segmenter | undefined;

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const EMOJI = /\p{Emoji_Presentation}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), ({ segment }) => segment);
}

/** Terminal columns of one code point (not counting emoji presentation, decided per cluster). */
function codePointWidth(code: number): number {
  if (ZERO.test(String.fromCodePoint(code)) || (code >= 0x1160 && code <= 0x11ff)) return 0; // Hangul medial vowels join the syllable
  return eastAsianWidth(code);
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
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const cluster of graphemes(text)) width += clusterWidth(cluster);
  return width;
}

/** `text` followed by spaces up to `width` columns (never cut: a longer text is returned whole). */
export function padToWidth(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** `text` shortened to at most `width` columns, ending in `mark` when cut; cut between characters only. */
export function truncateToWidth(text: string, width: number, mark = '...'): string {
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(mark);
  let used = 0;
  let kept = '';
  for (const cluster of graphemes(text)) {
    const w = clusterWidth(cluster);
    if (used + w > room) break;
    kept += cluster;
    used += w;
  }
  return kept + mark;
}

// Japanese line breaking (kinsoku): no line starts with closing punctuation or a small kana, none ends with
// an opening bracket. ASCII closers count too: "キー)" stays together.
const NO_START = new Set([...'、。，．・：；？！）」』】〕〉》ー…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々),.:;!?]}']);
const NO_END = new Set([...'（「『【〔〈《([{']);

/**
 * The unbreakable pieces of a word (text without white space): a word of narrow characters is one piece, as
 * in English; next to a wide character (Japanese is written without spaces) a line may break, except
 * where kinsoku forbids it.
 */
function pieces(word: string): string[] {
  if (PRINTABLE_ASCII.test(word)) return [word];
  const clusters = graphemes(word);
  const out: string[] = [];
  let piece = '';
  clusters.forEach((cluster, i) => {
    const previous = clusters[i - 1];
    const breakable = i > 0 && (clusterWidth(previous) === 2 || clusterWidth(cluster) === 2) && !NO_START.has(cluster) && !NO_END.has(previous);
    if (breakable) {
      out.push(piece);
      piece = '';
    }
    piece += cluster;
  });
  out.push(piece);
  return out;
}

/**
 * Word-wraps one paragraph to `width` columns: words are separated by single spaces, the first line starts
 * with `first` and the others with `indent`. A piece wider than the line is put on a line of its own, whole.
 */
export function wrapToWidth(text: string, width: number, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let used = displayWidth(first);
  let empty = true;
  const words = text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    let separator = empty ? '' : ' ';
    let parts = pieces(words[i]);
    // A number and the Japanese counter after it (2 行目, 90 日, 1 件) are not parted at the line's end.
    if (/^\d+$/.test(words[i]) && i + 1 < words.length && clusterWidth(graphemes(words[i + 1])[0] ?? '') === 2) {
      const next = pieces(words[++i]);
      parts = [`${parts[0]} ${next[0]}`, ...next.slice(1)];
    }
    for (const piece of parts) {
      const w = displayWidth(piece);
      if (!empty && used + separator.length + w > width) {
        lines.push(line);
        line = indent;
        used = displayWidth(indent);
        separator = '';
      }
      line += separator + piece;
      used += separator.length + w;
      separator = '';
      empty = false;
    }
  }
  lines.push(line);
  return lines;
}
