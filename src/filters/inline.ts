// Inline ignores: `keywarden:allow` anywhere on a finding's line, or `keywarden:allow-next-line` on the line
// above it. Only the directive's text is looked for, never a comment syntax, so it works after `#`, `//`,
// `--`, `;`, inside `/* */` or `<!-- -->`, and inside a string. A finding that spans lines (a token wrapped in
// a heredoc) is allowed by a directive on any of its lines, or by allow-next-line above its first line.
// It runs per chunk where the decoded text is at hand; one substring test keeps texts without directives free.
import type { Candidate } from '../types.js';

/** `keywarden:allow` not followed by `-next-line` (or by any other word character). */
const ALLOW = /keywarden:allow(?![\w-])/i;
const ALLOW_NEXT_LINE = /keywarden:allow-next-line(?![\w-])/i;

export function markInlineIgnores(candidates: Candidate[], text: string): Candidate[] {
  if (candidates.length === 0 || !/keywarden:allow/i.test(text)) return candidates;
  const starts = lineStarts(text);
  // Memoised per line and directive: a minified file is one huge line holding many candidates.
  const seen = new Map<string, boolean>();
  const has = (directive: RegExp, line: number): boolean => {
    if (line < 1 || line > starts.length) return false;
    const key = `${directive === ALLOW ? 'a' : 'n'}${line}`;
    let found = seen.get(key);
    if (found === undefined) {
      found = directive.test(text.slice(starts[line - 1], line < starts.length ? starts[line] : text.length));
      seen.set(key, found);
    }
    return found;
  };
  return candidates.map((candidate) => {
    if (candidate.allowedBy) return candidate;
    let allowed = has(ALLOW_NEXT_LINE, candidate.line - 1);
    for (let line = candidate.line; !allowed && line <= Math.max(candidate.line, candidate.endLine); line++) allowed = has(ALLOW, line);
    return allowed ? { ...candidate, allowedBy: 'inline' } : candidate;
  });
}

/** Offsets where each line begins; lines end at "\n" (a "\r" before it stays on the line and is harmless). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
