// The GitHub Action's bundled entry under a simulated runner, for tests that only need its outputs (stdout,
// stderr, the step summary): bundled from src/ into a temporary action layout as `npm run build:action` does.
// (test/action.test.ts keeps its own fuller harness: event payloads, outputs, SARIF.)
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
  summary: string;
}

/** Runs the entry on a scheduled event (no payload needed) with the given inputs, as the runner would. */
export function runScheduledAction(entry: string, workspace: string, inputs: Record<string, string>): ActionOutcome {
  const runner = tempDir('keywarden-runner-');
  const summary = path.join(runner, 'summary.md');
  writeFileSync(summary, '');
  writeFileSync(path.join(runner, 'output'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...GIT_ENV,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_OUTPUT: path.join(runner, 'output'),
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'f'.repeat(40),
    INPUT_MODE: 'auto',
    INPUT_ARGS: '',
    'INPUT_FAIL-ON-FINDINGS': 'true',
    INPUT_SARIF: '',
    RUNNER_TEMP: runner,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  const result = spawnSync(process.execPath, [entry], { cwd: workspace, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr), summary: readFileSync(summary, 'utf8') };
}

/** Runs the entry on `event` with `payload` (GITHUB_EVENT_PATH) and the given inputs (names as in action.yml). */
export function runEventAction(entry: string, workspace: string, eventName: string, payload: object, inputs: Record<string, string> = {}): ActionOutcome {
  const runner = tempDir('keywarden-runner-');
  const summary = path.join(runner, 'summary.md');
  const event = path.join(runner, 'event.json');
  writeFileSync(summary, '');
  writeFileSync(path.join(runner, 'output'), '');
  writeFileSync(event, JSON.stringify(payload));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...GIT_ENV,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: path.join(runner, 'output'),
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'f'.repeat(40),
    INPUT_MODE: 'auto',
    INPUT_CONFIG: '',
    INPUT_BASELINE: '',
    INPUT_ARGS: '',
    'INPUT_FAIL-ON-FINDINGS': 'true',
    INPUT_SARIF: '',
    'INPUT_TRUST-PR-CONFIG': 'false',
    RUNNER_TEMP: runner,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  const result = spawnSync(process.execPath, [entry], { cwd: workspace, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr), summary: readFileSync(summary, 'utf8') };
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
