// The GitHub Action's bundled entry (built from src/ into a temporary action layout, as `npm run build:action`
// does) run as a child process under a simulated runner: the one harness every Action test uses.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundle } from '../../action/build.mjs';
import { ROOT } from './cli.js';
import { GIT_ENV, tempDir } from './repo.js';

/** Bundles the action; returns its entry (action/dist/index.js two levels below a root holding patterns/). */
export async function bundleAction(): Promise<string> {
  const root = tempDir('keywarden-action-');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(path.join(ROOT, 'patterns'), path.join(root, 'patterns'));
  await bundle({ outdir: path.join(root, 'action', 'dist') });
  return path.join(root, 'action', 'dist', 'index.js');
}

export interface ActionOutcome {
  status: number;
  stdout: string;
  stderr: string;
  /** $GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

/**
 * Runs the entry as the runner would: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH holding `payload`, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, and action.yml's defaults as INPUT_* variables (upper-cased, hyphens
 * kept: INPUT_FAIL-ON-FINDINGS), which `env` may override or add to.
 */
export function runAction(entry: string, workspace: string, eventName: string, payload: object, env: Record<string, string> = {}): ActionOutcome {
  const runner = tempDir('keywarden-runner-');
  const files = { event: path.join(runner, 'event.json'), output: path.join(runner, 'output'), summary: path.join(runner, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const result = spawnSync(process.execPath, [entry], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...GIT_ENV,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'f'.repeat(40),
      // action.yml's defaults, as the runner passes them when the workflow gives no `with:`.
      INPUT_MODE: 'auto',
      INPUT_CONFIG: '',
      INPUT_BASELINE: '',
      INPUT_ARGS: '',
      'INPUT_FAIL-ON-FINDINGS': 'true',
      INPUT_SARIF: '',
      'INPUT_TRUST-PR-CONFIG': 'false',
      RUNNER_TEMP: runner,
      ...env,
    },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr), outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8'), runnerTemp: runner };
}

/** Inputs named as in action.yml (`fail-on-findings`), as the runner's INPUT_* variables. */
function inputsEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
}

/** $GITHUB_OUTPUT in the heredoc form: name<<DELIMITER / value lines / DELIMITER. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const end = lines.indexOf(match[2], i + 1);
    outputs[match[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** Runs the entry on a scheduled event with the given inputs (names as in action.yml). */
export function runScheduledAction(entry: string, workspace: string, inputs: Record<string, string>): ActionOutcome {
  return runAction(entry, workspace, 'schedule', {}, inputsEnv(inputs));
}

/** Runs the entry on `event` with `payload` and the given inputs (names as in action.yml). */
export function runEventAction(entry: string, workspace: string, eventName: string, payload: object, inputs: Record<string, string> = {}): ActionOutcome {
  return runAction(entry, workspace, eventName, payload, inputsEnv(inputs));
}

/** A pull_request event (synchronize) from `head` onto `base`; the workspace must hold both. */
export function runPullRequestAction(entry: string, workspace: string, base: string, head: string, inputs: Record<string, string> = {}): ActionOutcome {
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, state: 'open', base: { ref: 'main', sha: base, repo: { full_name: 'acme/app' } }, head: { ref: 'feature', sha: head, repo: { full_name: 'acme/app' } } },
    repository: { full_name: 'acme/app', default_branch: 'main' },
  };
  return runEventAction(entry, workspace, 'pull_request', payload, inputs);
}
