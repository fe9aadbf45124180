// The short playbook printed after every text scan report with findings: what to do in the next minutes, with
// the leaked key IDs, and the command that prints the full playbook: `keywarden remediate` with the options of
// the scan that was actually run, so it scans the same thing (a folder that is not a repository, a range…).
// Loaded only when a scan found something, and kept small: it imports nothing but the key-type table, the
// escaping and shell quoting (the remediate line is built from the command line by cli/remediate-command.ts). Key IDs come from the scanned files: the AWS rule's are plain, but
// a rule in a repository's config can match anything, so one is escaped where it is shown and quoted where it
// goes into a command. After --verify, STS's answer says which keys are LIVE and names the IAM user.
import { keyTypeOf } from '../aws/key-id.js';
import { keyIdOf } from '../findings.js';
import { shellQuote } from '../text/shell-quote.js';
import { escapeText } from '../text/escape.js';
import type { Finding, Verification } from '../types.js';

export function shortPlaybook(findings: Finding[], remediate = 'keywarden remediate'): string {
  const keyIds: string[] = [];
  const verified = new Map<string, Verification>();
  let unpaired = 0;
  for (const finding of findings) {
    const keyId = keyIdOf(finding);
    if (keyId === null) unpaired++;
    else if (!keyIds.includes(keyId)) keyIds.push(keyId);
    if (keyId !== null && finding.verification) verified.set(keyId, finding.verification);
  }
  // Live keys first: they are the ones being usable right now.
  keyIds.sort((a, b) => Number(verified.get(b)?.status === 'live') - Number(verified.get(a)?.status === 'live'));
  const committed = findings.some((finding) => finding.commit !== null);
  const lines: string[] = ['What to do now:'];
  lines.push(
    committed
      ? '  1. If a commit holding a key was pushed, treat the key as public: act on the key first, rewrite history last.'
      : '  1. Take the credentials out of the files; load them from ~/.aws/credentials or environment variables.',
  );
  if (keyIds.length > 0) lines.push('  2. Deactivate, then delete each key (a temporary ASIA key: revoke its role\'s sessions instead):');
  const shown = keyIds.slice(0, 5);
  for (const keyId of shown) lines.push(...keyLines(keyId, verified.get(keyId)));
  if (keyIds.length > shown.length) lines.push(`       …and ${keyIds.length - shown.length} more key${keyIds.length - shown.length === 1 ? '' : 's'}`);
  if (unpaired > 0) {
    const text = `${unpaired} secret${unpaired === 1 ? '' : 's'} without a key ID: rotate every key that could be its partner.`;
    lines.push(keyIds.length > 0 ? `       ${text}` : `  2. ${text}`);
  }
  lines.push('  3. Check CloudTrail in every region for use of the keys, then rotate every IAM user\'s access keys.');
  lines.push(`Full playbook with ready commands: ${remediate}`);
  return lines.join('\n') + '\n';
}

/** One key's lines: a LIVE mark when STS accepted it, then the command with the owner STS named (or OWNER). */
function keyLines(keyId: string, verification: Verification | undefined): string[] {
  const lines: string[] = [];
  const live = verification?.status === 'live';
  if (live) lines.push(`       ${escapeText(keyId)} is LIVE: AWS accepted it${verification.arn ? ` as ${escapeText(verification.arn)}` : ''}: act on it first.`);
  if (keyTypeOf(keyId) === 'temporary') {
    const role = live && verification.user && /:assumed-role\//.test(verification.arn ?? '') ? `the role ${escapeText(verification.user)}` : 'the role that issued it';
    lines.push(`       ${escapeText(keyId)}: IAM console → Roles → ${role} → Revoke sessions`);
  } else if (live && verification.arn && /:root$/.test(verification.arn)) {
    lines.push(`       ${escapeText(keyId)} is the ROOT user's key: sign in as root → Security credentials → Access keys → Deactivate`);
  } else {
    // The user STS named, quoted for the shell (a name is data; IAM allows +=,.@_- in it); else a placeholder.
    const owner = live && verification.user ? shellQuote(verification.user) : 'OWNER';
    lines.push(`       aws iam update-access-key --user-name ${owner} --access-key-id ${shellQuote(keyId)} --status Inactive`);
  }
  return lines;
}
