// Base64 tokens that decode to text. Kubernetes Secrets hold values base64-encoded under `data:`, and whole
// credentials files or .env files are sometimes stored base64'd (after any name: `CREDS=<base64>`), or inside
// a JWT's payload (base64url JSON); the engine decodes such tokens and scans the decoded text (scan.ts),
// reporting what it finds at the token's position. Only tokens that decode to printable ASCII are kept, so
// random base64 (keys, hashes, integrity strings) is never rescanned.

import { containsLiteral } from './prefilter.js';
import { isKeyChar, runsOf } from './runs.js';
import { isTextCode } from './views.js';

export interface Base64Token {
  index: number;
  text: string;
  decoded: string;
}

/** A JWT segment holding JSON (`eyJ` is base64 of `{"`), in the URL-safe alphabet and unpadded. */
const JSON_SEGMENT = /(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9_-]{13,}(?![A-Za-z0-9+/=_-])/g;

/**
 * Tokens are what `(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=_-])` matches. Every one starts
 * at a run of 16 key characters (runs.ts SHORTEST_RUN) and holds all of it (see tokenEnd): read off the runs by hand, and
 * decoded only when its first characters decode to text (random base64, most of the runs in AWS fixtures, is not).
 * `=` may precede a token (`CREDS=<base64>`): a token after another one's padding decodes to garbage and is dropped.
 */
export function base64Tokens(text: string, maxLength: number): Base64Token[] {
  const tokens: Base64Token[] = [];
  const runs = runsOf(text);
  for (let i = 0; i < runs.length; i += 2) {
    const index = runs[i];
    const end = tokenEnd(text, index, runs[i + 1]);
    if (end === -1 || end - index > maxLength || (end - index) % 4 !== 0 || !printableStart(text, index)) continue;
    const token = text.slice(index, end);
    const bytes = Buffer.from(token, 'base64');
    if (!isPrintable(bytes)) continue;
    tokens.push({ index, text: token, decoded: bytes.toString('latin1') });
  }
  // Segments in the plain alphabet and of padded length were taken above.
  for (const token of jsonSegments(text, maxLength)) if (/[-_]/.test(token.text) || token.text.length % 4 !== 0) tokens.push(token);
  return tokens;
}

/** JWT segments (`eyJ…`, base64url of JSON) that decode to text. */
export function jsonSegments(text: string, maxLength: number): Base64Token[] {
  const tokens: Base64Token[] = [];
  if (!containsLiteral(text, 'eyJ')) return tokens;
  JSON_SEGMENT.lastIndex = 0;
  for (let m = JSON_SEGMENT.exec(text); m; m = JSON_SEGMENT.exec(text)) {
    const token = m[0];
    if (token.length > maxLength) continue;
    const bytes = Buffer.from(token, 'base64url');
    if (!isPrintable(bytes)) continue;
    tokens.push({ index: m.index, text: token, decoded: bytes.toString('latin1') });
  }
  return tokens;
}

/**
 * Where the token at the run text[from, to) ends, or -1 if there is none. The run is a whole run of key
 * characters, so the pattern's greedy class takes all of it and gives none back (a shorter match would end
 * before a key character); then `={0,2}` and the lookarounds: not after `_` or `-`, and at most two `=`,
 * followed by none of [A-Za-z0-9+/=_-].
 */
function tokenEnd(text: string, from: number, to: number): number {
  if (from > 0 && isBase64UrlOnly(text.charCodeAt(from - 1))) return -1;
  let end = to;
  while (end < text.length && end - to <= 2 && text.charCodeAt(end) === EQUALS) end++;
  if (end - to > 2) return -1;
  if (end < text.length && (isKeyChar(text.charCodeAt(end)) || isBase64UrlOnly(text.charCodeAt(end)))) return -1;
  return end;
}

const EQUALS = 0x3d;

/** `_` and `-`: characters of base64url only, which a token may not touch. */
function isBase64UrlOnly(code: number): boolean {
  return code === 0x5f || code === 0x2d;
}

/** Values of the base64 characters (+ and / included), by character code. */
const SEXTETS = new Uint8Array(128);
for (const [i, char] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) SEXTETS[char.charCodeAt(0)] = i;

/** Are the three bytes the token's first four characters (key characters) decode to printable, as isPrintable asks of all? */
function printableStart(text: string, at: number): boolean {
  const a = SEXTETS[text.charCodeAt(at)];
  const b = SEXTETS[text.charCodeAt(at + 1)];
  const c = SEXTETS[text.charCodeAt(at + 2)];
  const d = SEXTETS[text.charCodeAt(at + 3)];
  return isTextCode((a << 2) | (b >> 4)) && isTextCode(((b & 15) << 4) | (c >> 2)) && isTextCode(((c & 3) << 6) | d);
}

function isPrintable(bytes: Buffer): boolean {
  if (bytes.length < 12) return false;
  for (const byte of bytes) if (!isTextCode(byte)) return false;
  return true;
}
