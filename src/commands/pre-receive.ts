// `keywarden scan --pre-receive`, the server-side hook's command: run the scan under a time budget and tell the
// pusher, in lines git relays to them prefixed with `remote: `, why the push is rejected. Exit 0 accepts the
// push; anything else rejects all of it (git's rule for pre-receive): 1 findings, 2 the scan failed, could not
// read everything, or ran out of time with --on-timeout closed.
import { placeOf } from '../findings.js';
import { stopEveryGit } from '../sources/git/run.js';
import type { Io } from '../io/io.js';
import { writeLine, writeNotes } from '../io/output.js';
import { runPipeline, type ScanOutcome } from './pipeline.js';
import { kindLabel } from '../words/index.js';
import { keyIdsOf } from '../findings.js';
import type { Finding } from '../types.js';
import type { PreReceiveRequest } from './requests.js';
import { words } from '../words/index.js';

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
    writeLine(words().preReceive.incomplete, io);
    return 2;
  }
  if (findings.length === 0) {
    if (options.verbose) writeLine(words().preReceive.clean(outcome.report.scan.commits), io);
    return 0;
  }
  writeLine(words().preReceive.rejected(findings.length), io);
  for (const finding of findings.slice(0, MAX_LISTED)) writeLine(findingLine(finding, outcome.redactText), io);
  if (findings.length > MAX_LISTED) writeLine(words().preReceive.more(findings.length - MAX_LISTED), io);
  for (const line of advice(findings)) writeLine(line, io);
  return 1;
}

/** The line that says what the time budget did to the push, and the exit code that does it. */
function timedOut(options: Pick<PreReceiveRequest, 'timeout' | 'onTimeout'>, io: Io): number {
  const w = words().preReceive;
  const seconds = w.seconds(options.timeout);
  if (options.onTimeout === 'open') {
    writeLine(w.timeoutOpen(seconds), io);
    return 0;
  }
  writeLine(w.timeoutClosed(seconds), io);
  return 2;
}

/** `FILE:LINE:COL KIND SECRET in commit SHA "SUBJECT"`: data as the rest of keywarden prints it (redacted; escaped by writeLine). */
export function findingLine(finding: Finding, redactText: (text: string) => string): string {
  const commit = finding.commit === null ? '' : words().preReceive.inCommit(finding.commit.sha.slice(0, 12), redactText(finding.commit.message));
  return `${redactText(placeOf(finding))}:${finding.line}:${finding.column} ${kindLabel(finding.kind)} ${finding.secret}${commit}`;
}

function advice(findings: readonly Finding[]): string[] {
  const keyIds = keyIdsOf(findings);
  const w = words().preReceive;
  return [w.rewrite, w.leaked(keyIds.length > 0 ? `keywarden remediate ${keyIds.map((id) => `--key ${id}`).join(' ')}` : 'keywarden remediate'), w.falsePositive];
}
