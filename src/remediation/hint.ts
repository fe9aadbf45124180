// The short playbook printed after every text scan report with findings: what to do in the next minutes, with
// the leaked key IDs, and the command that prints the full playbook. Loaded only when a scan found something,
// and kept small: it imports nothing but the key-type table, escaping and shell quoting. Key IDs come from the
// scanned files: the AWS rule's are plain, but a rule in a repository's config can match anything, so one is
// escaped where it is shown and quoted where it goes into a command.
import { keyTypeOf } from '../aws/key-id.js';
import { shellQuote } from '../init/advice.js';
import { escapeText } from '../text/escape.js';
import type { Finding } from '../types.js';

export function shortPlaybook(findings: Finding[]): string {
  const keyIds: string[] = [];
  let unpaired = 0;
  for (const finding of findings) {
    const keyId = finding.kind === 'access-key-id' ? finding.secret : finding.keyId;
    if (keyId === null) unpaired++;
    else if (!keyIds.includes(keyId)) keyIds.push(keyId);
  }
  const committed = findings.some((finding) => finding.commit !== null);
  const lines: string[] = ['What to do now:'];
  lines.push(
    committed
      ? '  1. If a commit holding a key was pushed, treat the key as public: act on the key first, rewrite history last.'
      : '  1. Take the credentials out of the files; load them from ~/.aws/credentials or environment variables.',
  );
  if (keyIds.length > 0) lines.push('  2. Deactivate, then delete each key (a temporary ASIA key: revoke its role\'s sessions instead):');
  const shown = keyIds.slice(0, 5);
  for (const keyId of shown) {
    lines.push(
      keyTypeOf(keyId) === 'temporary'
        ? `       ${escapeText(keyId)}: IAM console → Roles → the role that issued it → Revoke sessions`
        : `       aws iam update-access-key --user-name OWNER --access-key-id ${shellQuote(keyId)} --status Inactive`,
    );
  }
  if (keyIds.length > shown.length) lines.push(`       …and ${keyIds.length - shown.length} more key${keyIds.length - shown.length === 1 ? '' : 's'}`);
  if (unpaired > 0) {
    const text = `${unpaired} secret${unpaired === 1 ? '' : 's'} without a key ID: rotate every key that could be its partner.`;
    lines.push(keyIds.length > 0 ? `       ${text}` : `  2. ${text}`);
  }
  lines.push('  3. Check CloudTrail in every region for use of the keys, then rotate every IAM user\'s access keys.');
  lines.push('Full playbook with ready commands: run `keywarden remediate` with the same scan options (e.g. `keywarden remediate --history`).');
  return lines.join('\n') + '\n';
}
