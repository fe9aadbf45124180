// `keywarden scan --pre-receive`, the server-side hook's command: run the scan under a time budget and tell the
// pusher, in lines git relays to them prefixed with `remote: `, why the push is rejected. Exit 0 accepts the
// push; anything else rejects all of it (git's rule for pre-receive): 1 findings, 2 the scan failed, could not
// read everything, or ran out of time with --on-timeout closed.
import { placeOf } from '../findings.js';
import { stopEveryGit } from '../sources/git/run.js';
import type { Io } from '../io/io.js';
import { writeLine, writeNotes } from '../io/output.js';
import { runPipeline, type ScanOutcome } from './pipeline.js';
import { kindLabel } from '../reporters/text.js';
import { keyIdsOf } from '../findings.js';
import type { Finding } from '../types.js';
import type { PreReceiveRequest } from './requests.js';

/** How many findings are listed one per line; the rest are counted (a push of a leaked dump can hold thousands). */
const MAX_LISTED = 50;

export async function runPreReceive(options: PreReceiveRequest, io: Io): Promise<number> {
  const scan = runPipeline(options, io);
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeout * 1000);
  });
  let outcome: ScanOutcome | 'timeout';
  try {
    outcome = await Promise.race([scan, budget]);
  } finally {
    clearTimeout(timer);
  }
  if (outcome === 'timeout') {
    // The scan is abandoned: its git children are ended now, and the process with them (io.abandon): the
    // detection under way cannot be cancelled, and git waits for the hook to exit.
    scan.catch(() => {});
    stopEveryGit();
    const code = timedOut(options, io);
    io.abandon?.(code);
    return code;
  }
  writeNotes(outcome.notes, options, io);
  const findings = outcome.report.findings;
  if (outcome.incomplete) {
    writeLine('push rejected: the scan could not read everything it had to (see above), so it cannot say the push is clean', io);
    return 2;
  }
  if (findings.length === 0) {
    if (options.verbose) writeLine(`no AWS credentials in the ${outcome.report.scan.commits} new commit${outcome.report.scan.commits === 1 ? '' : 's'} of this push`, io);
    return 0;
  }
  writeLine(`push rejected: ${findings.length} AWS credential${findings.length === 1 ? '' : 's'} in the pushed commits:`, io);
  for (const finding of findings.slice(0, MAX_LISTED)) writeLine(findingLine(finding, outcome.redactText), io);
  if (findings.length > MAX_LISTED) writeLine(`and ${findings.length - MAX_LISTED} more`, io);
  for (const line of advice(findings)) writeLine(line, io);
  return 1;
}

/** The line that says what the time budget did to the push, and the exit code that does it. */
function timedOut(options: Pick<PreReceiveRequest, 'timeout' | 'onTimeout'>, io: Io): number {
  const seconds = `${options.timeout} second${options.timeout === 1 ? '' : 's'}`;
  if (options.onTimeout === 'open') {
    writeLine(`warning: the scan for AWS credentials did not finish within ${seconds} (--timeout): the push is accepted UNSCANNED (--on-timeout open)`, io);
    return 0;
  }
  writeLine(`push rejected: the scan for AWS credentials did not finish within ${seconds} (--timeout), and an unscanned push is not let through (--on-timeout closed). Push fewer commits at a time, or ask the administrator to raise the hook's --timeout`, io);
  return 2;
}

/** `FILE:LINE:COL KIND SECRET in commit SHA "SUBJECT"`: data as the rest of keywarden prints it (redacted; escaped by writeLine). */
export function findingLine(finding: Finding, redactText: (text: string) => string): string {
  const commit = finding.commit === null ? '' : ` in commit ${finding.commit.sha.slice(0, 12)} "${redactText(finding.commit.message)}"`;
  return `${redactText(placeOf(finding))}:${finding.line}:${finding.column} ${kindLabel(finding.kind)} ${finding.secret}${commit}`;
}

function advice(findings: readonly Finding[]): string[] {
  const keyIds = keyIdsOf(findings);
  return [
    'rewrite these commits without the keys (git rebase -i; a later commit that deletes a key does not take it out of history), then push again',
    `a key that was ever pushed or shared is leaked: deactivate it (${keyIds.length > 0 ? `keywarden remediate ${keyIds.map((id) => `--key ${id}`).join(' ')}` : 'keywarden remediate'})`,
    "a false positive: a keywarden:allow comment on its line, or an entry in the default branch's .keywarden-baseline.json",
  ];
}
