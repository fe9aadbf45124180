// One run of the GitHub Action: decide what to scan from the event, scan once, then write every output the
// runner understands from that one report: annotations on stdout (workflow commands), the SARIF file, the
// job summary, the step outputs, and the exit status (1 on findings unless fail-on-findings is false, 2 on
// an error, announced with an ::error:: command so it shows on the run page). On pull requests the configuration
// and baseline come from the base commit (trusted.ts); the SARIF file is written only inside the workspace or
// $RUNNER_TEMP, never through a link the checkout made (output-file.ts).
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseFast } from '../cli/fast-argv.js';
import type { ScanOptions } from '../cli/options.js';
import { errorLine, isExpected, UsageError } from '../errors.js';
import { placeOf } from '../findings.js';
import type { Io } from '../io/io.js';
import type { Located, Note } from '../types.js';
import { runPipeline, type ScanOutcome } from '../commands/pipeline.js';
import type { ScanRequest } from '../commands/requests.js';
import { scanRequestOf } from '../cli/requests.js';
import { githubReporter, workflowCommand } from '../reporters/github.js';
import { escapeLines, escapeText } from '../text/escape.js';
import { jsonReporter } from '../reporters/json.js';
import { sarifReporter } from '../reporters/sarif.js';
import { leaksFromLocated } from '../remediation/leaks.js';
import { buildPlaybook, DEFAULT_REPLACEMENTS_FILE } from '../remediation/playbook.js';
import { renderPlaybook } from '../remediation/render.js';
import { replacementsFor } from '../remediation/replacements.js';
import { isPullRequest, planScan, readPayload } from './event.js';
import { input, readInputs } from './inputs.js';
import { isLanguage, languageFromEnv, loadGuide, useLanguage, words } from '../words/index.js';
import { guide } from '../words/guide.js';
import { openOutputFile } from './output-file.js';
import { appendSummary, setOutput } from './runner-files.js';
import { summaryMarkdown } from './summary.js';
import { baseCommitSettings, type TrustedSettings } from '../sources/git/commit-settings.js';

export interface ActionIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: Readable;
}

export async function runAction(io: ActionIo): Promise<number> {
  const { env } = io;
  try {
    const workspace = path.resolve(env.GITHUB_WORKSPACE || '.');
    // Annotations, the job summary, the SARIF messages and the inputs' own errors: the `lang` input, else the
    // runner's locale (chosen before the inputs are checked, so an error about them is in that language too).
    const lang = input(env, 'lang');
    await useLanguage(isLanguage(lang) ? lang : languageFromEnv(env));
    await loadGuide();
    const inputs = readInputs(env);
    const event = env.GITHUB_EVENT_NAME ?? '';
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const plan = await planScan(event, payload, inputs.mode, workspace);
    // By default outside the workspace: a scan must not leave files in the working tree it scanned.
    const runnerTemp = path.resolve(env.RUNNER_TEMP || os.tmpdir());
    const sarifPath = inputs.sarif ? path.resolve(workspace, inputs.sarif) : path.join(runnerTemp, 'keywarden.sarif');
    io.stdout.write(`keywarden: ${guide().action.scanning(escapeText(plan.describe))}\n`);
    for (const note of plan.notes) io.stdout.write(`${workflowCommand(note.level, [], `keywarden: ${escapeText(note.message)}`)}\n`);
    if (plan.args.length === 0) {
      setOutput(env.GITHUB_OUTPUT, 'findings', '0');
      setOutput(env.GITHUB_OUTPUT, 'sarif', '');
      return 0;
    }
    // Opened before the scan, so a refused destination costs no scan and says so first.
    const sarifFile = openOutputFile(sarifPath, [workspace, runnerTemp], guide().action.errors.sarifReport);
    const jsonFile = inputs.json ? openOutputFile(path.resolve(workspace, inputs.json), [workspace, runnerTemp], guide().action.errors.jsonReport) : null;
    const requested = await scanRequest(plan.args, inputs);
    const trusted = await trustedSettings(event, payload, inputs.trustPrConfig, requested, workspace);
    for (const warning of trusted?.warnings ?? []) {
      io.stdout.write(`${workflowCommand('warning', [['file', warning.file], ['title', guide().summary.baseConfigTitle]], escapeText(warning.message))}\n`);
    }
    // What the base commit provided is passed in; a path the workflow named outside the workspace is still read by the scan.
    const options = { ...requested, config: trusted?.preloaded.config ? undefined : requested.config, baseline: trusted && trusted.preloaded.baseline !== undefined ? undefined : requested.baseline };
    const scanIo: Io = { stdout: io.stdout, stderr: io.stderr, stdin: io.stdin, env, cwd: workspace };
    const outcome = await runPipeline(options, scanIo, trusted?.preloaded);
    const { report } = outcome;
    for (const note of outcome.notes) if (!note.verbose) io.stdout.write(`${workflowCommand(note.level === 'warn' ? 'warning' : 'notice', [], `keywarden: ${escapeText(note.message)}`)}\n`);
    // The CLI counts these on stderr; here they were dropped, and a pull request's unscanned file went unseen.
    const unscanned = unscannedWarning(outcome.notes);
    if (unscanned !== null) io.stdout.write(`${workflowCommand('warning', [], `keywarden: ${escapeText(unscanned)}`)}\n`);
    // A pull request's inline `keywarden:allow` is configuration the pull request writes: still honoured (the
    // author may be right), but never silently. A range scan places only what the PR's own commits introduce.
    const inlineAllowed = isPullRequest(event) ? inlineAllowWarning(outcome.located, outcome.redactText) : null;
    if (inlineAllowed !== null) io.stdout.write(`${workflowCommand('warning', [['title', guide().action.inlineTitle]], escapeText(inlineAllowed))}\n`);

    const context = { allowed: outcome.allowed, notes: outcome.notes, color: false, verbose: false };
    io.stdout.write(githubReporter(report, context));
    sarifFile.write(sarifReporter(report, context));
    jsonFile?.write(jsonReporter(report, context));

    const count = report.findings.length;
    appendSummary(
      env.GITHUB_STEP_SUMMARY,
      summaryMarkdown(report, {
        describe: plan.describe,
        repositoryUrl: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : null,
        sha: env.GITHUB_SHA ?? null,
        sarifPath: sarifPath.startsWith(workspace + path.sep) ? path.relative(workspace, sarifPath) : sarifPath,
        playbook: count > 0 ? playbookMarkdown(outcome, plan.args) : '',
        warnings: [...plan.notes.filter((note) => note.level === 'warning').map((note) => note.message), ...(trusted?.warnings.map((warning) => warning.message) ?? []), ...(unscanned === null ? [] : [unscanned]), ...(inlineAllowed === null ? [] : [inlineAllowed])],
      }),
    );
    setOutput(env.GITHUB_OUTPUT, 'findings', String(count));
    setOutput(env.GITHUB_OUTPUT, 'sarif', sarifPath);
    // Blobs missing from the checkout (a partial clone): what was scanned is reported, but it is not a pass.
    if (outcome.incomplete) {
      io.stdout.write(`${workflowCommand('error', [], guide().action.incomplete)}\n`);
      return 2;
    }
    if (count > 0 && inputs.failOnFindings) {
      io.stdout.write(`${workflowCommand('error', [], guide().action.found(count))}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    io.stdout.write(`${workflowCommand('error', [['title', 'keywarden']], escapeText(errorLine(error)))}\n`);
    if (!isExpected(error) && error instanceof Error && error.stack) io.stderr.write(`${escapeLines(error.stack)}\n`);
    return 2;
  }
}

/** Files shown in the warning about files left unscanned; the rest are counted. */
const UNSCANNED_SHOWN = 10;

/**
 * One sentence naming the files the scan did not read (binary, over the size limit, submodules: the sources'
 * verbose notes, already redacted), or null. A warning, not a notice: a key in such a file is not found.
 */
function unscannedWarning(notes: readonly Note[]): string | null {
  const skipped = notes.flatMap((note) => (note.skipped ? [`${note.skipped.what}: ${note.skipped.why}`] : []));
  if (skipped.length === 0) return null;
  return guide().action.unscanned(skipped.length, skipped.slice(0, UNSCANNED_SHOWN).join('; '), Math.max(0, skipped.length - UNSCANNED_SHOWN));
}

/** The keys this pull request's commits add with a `keywarden:allow` comment beside them, or null. */
function inlineAllowWarning(located: readonly Located[], redactText: (text: string) => string): string | null {
  const places = [...new Set(located.filter((item) => item.allowedBy === 'inline').map((item) => `${redactText(placeOf(item))}:${item.line}`))];
  if (places.length === 0) return null;
  return guide().action.inlineAllowed(places.length, places.slice(0, UNSCANNED_SHOWN).join(', '), Math.max(0, places.length - UNSCANNED_SHOWN));
}

/** The remediation playbook (src/remediation) for what this run found, in Markdown; it never prints a secret. */
function playbookMarkdown(outcome: ScanOutcome, modeArgs: string[]): string {
  const set = leaksFromLocated(outcome.located, outcome.report.scan.mode, outcome.redactText);
  const playbook = buildPlaybook(set, {
    accounts: outcome.config.accounts,
    verifications: new Map(),
    verifySkipped: new Map(),
    expressions: { file: DEFAULT_REPLACEMENTS_FILE, written: false, count: replacementsFor(set).length, missing: null },
    rerun: ['keywarden remediate', ...modeArgs, '--replacements', DEFAULT_REPLACEMENTS_FILE].join(' '),
  });
  return renderPlaybook(playbook, 'markdown');
}

/**
 * On pull_request(_target), unless `trust-pr-config: true`: the configuration and baseline of the base commit,
 * with warnings for what the pull request changes; null when the scan reads them as the CLI does.
 */
async function trustedSettings(event: string, payload: ReturnType<typeof readPayload>, trustPrConfig: boolean, options: Pick<ScanRequest, 'config' | 'baseline'>, workspace: string): Promise<TrustedSettings | null> {
  if (trustPrConfig || !isPullRequest(event)) return null;
  const base = payload.pull_request?.base?.sha;
  if (!base) throw new UsageError(guide().action.errors.noBase(event));
  return baseCommitSettings(workspace, base, payload.pull_request?.head?.sha ?? null, { config: options.config, baseline: options.baseline });
}

/**
 * The scan's typed request: the plan's mode arguments, then the inputs, then `args` (command-line words by the
 * action's contract) — read like the CLI's, once, here at the action's entry.
 */
async function scanRequest(modeArgs: string[], inputs: ReturnType<typeof readInputs>): Promise<ScanRequest> {
  const argv = ['scan', ...modeArgs];
  if (inputs.config) argv.push('--config', inputs.config);
  if (inputs.baseline) argv.push('--baseline', inputs.baseline);
  argv.push(...inputs.args);
  const fast = parseFast(argv);
  if (fast) return scanRequestOf(check(fast));
  const parsed = await (await import('../cli/parse.js')).parseArgs(argv, '0');
  if (parsed.kind !== 'run') throw new UsageError(guide().action.errors.argsNotScan(inputs.args.join(' ')));
  return scanRequestOf(check(parsed.options));
}

function check(options: ScanOptions): ScanOptions {
  if (options.output !== undefined) throw new UsageError(guide().action.errors.argsOutput);
  if (options.stdin) throw new UsageError(guide().action.errors.argsStdin);
  if (options.format !== 'text') throw new UsageError(guide().action.errors.argsFormat);
  return { ...options, format: 'json' };
}
