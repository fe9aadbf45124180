// Base64 tokens that decode to text. Kubernetes Secrets hold values base64-encoded under `data:`, and whole
// credentials files or .env files are sometimes stored base64'd (after any name: `CREDS=<base64>`), or inside
// a JWT's payload (base64url JSON); the engine decodes such tokens and scans the decoded text (scan.ts),
// reporting what it finds at the token's position. Only tokens that decode to printable ASCII are kept, so
// random base64 (keys, hashes, integrity strings) is never rescanned.

import { containsLiteral } from './prefilter.js';
import { runsOf, SHORTEST_RUN } from './runs.js';

export interface Base64Token {
  index: number;
  text: string;
  decoded: string;
}

// `=` may precede a token (`CREDS=<base64>`): a token after another one's padding decodes to garbage and is dropped.
// Tried only at the start of each run of 16 key characters (sticky; every token starts at one, see starts.ts).
const TOKEN = new RegExp(`(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{${SHORTEST_RUN},}={0,2}(?![A-Za-z0-9+/=_-])`, 'y');
/** A JWT segment holding JSON (`eyJ` is base64 of `{"`), in the URL-safe alphabet and unpadded. */
const JSON_SEGMENT = /(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9_-]{13,}(?![A-Za-z0-9+/=_-])/g;

export function base64Tokens(text: string, maxLength: number): Base64Token[] {
  const tokens: Base64Token[] = [];
  const runs = runsOf(text);
  for (let i = 0; i < runs.length; i += 2) {
    TOKEN.lastIndex = runs[i];
    const m = TOKEN.exec(text);
    if (m === null) continue;
    const token = m[0];
    if (token.length > maxLength || token.length % 4 !== 0) continue;
    const bytes = Buffer.from(token, 'base64');
    if (!isPrintable(bytes)) continue;
    tokens.push({ index: m.index, text: token, decoded: bytes.toString('latin1') });
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

function isPrintable(bytes: Buffer): boolean {
  if (bytes.length < 12) return false;
  for (const byte of bytes) {
    if (byte >= 0x20 && byte < 0x7f) continue;
    if (byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return false;
  }
  return true;
}
