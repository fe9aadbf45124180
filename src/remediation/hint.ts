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
import { words } from '../words/index.js';

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
  const w = words().hint;
  const lines: string[] = [w.title];
  lines.push(committed ? w.committed : w.notCommitted);
  if (keyIds.length > 0) lines.push(w.deactivate);
  const shown = keyIds.slice(0, 5);
  for (const keyId of shown) lines.push(...keyLines(keyId, verified.get(keyId)));
  if (keyIds.length > shown.length) lines.push(w.more(keyIds.length - shown.length));
  if (unpaired > 0) {
    const text = w.unpaired(unpaired);
    lines.push(keyIds.length > 0 ? `       ${text}` : `  2. ${text}`);
  }
  lines.push(w.cloudtrail);
  lines.push(w.full(remediate));
  return lines.join('\n') + '\n';
}

/** One key's lines: a LIVE mark when STS accepted it, then the command with the owner STS named (or OWNER). */
function keyLines(keyId: string, verification: Verification | undefined): string[] {
  const w = words().hint;
  const lines: string[] = [];
  const live = verification?.status === 'live';
  if (live) lines.push(`       ${w.live(escapeText(keyId), verification.arn ? escapeText(verification.arn) : null)}`);
  if (keyTypeOf(keyId) === 'temporary') {
    const role = live && verification.user && /:assumed-role\//.test(verification.arn ?? '') ? w.theRole(escapeText(verification.user)) : w.issuingRole;
    lines.push(`       ${w.revoke(escapeText(keyId), role)}`);
  } else if (live && verification.arn && /:root$/.test(verification.arn)) {
    lines.push(`       ${w.root(escapeText(keyId))}`);
  } else {
    // The user STS named, quoted for the shell (a name is data; IAM allows +=,.@_- in it); else a placeholder.
    const owner = live && verification.user ? shellQuote(verification.user) : 'OWNER';
    lines.push(`       aws iam update-access-key --user-name ${owner} --access-key-id ${shellQuote(keyId)} --status Inactive`);
  }
  return lines;
}
