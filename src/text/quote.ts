// Text from a file the user wrote (a config value, a key name, a regex), quoted in an error message. The error
// names where the problem is (line and column, field); the quote only helps recognise it, so it is shortened,
// and anything shaped like a credential loses all but its first four characters: a secret pasted into a
// config by mistake (an allow-regex listing a key, a key in the wrong field) must not reach a terminal or a
// public CI log whole. The caller still escapes the message for its output (escape.ts).

/** A run of 16 or more base64/base32 characters: key IDs, secret keys, tokens. */
const CREDENTIAL_SHAPED = /[A-Za-z0-9/+=]{16,}/g;

/** Masks every credential-shaped run of `text` (keeps its first four characters). */
export function maskCredentials(text: string): string {
  return text.replace(CREDENTIAL_SHAPED, (run) => `${run.slice(0, 4)}…`);
}

/** `text` as one short line, JSON-escaped, credential-shaped runs masked, at most about 60 characters. */
export function quoteFromFile(text: string): string {
  const flat = maskCredentials(JSON.stringify(text).slice(1, -1));
  if (flat.length <= 60) return flat;
  // Cut between two characters as a terminal draws them (grapheme clusters), never inside a surrogate pair
  // or between a letter and its accent. Loaded only for an error message: no need for text/width.ts here.
  let kept = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(flat)) {
    if (kept.length + segment.length > 57) break;
    kept += segment;
  }
  return `${kept}...`;
}
