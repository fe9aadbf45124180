// Bytes → text for scanning. Files in the wild are UTF-8 (with or without BOM), sometimes UTF-16 with a
// BOM (Windows tools, PowerShell redirects), and sometimes binary. UTF-16 without a BOM is recognised by its
// NUL pattern, since some editors write it that way. Binary is not skipped: one NUL byte in front of a text
// file would otherwise hide every key in it from every scan. Its text is read as strings(1) finds it (each
// byte as Latin-1, control bytes as spaces so that line numbers still count its newlines); the keyword
// prefilter runs on the raw bytes first, so a binary without a keyword is never decoded at all.

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'binary';
}

/**
 * How many leading bytes decide whether a buffer is binary (as git and ripgrep do, the first 8 KiB); the
 * prefilter and the pack reader look at the same bytes for UTF-16.
 */
export const SNIFF_BYTES = 8192;

export function decodeBytes(data: Buffer): Decoded {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return { text: data.toString('utf8', 3), encoding: 'utf-8-bom' };
  }
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
    return { text: data.toString('utf16le', 2), encoding: 'utf-16le' };
  }
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    return { text: swapUtf16(data.subarray(2)).toString('utf16le'), encoding: 'utf-16be' };
  }
  const sniff = data.subarray(0, SNIFF_BYTES);
  const nul = sniff.indexOf(0);
  if (nul === -1) return { text: data.toString('utf8'), encoding: 'utf-8' };
  const bomless = bomlessUtf16(sniff);
  if (bomless === 'le') return { text: data.toString('utf16le'), encoding: 'utf-16le' };
  if (bomless === 'be') return { text: swapUtf16(data).toString('utf16le'), encoding: 'utf-16be' };
  return { text: printableText(data), encoding: 'binary' };
}

/** The text inside binary content: control bytes (but tab, newline and carriage return) and DEL become spaces. */
function printableText(data: Buffer): string {
  const copy = Buffer.from(data);
  for (let i = 0; i < copy.length; i++) {
    const byte = copy[i];
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) copy[i] = 0x20;
  }
  return copy.toString('latin1');
}

/**
 * UTF-16 text of mostly ASCII has a NUL in nearly every other byte. The other byte of a code unit is NUL too
 * for a few characters (U+0100 "Ā", U+4E00 "一", U+2000 ...): allowing some keeps one of them from turning a
 * whole file into "binary" (read byte by byte). Reading binary as UTF-16 by mistake costs only a scan of garbage.
 */
function bomlessUtf16(sniff: Buffer): 'le' | 'be' | null {
  const pairs = sniff.length >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sniff.length; i += 2) {
    if (sniff[i] === 0) evenNul++;
    if (sniff[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.9 && evenNul <= pairs * 0.05) return 'le';
  if (evenNul >= pairs * 0.9 && oddNul <= pairs * 0.05) return 'be';
  return null;
}

function swapUtf16(data: Buffer): Buffer {
  const copy = Buffer.from(data.subarray(0, data.length & ~1));
  return copy.swap16();
}
