// What a blocked commit says, after the findings: that nothing was committed, how to fix it, how to mark a
// false positive, and what to do if the key was ever pushed. It lives with `init` because it is the other
// half of the hook that init installs; the text report appends it for `scan --staged` (the hook's command),
// so the husky hook, hooks/pre-commit and the pre-commit framework all print the same words. File names are
// data: escaped in prose (escapeText) and quoted in commands so that they still name the real file.
import { keyIdsOf, placeOf } from '../findings.js';
import { escapeText } from '../text/escape.js';
import { shellQuote } from '../text/shell-quote.js';
import type { Finding } from '../types.js';
import { words } from '../words/index.js';

export function blockedCommitAdvice(findings: readonly Finding[]): string {
  const files = [...new Set(findings.map((finding) => finding.file))];
  const keyIds = keyIdsOf(findings);
  const w = words().blocked;
  const where = findings.slice(0, 5).map((finding) => `${escapeText(placeOf(finding))}:${finding.line}`);
  if (findings.length > where.length) where.push(w.more(findings.length - where.length));
  const lines = w.commit(where.join(w.listJoin), files.map(shellQuote).join(' '));
  const remediate = keyIds.length > 0 ? `keywarden remediate ${keyIds.map((id) => `--key ${shellQuote(id)}`).join(' ')}` : 'keywarden remediate';
  lines.push(w.leaked(remediate));
  lines.push(w.noVerify);
  return lines.join('\n') + '\n';
}


/** What a commit blocked by the commit-msg hook says, after the findings (`scan --commit-msg`). */
export function blockedMessageAdvice(findings: readonly Finding[]): string {
  const keyIds = keyIdsOf(findings);
  const w = words().blocked;
  const where = findings.slice(0, 5).map((finding) => w.line(finding.line));
  if (findings.length > where.length) where.push(w.more(findings.length - where.length));
  const remediate = keyIds.length > 0 ? `keywarden remediate ${keyIds.map((id) => `--key ${shellQuote(id)}`).join(' ')}` : 'keywarden remediate';
  return w.message(where.join(w.listJoin), remediate).join('\n') + '\n';
}
