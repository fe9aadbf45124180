// One job of the organisation scan's matrix (.github/workflows/org-scan.yml): for each repository of its batch,
// clone the whole history (every branch and tag; no checkout, so nothing the repository holds is written out
// or read as configuration: a repository cannot silence the organisation's scan), run this repository's
// GitHub Action on it (action/dist/index.js, mode: history) and keep its JSON and SARIF reports as
// REPORTS/NAME.json and REPORTS/NAME.sarif, its log as REPORTS/NAME.log. A repository that cannot be cloned or
// scanned completely gets REPORTS/NAME.failed (one line: why) and the job exits 2 once the batch is done, so
// an incomplete scan never passes for a clean one. The token reaches git as an HTTP header in the
// environment (GIT_CONFIG_*), never in a URL, a file or the command line.
// Inputs (environment): REPOSITORIES (JSON list of names), ORGANIZATION, KEYWARDEN_TOKEN, KEYWARDEN_ACTION (the
// Action's entry), REPORTS (folder), SCAN_ARGS (extra `keywarden scan` arguments), GITHUB_SERVER_URL, RUNNER_TEMP.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_NAME } from './list-repos.mjs';

/** Scans each repository; returns how many could not be scanned. `log` gets one line per repository. */
export function scanBatch(env, log = (line) => process.stdout.write(`${line}\n`)) {
  const names = JSON.parse(env.REPOSITORIES ?? '[]');
  if (!Array.isArray(names)) throw new Error('REPOSITORIES must be a JSON list of repository names');
  const organization = (env.ORGANIZATION ?? '').trim();
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const reports = path.resolve(env.REPORTS ?? 'keywarden-reports');
  const temp = path.resolve(env.RUNNER_TEMP || os.tmpdir());
  mkdirSync(reports, { recursive: true });
  let failed = 0;
  for (const name of names) {
    if (typeof name !== 'string' || !REPOSITORY_NAME.test(name) || !REPOSITORY_NAME.test(organization)) throw new Error(`not a repository name: ${JSON.stringify(name)} in ${JSON.stringify(organization)}`);
    const clone = mkdtempSync(path.join(temp, 'keywarden-clone-'));
    try {
      const problem = cloneRepository(`${server}/${organization}/${name}.git`, clone, server, env) ?? scanRepository(name, clone, reports, temp, env);
      if (problem !== null) {
        failed++;
        writeFileSync(path.join(reports, `${name}.failed`), `${problem}\n`);
        log(`::error title=keywarden did not scan ${name}::${commandData(problem)}`);
      } else {
        const findings = JSON.parse(readFileSync(path.join(reports, `${name}.json`), 'utf8')).findings.length;
        log(`keywarden: ${name}: ${findings} finding${findings === 1 ? '' : 's'}`);
      }
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }
  return failed;
}

/** git clone --no-checkout of every branch and tag; null, or why it failed (one line). */
function cloneRepository(url, folder, server, env) {
  const token = env.KEYWARDEN_TOKEN ?? '';
  const auth = token && /^https?:/.test(server) ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${server}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` } : {};
  const result = spawnSync('git', ['clone', '--quiet', '--no-checkout', '--', url, folder], {
    encoding: 'utf8',
    env: { PATH: env.PATH, HOME: env.HOME, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', ...auth },
    timeout: 30 * 60 * 1000,
  });
  if (result.status === 0) return null;
  return `git clone failed (${result.error ? result.error.message : `exit ${result.status}`}): ${oneLine(result.stderr)}`;
}

/** The Action on one clone, as the runner would run it with mode: history; null, or why it failed. */
function scanRepository(name, clone, reports, temp, env) {
  // The Action writes its reports only inside the workspace or $RUNNER_TEMP: there first, then copied to REPORTS.
  const folder = mkdtempSync(path.join(temp, 'keywarden-output-'));
  const output = path.join(folder, 'output');
  writeFileSync(output, '');
  const result = spawnSync(process.execPath, [env.KEYWARDEN_ACTION], {
    cwd: clone,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: {
      PATH: env.PATH,
      HOME: env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'workflow_call',
      GITHUB_WORKSPACE: clone,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: temp,
      INPUT_MODE: 'history',
      INPUT_CONFIG: '',
      INPUT_BASELINE: '',
      INPUT_ARGS: env.SCAN_ARGS ?? '',
      'INPUT_FAIL-ON-FINDINGS': 'false',
      INPUT_SARIF: path.join(folder, 'report.sarif'),
      INPUT_JSON: path.join(folder, 'report.json'),
      'INPUT_TRUST-PR-CONFIG': 'false',
    },
  });
  // The Action's annotations point at files of another repository: kept in the log, not shown on this run.
  writeFileSync(path.join(reports, `${name}.log`), `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status === 0) {
    copyFileSync(path.join(folder, 'report.json'), path.join(reports, `${name}.json`));
    copyFileSync(path.join(folder, 'report.sarif'), path.join(reports, `${name}.sarif`));
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
  const error = /^::error[^:]*::(.*)$/m.exec(result.stdout ?? '');
  return `the scan ended with exit ${result.status ?? result.signal}${error ? `: ${error[1].slice(0, 500)}` : ''} (see ${name}.log)`;
}

function oneLine(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
}

function commandData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const failed = scanBatch(process.env);
    if (failed > 0) {
      process.stdout.write(`::error title=keywarden organisation scan::${failed} repositor${failed === 1 ? 'y was' : 'ies were'} not scanned completely: see the .failed files in the reports\n`);
      process.exitCode = 2;
    }
  } catch (error) {
    process.stdout.write(`::error title=keywarden organisation scan::${commandData(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
  }
}
