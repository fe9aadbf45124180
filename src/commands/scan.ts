// `keywarden scan` (every mode but --pre-receive): the pipeline, then --verify / --only-verified, the report
// in its format to stdout or --output, and after a text report the advice that fits the mode. Exit 0 clean,
// 1 findings, 2 an incomplete scan (never 0 as if clean, nor 1 as if these were all the findings).
import { withVerifications } from '../findings.js';
import { wantsColor, type Io } from '../io/io.js';
import { emit, writeAllowed, writeLine, writeNotes } from '../io/output.js';
import type { Finding } from '../types.js';
import { runPipeline, type ScanOutcome } from './pipeline.js';
import type { ScanCommandRequest, VerifyRequest } from './requests.js';
import { words } from '../words/index.js';

export async function runScan(request: ScanCommandRequest, io: Io): Promise<number> {
  const outcome = await runPipeline(request, io);
  writeNotes(outcome.notes, request, io);
  if (request.verbose) writeAllowed(outcome.located, outcome.redactText, io);
  const format = request.format;
  let report = outcome.report;
  if (request.verify) report = { ...report, findings: await verifyFound(outcome, request, io) };
  let leftOut: number | undefined;
  if (request.onlyVerified) {
    // A filter for triage, not a gate: what STS could not confirm live (invalid, unknown, not checked) is left out.
    const live = report.findings.filter((finding) => finding.verification?.status === 'live');
    leftOut = report.findings.length - live.length;
    // The text report's summary says it; other formats have no place for it.
    if (leftOut > 0 && format !== 'text' && !request.quiet) writeLine(words().output.onlyVerified(leftOut), io);
    report = { ...report, findings: live };
  }
  const { loadReporter } = await import('../reporters/index.js');
  const reporter = await loadReporter(format);
  const toFile = request.output !== undefined;
  let text = reporter(report, {
    allowed: outcome.allowed,
    notes: outcome.notes,
    color: !toFile && wantsColor(io.stdout, io.env),
    verbose: request.verbose,
    leftOut,
  });
  if (format === 'text' && report.findings.length > 0) {
    // The pre-commit hook's command: say the commit was stopped and how to fix it (src/init/advice.ts).
    // A staged key never reached history, so the advice (which already points at `remediate --key`) replaces the playbook hint.
    if (request.staged) text += '\n' + (await import('../init/advice.js')).blockedCommitAdvice(report.findings);
    else if (request.commitMsg !== undefined) text += '\n' + (await import('../init/advice.js')).blockedMessageAdvice(report.findings);
    else {
      const { shortPlaybook } = await import('../remediation/hint.js');
      text += '\n' + shortPlaybook(report.findings, request.remediateCommand);
    }
  }
  emit(text, request, io);
  if (outcome.incomplete) return 2;
  return report.findings.length > 0 ? 1 : 0;
}

/**
 * scan --verify: asks STS about each found key pair (one line per key on stderr); never by default. Returns
 * the findings with STS's answer on those of each checked key (Finding.verification), for every format.
 */
async function verifyFound(outcome: ScanOutcome, request: VerifyRequest, io: Io): Promise<Finding[]> {
  const { leaksFromLocated } = await import('../remediation/leaks.js');
  const { verificationOf, verifyKeys } = await import('./verify-keys.js');
  // leaksFromLocated leaves out what inline ignores, allowlists and the baseline accepted.
  const set = leaksFromLocated(outcome.located, outcome.report.scan.mode, outcome.redactText);
  if (set.keys.length === 0) return outcome.report.findings;
  const { results } = await verifyKeys(set, outcome.config.accounts, request, io);
  const byKeyId = new Map([...results].map(([keyId, result]) => [keyId, verificationOf(result, outcome.redactText)]));
  return withVerifications(outcome.report.findings, byKeyId);
}
