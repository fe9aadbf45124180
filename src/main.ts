// One invocation: parse → run the command → exit status. Returns 0 (nothing found), 1 (findings) or 2
// (usage, configuration or runtime error: one line on stderr, the stack only with --debug). Nothing here
// touches `process`; cli.ts hands in the Io and sets the exit code.
import { parseFast } from './cli/fast-argv.js';
import { chooseLanguage } from './cli/lang.js';
import { checkOutputPaths } from './cli/output-path.js';
import type { Format, ScanOptions } from './cli/options.js';
import { isExpected } from './errors.js';
import { withVerifications } from './findings.js';
import { wantsColor, type Io } from './io.js';
import { emit, writeAllowed, writeLine, writeNotes } from './output.js';
import { escapeLines, escapeText } from './text/escape.js';
import { runPipeline } from './pipeline.js';
import type { Finding } from './types.js';
import { VERSION } from './version.js';
import { loadGuide, words } from './words/index.js';

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    // First, so that every message of the run (the parsers' errors too) is in the chosen language.
    await chooseLanguage(argv, io.env);
    const options = parseFast(argv) ?? (await parseSlow(argv, io));
    if (options === null) return 0;
    debug = options.debug;
    checkOutputPaths(options, io.cwd);
    switch (options.command) {
      case 'scan':
        return await scanCommand(options, argv, io);
      case 'baseline':
        return await baselineCommand(options, io);
      case 'remediate':
        return await (await import('./remediation/command.js')).runRemediate(options, io);
      case 'init':
        return await (await import('./init/command.js')).runInit(options, io);
      case 'merge':
        return await (await import('./commands/merge.js')).runMerge(options, io);
    }
  } catch (error) {
    io.stderr.write(`keywarden: ${describeError(error, debug)}\n`);
    return 2;
  }
}

/** yargs, loaded only when the fast path declines; prints help or version itself and returns null. */
async function parseSlow(argv: readonly string[], io: Io): Promise<ScanOptions | null> {
  // Every command yargs parses may print help or run remediate or init, which show the guide's words.
  await loadGuide();
  const parsed = await (await import('./cli/parse.js')).parseArgs(argv, VERSION);
  if (parsed.kind === 'print') {
    io.stdout.write(parsed.text.endsWith('\n') ? parsed.text : parsed.text + '\n');
    return null;
  }
  return parsed.options;
}

async function scanCommand(options: ScanOptions, argv: readonly string[], io: Io): Promise<number> {
  // The server-side hook reports in lines git relays to the pusher, under a time budget (src/cli/pre-receive.ts).
  if (options.preReceive) return (await import('./cli/pre-receive.js')).preReceiveCommand(options, io);
  const outcome = await runPipeline(options, io);
  writeNotes(outcome.notes, options, io);
  if (options.verbose) writeAllowed(outcome.located, outcome.redactText, io);
  const format = options.format as Format;
  let report = outcome.report;
  if (options.verify) report = { ...report, findings: await verifyFound(outcome, options, io) };
  let leftOut: number | undefined;
  if (options.onlyVerified) {
    // A filter for triage, not a gate: what STS could not confirm live (invalid, unknown, not checked) is left out.
    const live = report.findings.filter((finding) => finding.verification?.status === 'live');
    leftOut = report.findings.length - live.length;
    // The text report's summary says it; other formats have no place for it.
    if (leftOut > 0 && format !== 'text' && !options.quiet) writeLine(words().output.onlyVerified(leftOut), io);
    report = { ...report, findings: live };
  }
  const { loadReporter } = await import('./reporters/index.js');
  const reporter = await loadReporter(format);
  const toFile = options.output !== undefined;
  let text = reporter(report, {
    allowed: outcome.allowed,
    notes: outcome.notes,
    color: !toFile && wantsColor(io.stdout, io.env),
    verbose: options.verbose,
    leftOut,
  });
  if (format === 'text' && report.findings.length > 0) {
    // The pre-commit hook's command: say the commit was stopped and how to fix it (src/init/advice.ts).
    // A staged key never reached history, so the advice (which already points at `remediate --key`) replaces the playbook hint.
    if (options.staged) text += '\n' + (await import('./init/advice.js')).blockedCommitAdvice(report.findings);
    else if (options.commitMsg !== undefined) text += '\n' + (await import('./init/advice.js')).blockedMessageAdvice(report.findings);
    else {
      const { remediateCommand, shortPlaybook } = await import('./remediation/hint.js');
      text += '\n' + shortPlaybook(report.findings, remediateCommand(argv));
    }
  }
  emit(text, options, io);
  if (outcome.incomplete) return 2; // never 0 as if clean, nor 1 as if these were all the findings
  return report.findings.length > 0 ? 1 : 0;
}

async function baselineCommand(options: ScanOptions, io: Io): Promise<number> {
  // The baseline records what is found now, so an existing baseline must not hide anything from it.
  const outcome = await runPipeline({ ...options, baseline: undefined }, io);
  const { serializeBaseline } = await import('./filters/baseline.js');
  emit(serializeBaseline(outcome.report.findings), options, io);
  writeNotes(outcome.notes, options, io);
  // One entry per fingerprint: a secret found in several commits of the same file is one entry.
  const entries = new Set(outcome.report.findings.map((finding) => finding.fingerprint)).size;
  if (!options.quiet) writeLine(words().output.baselineWritten(entries, String(options.output)), io);
  return outcome.incomplete ? 2 : 0;
}

/**
 * scan --verify: asks STS about each found key pair (one line per key on stderr); never by default. Returns
 * the findings with STS's answer on those of each checked key (Finding.verification), for every format.
 */
async function verifyFound(outcome: ScanOutcome, options: ScanOptions, io: Io): Promise<Finding[]> {
  const { leaksFromLocated } = await import('./remediation/leaks.js');
  const { verificationOf, verifyKeys } = await import('./remediation/verify-keys.js');
  // leaksFromLocated leaves out what inline ignores, allowlists and the baseline accepted.
  const set = leaksFromLocated(outcome.located, outcome.report.scan.mode, outcome.redactText);
  if (set.keys.length === 0) return outcome.report.findings;
  const { results } = await verifyKeys(set, outcome.config.accounts, options, io);
  const byKeyId = new Map([...results].map(([keyId, result]) => [keyId, verificationOf(result, outcome.redactText)]));
  return withVerifications(outcome.report.findings, byKeyId);
}

type ScanOutcome = Awaited<ReturnType<typeof runPipeline>>;

/** Messages may name paths and refs from the repository: escaped (escapeText), a --debug stack line by line. */
function describeError(error: unknown, debug: boolean): string {
  if (isExpected(error)) return debug && error.stack ? escapeLines(error.stack) : escapeText(error.message);
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${escapeLines(error.stack)}` : words().output.debugHint;
  return `${words().output.internalError(escapeText(message.split('\n')[0]))}${stack}`;
}
