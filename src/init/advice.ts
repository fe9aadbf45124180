// What a blocked commit says, after the findings: that nothing was committed, how to fix it, how to mark a
// false positive, and what to do if the key was ever pushed. It lives with `init` because it is the other
// half of the hook that init installs; the text report appends it for `scan --staged` (the hook's command),
// so the husky hook, hooks/pre-commit and the pre-commit framework all print the same words. File names are
// data: escaped in prose (escapeText) and quoted in commands so that they still name the real file.
import { keyIdsOf, placeOf } from '../findings.js';
import { escapeText } from '../text/escape.js';
import { shellQuote } from '../text/shell-quote.js';
import type { Finding } from '../types.js';

export function blockedCommitAdvice(findings: readonly Finding[]): string {
  const files = [...new Set(findings.map((finding) => finding.file))];
  const keyIds = keyIdsOf(findings);
  const where = findings.slice(0, 5).map((finding) => `${escapeText(placeOf(finding))}:${finding.line}`);
  if (findings.length > where.length) where.push(`and ${findings.length - where.length} more`);
  const lines = [
    `Commit blocked: nothing was committed. The staged changes add AWS credentials (${where.join(', ')}).`,
    '',
    'To fix it:',
    '  1. Remove the key from the file. Keep credentials out of the repository: in ~/.aws/credentials',
    '     (`aws configure`), in environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), or in a',
    '     secrets manager, and read them from there.',
    `  2. Stage the fixed file (git add ${files.map(shellQuote).join(' ')}), or take it out of this commit:`,
    `     git restore --staged ${files.map(shellQuote).join(' ')}`,
    '  3. Commit again. Only the index is checked: a key left in the working tree but not staged does not block.',
    '',
    'A false positive? Put a `keywarden:allow` comment on that line, or accept it in the baseline the hook reads:',
    '  keywarden baseline --output .keywarden-baseline.json   (at the top of the repository: it records every',
    '  finding in the working tree), then git add .keywarden-baseline.json and commit again.',
  ];
  const remediate = keyIds.length > 0 ? `keywarden remediate ${keyIds.map((id) => `--key ${shellQuote(id)}`).join(' ')}` : 'keywarden remediate';
  lines.push(`Was this key ever pushed, shared or committed elsewhere? Treat it as leaked and deactivate it: ${remediate}`);
  lines.push('To commit anyway, skipping every pre-commit check (your responsibility): git commit --no-verify');
  return lines.join('\n') + '\n';
}


/** What a commit blocked by the commit-msg hook says, after the findings (`scan --commit-msg`). */
export function blockedMessageAdvice(findings: readonly Finding[]): string {
  const keyIds = keyIdsOf(findings);
  const where = findings.slice(0, 5).map((finding) => `line ${finding.line}`);
  if (findings.length > where.length) where.push(`and ${findings.length - where.length} more`);
  const remediate = keyIds.length > 0 ? `keywarden remediate ${keyIds.map((id) => `--key ${shellQuote(id)}`).join(' ')}` : 'keywarden remediate';
  return [
    `Commit blocked: nothing was committed. The commit message holds AWS credentials (${where.join(', ')}).`,
    '',
    'To fix it: commit again with the key taken out of the message (a message is pushed and kept in the history',
    'like any file). git kept the message you wrote; to edit it: git commit -e -F "$(git rev-parse --git-path COMMIT_EDITMSG)"',
    `Was this key ever pushed, shared or committed elsewhere? Treat it as leaked and deactivate it: ${remediate}`,
    'To commit anyway, skipping every commit-msg check (your responsibility): git commit --no-verify',
  ].join('\n') + '\n';
}
