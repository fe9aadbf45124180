// One run of the GitHub Action: decide what to scan from the event, scan once, then write every output the
// runner understands from that one report: annotations on stdout (workflow commands), the SARIF file, the
// job summary, the step outputs, and the exit status (1 on findings unless fail-on-findings is false, 2 on
// an error, announced with an ::error:: command so it shows on the run page).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseFast } from '../cli/fast-argv.js';
import type { ScanOptions } from '../cli/options.js';
import { isExpected, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { runPipeline } from '../pipeline.js';
import { escapeData, githubReporter } from '../reporters/github.js';
import { sarifReporter } from '../reporters/sarif.js';
import { loadConfig } from '../config/load.js';
import { leaksFromLocated } from '../remediation/leaks.js';
import { buildPlaybook, DEFAULT_REPLACEMENTS_FILE } from '../remediation/playbook.js';
import { renderPlaybook } from '../remediation/render.js';
import { replacementsFor } from '../remediation/replacements.js';
import { planScan, readPayload } from './event.js';
import { readInputs } from './inputs.js';
import { appendSummary, setOutput } from './runner-files.js';
import { summaryMarkdown } from './summary.js';

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
    const inputs = readInputs(env);
    const plan = planScan(env.GITHUB_EVENT_NAME ?? '', readPayload(env.GITHUB_EVENT_PATH), inputs.mode, workspace);
    // By default outside the workspace: a scan must not leave files in the working tree it scanned.
    const sarifPath = inputs.sarif ? path.resolve(workspace, inputs.sarif) : path.join(env.RUNNER_TEMP || os.tmpdir(), 'keywarden.sarif');
    io.stdout.write(`keywarden: scanning ${plan.describe}\n`);
    if (plan.args.length === 0) {
      setOutput(env.GITHUB_OUTPUT, 'findings', '0');
      setOutput(env.GITHUB_OUTPUT, 'sarif', '');
      return 0;
    }
    const options = await scanOptions(plan.args, inputs);
    const scanIo: Io = { stdout: io.stdout, stderr: io.stderr, stdin: io.stdin, env, cwd: workspace };
    const outcome = await runPipeline(options, scanIo);
    const { report } = outcome;
    for (const note of outcome.notes) if (!note.verbose) io.stdout.write(`::${note.level === 'warn' ? 'warning' : 'notice'}::${escapeData(`keywarden: ${note.message}`)}\n`);

    const context = { allowed: outcome.allowed, notes: outcome.notes, color: false, verbose: false };
    io.stdout.write(githubReporter(report, context));
    mkdirSync(path.dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, sarifReporter(report, context));

    const count = report.findings.length;
    appendSummary(
      env.GITHUB_STEP_SUMMARY,
      summaryMarkdown(report, {
        describe: plan.describe,
        repositoryUrl: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : null,
        sha: env.GITHUB_SHA ?? null,
        sarifPath: sarifPath.startsWith(workspace + path.sep) ? path.relative(workspace, sarifPath) : sarifPath,
        playbook: count > 0 ? playbookMarkdown(outcome, plan.args, options, workspace) : '',
      }),
    );
    setOutput(env.GITHUB_OUTPUT, 'findings', String(count));
    setOutput(env.GITHUB_OUTPUT, 'sarif', sarifPath);
    // Blobs missing from the checkout (a partial clone): what was scanned is reported, but it is not a pass.
    if (outcome.incomplete) {
      io.stdout.write(`::error::${escapeData('keywarden could not read every blob it was asked to scan: see the warning')}\n`);
      return 2;
    }
    if (count > 0 && inputs.failOnFindings) {
      io.stdout.write(`::error::${escapeData(`keywarden found ${count} AWS credential${count === 1 ? '' : 's'}: see the annotations and the job summary`)}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const message = isExpected(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stdout.write(`::error title=keywarden::${escapeData(message)}\n`);
    if (!isExpected(error) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

/** The remediation playbook (src/remediation) for what this run found, in Markdown; it never prints a secret. */
function playbookMarkdown(outcome: Awaited<ReturnType<typeof runPipeline>>, modeArgs: string[], options: ScanOptions, workspace: string): string {
  const set = leaksFromLocated(outcome.located, outcome.report.scan.mode);
  const playbook = buildPlaybook(set, {
    accounts: loadConfig(workspace, options.config).accounts,
    verifications: new Map(),
    verifySkipped: new Map(),
    expressions: { file: DEFAULT_REPLACEMENTS_FILE, written: false, count: replacementsFor(set).length, missing: null },
    rerun: ['keywarden remediate', ...modeArgs, '--replacements', DEFAULT_REPLACEMENTS_FILE].join(' '),
  });
  return renderPlaybook(playbook, 'markdown');
}

/** The scan options: the plan's mode arguments, then the inputs, then `args` — parsed like the CLI's. */
async function scanOptions(modeArgs: string[], inputs: ReturnType<typeof readInputs>): Promise<ScanOptions> {
  const argv = ['scan', ...modeArgs];
  if (inputs.config) argv.push('--config', inputs.config);
  if (inputs.baseline) argv.push('--baseline', inputs.baseline);
  argv.push(...inputs.args);
  const fast = parseFast(argv);
  if (fast) return check(fast);
  const parsed = await (await import('../cli/parse.js')).parseArgs(argv, '0');
  if (parsed.kind !== 'run') throw new UsageError(`input 'args' does not describe a scan: ${inputs.args.join(' ')}`);
  return check(parsed.options);
}

function check(options: ScanOptions): ScanOptions {
  if (options.output !== undefined) throw new UsageError("input 'args' cannot set --output: use the 'sarif' input and the step outputs");
  if (options.stdin) throw new UsageError("input 'args' cannot use --stdin in the action");
  if (options.format !== 'text') throw new UsageError("input 'args' cannot set --format: the action writes annotations, the SARIF file and the summary itself");
  return { ...options, format: 'json' };
}
