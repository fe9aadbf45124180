// Quoting for commands keywarden prints for copy-paste: the one shellQuote (file names, key IDs, user names).
import { escapeText } from './escape.js';

/**
 * Quotes a path for copy-paste into a POSIX shell when it holds anything but safe characters. A name that
 * escapeText would change (a control character, a bidi override) is written in bash/zsh ANSI-C quotes,
 * $'…', whose escapes are escapeText's own: the terminal sees no control and the command names the real file.
 */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(text)) return text;
  const escaped = escapeText(text);
  if (escaped !== text) return `$'${escaped.replace(/'/g, "\\'")}'`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
