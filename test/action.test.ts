// The GitHub Action end to end: its bundled entry (built from src/ as `npm run build:action` does) run as a
// child process in real repositories, under a simulated runner: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH with
// payloads shaped like GitHub's, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, and INPUT_* variables
// named as the runner names them (upper-cased, hyphens kept: INPUT_FAIL-ON-FINDINGS).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runAction as runActionEntry, type ActionOutcome } from './support/action-runner.js';
import { ROOT } from './support/cli.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { credentialsFile } from './support/git-hooks.js';
import { forgedCommands } from './support/hostile.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';

let entry: string;

beforeAll(async () => {
  entry = await bundleAction();
}, 120_000);

/** The Action on `event`; `inputs` are the runner's INPUT_* variables (INPUT_SARIF), added to action.yml's defaults. */
function runAction(workspace: string, event: string, payload: object, inputs: Record<string, string> = {}): ActionOutcome {
  return runActionEntry(entry, workspace, event, payload, inputs);
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));

/** origin: main with an old key already in its history, then a feature branch whose second commit adds a key. */
function prHistory() {
  const origin = Repo.init();
  const oldKey = fakeKeyId();
  origin.commit('old leak, already on main', { 'legacy/old.ini': credentialsFile(oldKey, fakeSecret()) });
  const base = origin.commit('base', { 'README.md': '# app\n' });
  origin.git('checkout', '-q', '-b', 'feature');
  origin.commit('feature: code', { 'src/app.js': 'console.log(1);\n' });
  const keyId = fakeKeyId();
  const secret = fakeSecret();
  const head = origin.commit('feature: config', { 'config/prod.env': `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n` });
  origin.git('checkout', '-q', 'main');
  return { origin, base, head, keyId, secret, oldKey };
}

function clone(origin: Repo, args: string[] = []): Repo {
  const dir = path.join(tempDir('keywarden-ws-'), 'ws');
  spawnSync('git', ['clone', '-q', ...args, `file://${origin.dir}`, dir], { env: { ...process.env, ...GIT_ENV } });
  return new Repo(dir);
}

function prPayload(base: string, head: string) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, state: 'open', base: { ref: 'main', sha: base, repo: { full_name: 'acme/app' } }, head: { ref: 'feature', sha: head, repo: { full_name: 'acme/app' } } },
    repository: { full_name: 'acme/app', default_branch: 'main' },
  };
}

describe('the GitHub Action', () => {
  it('action.yml runs the bundled entry on the runner\'s Node, with the documented inputs and outputs', () => {
    const yml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(yml).toMatch(/^runs:\n {2}using: node24\n {2}main: action\/dist\/index\.js$/m);
    for (const name of ['mode', 'config', 'baseline', 'args', 'fail-on-findings', 'sarif', 'trust-pr-config']) expect(yml).toMatch(new RegExp(`^  ${name}:$`, 'm'));
    for (const name of ['findings', 'sarif']) expect(yml).toMatch(new RegExp(`^outputs:[\\s\\S]*^  ${name}:$`, 'm'));
    // YAML: an unquoted value must not hold ': ' or ' #' (a mapping or a comment); the runner would reject the file.
    for (const line of yml.split('\n').filter((text) => !text.trimStart().startsWith('#'))) {
      const value = /^\s*[\w-]+: (.*)$/.exec(line)?.[1];
      if (value && !/^["']/.test(value)) expect(value, line).not.toMatch(/: | #/);
    }
    expect(existsSync(path.join(ROOT, 'action', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'action', 'dist', 'worker.js'))).toBe(true);
  });

  it('on pull_request scans the PR\'s commits: annotations, summary, outputs, SARIF, failing step', () => {
    const { origin, base, head, keyId, secret, oldKey } = prHistory();
    const ws = clone(origin);
    ws.git('checkout', '-q', head);
    const run = runAction(ws.dir, 'pull_request', prPayload(base, head));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    // Annotations on the exact line, secret redacted; the key that was already on main is not this PR's.
    expect(run.stdout).toMatch(new RegExp(`^::error file=config/prod\\.env,line=2,col=19,endColumn=39,title=[^:]+::.*${keyId}`, 'm'));
    expect(run.stdout).toMatch(/^::error file=config\/prod\.env,line=3,/m);
    expect(run.stdout).not.toContain(secret);
    expect(run.stdout).not.toContain(oldKey);
    expect(run.stdout).toMatch(/^::error::keywarden found 2 AWS credentials/m);
    // Outputs.
    expect(run.outputs.findings).toBe('2');
    expect(run.outputs.sarif).toBe(path.join(run.runnerTemp, 'keywarden.sarif'));
    // The scan left the checkout as it was: no report files in the working tree.
    expect(ws.git('status', '--porcelain', '--untracked-files=all')).toBe('');
    // Summary: a table with links to the lines at the introducing commit, and the playbook.
    expect(run.summary).toContain('pull request \\#7'); // escapeMarkdown: renders as 'pull request #7'
    expect(run.summary).toContain('| File | Line | Credential | Value | Rule | Commit |');
    expect(run.summary).toContain(`[\`config/prod.env:2\`](https://github.com/acme/app/blob/${head}/config/prod.env#L2)`);
    expect(run.summary).toContain(keyId);
    expect(run.summary).not.toContain(secret);
    expect(run.summary).toContain('What to do now');
    expect(run.summary).toContain('keywarden remediation playbook');
    expect(run.summary).toContain(`aws sts get-access-key-info --region us-east-1 --access-key-id ${keyId}`);
    // SARIF for upload-sarif.
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'));
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    expect(sarif.runs[0].results.map((result: any) => result.properties.commit.sha)).toEqual([head, head]);
    expect(JSON.stringify(sarif)).not.toContain(secret);
  });

  it('fail-on-findings: false reports without failing the step; a bad input is one ::error:: and exit 2', () => {
    const { origin, base, head } = prHistory();
    const ws = clone(origin);
    const run = runAction(ws.dir, 'pull_request', prPayload(base, head), { 'INPUT_FAIL-ON-FINDINGS': 'false', INPUT_SARIF: 'out/k.sarif' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('2');
    expect(existsSync(path.join(ws.dir, 'out', 'k.sarif'))).toBe(true);
    const bad = runAction(ws.dir, 'pull_request', prPayload(base, head), { 'INPUT_FAIL-ON-FINDINGS': 'maybe' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^::error title=keywarden::input 'fail-on-findings' must be true or false/m);
    expect(bad.stderr).toBe('');
  });

  it('a shallow checkout without the base commit gets a clear message (fetch-depth: 0)', () => {
    const { origin, base, head } = prHistory();
    const ws = clone(origin, ['--depth', '1', '--branch', 'feature']);
    expect(ws.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const run = runAction(ws.dir, 'pull_request', prPayload(base, head));
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error title=keywarden::cannot scan pull request #7: commit [0-9a-f]{12} is not in the repository \(the checkout is shallow\)\. Set `fetch-depth: 0` on actions\/checkout/m);
  });

  it('on push scans before..after; a new branch (before = 000…) scans what no other ref holds; a deleted one is a note', () => {
    const { origin, base, head, keyId, oldKey } = prHistory();
    const ws = clone(origin);
    ws.git('checkout', '-q', 'feature');
    const pushed = runAction(ws.dir, 'push', { ref: 'refs/heads/feature', before: base, after: head, created: false, deleted: false, forced: false, repository: { default_branch: 'main' } });
    expect(pushed.status, pushed.stdout + pushed.stderr).toBe(1);
    expect(pushed.stdout).toContain(keyId);
    expect(pushed.outputs.findings).toBe('2');

    const created = runAction(ws.dir, 'push', { ref: 'refs/heads/feature', before: '0'.repeat(40), after: head, created: true, deleted: false, forced: false, repository: { default_branch: 'main' } });
    expect(created.status, created.stdout + created.stderr).toBe(1);
    expect(created.stdout).toContain(`keywarden: scanning the 2 commits that branch feature brought and no other ref holds (${base.slice(0, 12)}..${head.slice(0, 12)})`);
    expect(created.stdout).toContain(keyId);
    expect(created.stdout).not.toContain(oldKey);

    const deleted = runAction(ws.dir, 'push', { ref: 'refs/heads/feature', before: head, after: '0'.repeat(40), deleted: true, repository: { default_branch: 'main' } });
    expect(deleted.status, deleted.stdout + deleted.stderr).toBe(0);
    expect(deleted.outputs.findings).toBe('0');
    expect(deleted.stdout).toMatch(/^::notice::keywarden: the push deleted branch feature: there are no new commits to scan$/m);
  });

  it('on schedule scans the working tree, or every commit with mode: history', () => {
    const { origin, keyId, oldKey } = prHistory();
    const ws = clone(origin);
    const tree = runAction(ws.dir, 'schedule', { schedule: '0 3 * * 1' });
    expect(tree.status, tree.stdout + tree.stderr).toBe(1);
    expect(tree.stdout).toContain('the working tree');
    expect(tree.stdout).toContain(oldKey);
    expect(tree.stdout).not.toContain(keyId);
    const history = runAction(ws.dir, 'workflow_dispatch', {}, { INPUT_MODE: 'history' });
    expect(history.status, history.stdout + history.stderr).toBe(1);
    expect(history.stdout).toContain(oldKey);
    expect(history.stdout).toContain(keyId);
    expect(history.summary).toContain('every commit on every ref');
  });

  it('passes config, baseline and extra args through to the scan', () => {
    const { origin, base, head } = prHistory();
    const ws = clone(origin);
    // The baseline accepts the current findings, so the same PR passes. It is kept outside the workspace: a
    // baseline inside it is read from the PR's base commit, which has none (see the trust-pr-config tests).
    const kept = path.join(tempDir('keywarden-kept-'), 'baseline.json');
    const scan = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'keywarden.js'), 'baseline', '--range', `${base}..${head}`, '--output', kept], { cwd: ws.dir, encoding: 'utf8' });
    expect(scan.status, scan.stderr).toBe(0);
    const accepted = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_BASELINE: kept, INPUT_ARGS: '--max-file-size "10 MB"' });
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    expect(accepted.outputs.findings).toBe('0');
    expect(accepted.summary).toContain('No AWS credentials found');
    const clash = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_ARGS: '--history' });
    expect(clash.status).toBe(2);
    expect(clash.stdout).toContain('choose one of');
  });
});

describe('the action writes its outputs only inside the workspace or $RUNNER_TEMP', () => {
  /** A PR that commits links: reports/ -> a folder outside, out.sarif -> a file outside. */
  function linkingPr() {
    const { origin, base } = prHistory();
    const outside = tempDir('keywarden-outside-');
    writeFileSync(path.join(outside, 'k.sarif'), 'precious\n');
    origin.git('checkout', '-q', 'feature');
    symlinkSync(outside, path.join(origin.dir, 'reports'));
    symlinkSync(path.join(outside, 'k.sarif'), path.join(origin.dir, 'out.sarif'));
    const head = origin.commit('reports folder');
    origin.git('checkout', '-q', 'main');
    const ws = clone(origin);
    ws.git('checkout', '-q', head);
    return { ws, base, head, outside };
  }

  it('escapes hostile input and payload values in its one error line (control bytes, newlines, workflow commands, HTML)', () => {
    const { origin } = prHistory();
    const ws = clone(origin);
    const hostile = `ja\x01\x1b[2J\n::set-output name=x::y%0A##[error]forged <img src=x onerror=alert(1)>`;
    const fromInput = runAction(ws.dir, 'workflow_dispatch', {}, { INPUT_LANG: hostile });
    const fromPayload = runAction(ws.dir, 'push', { ref: 'refs/heads/main', after: hostile, before: '0'.repeat(40) });
    for (const run of [fromInput, fromPayload]) {
      expect(run.status, run.stdout + run.stderr).toBe(2);
      const lines = run.stdout.split('\n').filter((line) => line !== '');
      expect(lines.filter((line) => line.startsWith('::error title=keywarden::')), run.stdout).toHaveLength(1);
      expect(forgedCommands(run.stdout)).toEqual([]);
      expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
      expect(run.stdout).toContain('%250A');
    }
    expect(fromInput.stdout).toContain("input 'lang' must be en or ja");
    expect(fromPayload.stdout).toContain('the push event payload\'s "after" is not a commit id');
  });

  it('refuses to write the SARIF report through a committed link that leads outside, and leaves the target untouched', () => {
    const { ws, base, head, outside } = linkingPr();
    for (const [sarif, why] of [
      ['reports/k.sarif', 'reports is a symbolic link that leads outside'],
      ['reports/new/k.sarif', 'reports is a symbolic link that leads outside'],
      ['out.sarif', 'out.sarif is a symbolic link'],
    ]) {
      const run = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_SARIF: sarif });
      expect(run.status, run.stdout + run.stderr).toBe(2);
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors, run.stdout).toHaveLength(1);
      expect(errors[0]).toContain(`::error title=keywarden::cannot write the SARIF report to ${path.join(ws.dir, sarif)}: ${why}`);
      expect(run.stderr).toBe('');
    }
    // The JSON report (the `json` input, for `keywarden merge`) is opened the same way: refused through the link.
    const json = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_JSON: 'reports/k.sarif' });
    expect(json.status, json.stdout + json.stderr).toBe(2);
    expect(json.stdout).toContain(`::error title=keywarden::cannot write the JSON report to ${path.join(ws.dir, 'reports/k.sarif')}: reports is a symbolic link that leads outside`);
    expect(readFileSync(path.join(outside, 'k.sarif'), 'utf8')).toBe('precious\n');
    expect(readdirSync(outside)).toEqual(['k.sarif']);
    // A committed link into the repository's own .git folder stays inside the workspace, and is refused too.
    symlinkSync('.git', path.join(ws.dir, 'into-git'));
    const hooks = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_SARIF: 'into-git/k.sarif' });
    expect(hooks.status, hooks.stdout).toBe(2);
    expect(hooks.stdout).toContain("it would be inside the repository's .git folder");
    expect(existsSync(path.join(ws.dir, '.git', 'k.sarif'))).toBe(false);
    // A path outside the workspace and $RUNNER_TEMP is refused too; inside either one it is written.
    const away = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_SARIF: path.join(outside, 'x.sarif') });
    expect(away.status).toBe(2);
    expect(away.stdout).toContain('it is outside the workspace and $RUNNER_TEMP');
    expect(existsSync(path.join(outside, 'x.sarif'))).toBe(false);
    const fine = runAction(ws.dir, 'pull_request', prPayload(base, head), { INPUT_SARIF: 'reports-real/k.sarif' });
    expect(fine.status, fine.stdout).toBe(1);
    expect(JSON.parse(readFileSync(path.join(ws.dir, 'reports-real', 'k.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});

describe('on pull requests the configuration and baseline come from the base commit', () => {
  /** main, then a PR that adds a key ID and a .keywarden.json that accepts everything. */
  function silencingPr() {
    const origin = Repo.init();
    const base = origin.commit('base', { 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    const keyId = fakeKeyId();
    const allowAll = { ignorePaths: ['**'], allow: { regexes: ['.+'] } };
    const head = origin.commit('feature', { 'config/prod.env': `AWS_ACCESS_KEY_ID=${keyId}\n`, '.keywarden.json': JSON.stringify(allowAll) });
    origin.git('checkout', '-q', 'main');
    const ws = clone(origin);
    ws.git('checkout', '-q', head);
    return { ws, base, head, keyId };
  }

  it('reports the key of a PR that adds an allow-all .keywarden.json, with a warning; trust-pr-config: true opts out', () => {
    const { ws, base, head, keyId } = silencingPr();
    const run = runAction(ws.dir, 'pull_request', prPayload(base, head));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.stdout).toContain(keyId);
    expect(run.stdout).toMatch(/^::warning file=\.keywarden\.json,title=keywarden%3A configuration from the base commit::This pull request adds \.keywarden\.json: the scan ran without it, as the base commit has none\. Set the input `trust-pr-config: true`/m);
    expect(run.summary).toMatch(/^> :warning: This pull request adds \\\.keywarden\\\.json\\: /m); // escapeMarkdown: renders as ".keywarden.json:"

    const trusting = runAction(ws.dir, 'pull_request', prPayload(base, head), { 'INPUT_TRUST-PR-CONFIG': 'true' });
    expect(trusting.status, trusting.stdout + trusting.stderr).toBe(0);
    expect(trusting.outputs.findings).toBe('0');
    expect(trusting.stdout).not.toContain('::warning');
  });

  it('uses the base commit\'s baseline, not one the PR rewrote to accept its own key', () => {
    const origin = Repo.init();
    const base = origin.commit('base', { 'README.md': '# app\n', '.keywarden-baseline.json': '{"version": 1}\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    const keyId = fakeKeyId();
    const withKey = origin.commit('feature: key', { 'config/prod.env': `AWS_ACCESS_KEY_ID=${keyId}\n` });
    const accepted = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'keywarden.js'), 'baseline', '--range', `${base}..${withKey}`, '--output', '.keywarden-baseline.json'], { cwd: origin.dir, encoding: 'utf8' });
    expect(accepted.status, accepted.stderr).toBe(0);
    const head = origin.commit('feature: accept it');
    origin.git('checkout', '-q', 'main');
    const ws = clone(origin);
    ws.git('checkout', '-q', head);
    const inputs = { INPUT_BASELINE: '.keywarden-baseline.json' };
    const run = runAction(ws.dir, 'pull_request', prPayload(base, head), inputs);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.stdout).toMatch(/^::warning file=\.keywarden-baseline\.json,[^:]*::This pull request changes \.keywarden-baseline\.json: the scan used the base commit's version\./m);
    const trusting = runAction(ws.dir, 'pull_request', prPayload(base, head), { ...inputs, 'INPUT_TRUST-PR-CONFIG': 'true' });
    expect(trusting.outputs.findings, trusting.stdout).toBe('0');
  });

  it('refuses a base commit whose config is a symbolic link, and says nothing when the PR leaves the config alone', () => {
    const origin = Repo.init();
    symlinkSync('/etc/passwd', path.join(origin.dir, '.keywarden.json'));
    const base = origin.commit('base', { 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    const head = origin.commit('feature', { 'src/a.txt': 'nothing\n' });
    const ws = clone(origin);
    ws.git('checkout', '-q', head);
    const run = runAction(ws.dir, 'pull_request', prPayload(base, head));
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`^::error title=keywarden::${base.slice(0, 12)}:\\.keywarden\\.json: is a symbolic link; `, 'm'));
    expect(run.stdout).not.toContain('root:');
    // A PR that does not touch a (regular) config gets no warning.
    const { origin: plain, base: plainBase, head: plainHead } = prHistory();
    const quiet = runAction(clone(plain).dir, 'pull_request', prPayload(plainBase, plainHead));
    expect(quiet.stdout).not.toContain('::warning');
  });
});

/** A push event payload as GitHub sends it (the fields the action reads, and the flags beside them). */
function pushPayload(ref: string, before: string, after: string, flags: { forced?: boolean; created?: boolean } = {}) {
  return { ref, before, after, created: flags.created ?? false, deleted: false, forced: flags.forced ?? false, repository: { full_name: 'acme/app', default_branch: 'main' } };
}

/** The workspace as actions/checkout leaves it with fetch-depth: 0 (every branch under refs/remotes/origin, every tag, the pushed branch checked out). */
function checkout(origin: Repo, branch?: string): Repo {
  const ws = clone(origin);
  if (branch) ws.git('checkout', '-q', '-B', branch, `refs/remotes/origin/${branch}`);
  return ws;
}

describe('the GitHub Action on push: what the push brought that no other ref holds', () => {
  /** main (an old key), a branch `other` with its own key, and feature: base -> F1 (key1) -> F2 (clean). */
  function pushedHistory() {
    const origin = Repo.init();
    const oldKey = fakeKeyId();
    origin.commit('old leak, already on main', { 'legacy/old.ini': credentialsFile(oldKey, fakeSecret()) });
    const base = origin.commit('base', { 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'other');
    const otherKey = fakeKeyId();
    origin.commit('other: key', { 'other/creds.ini': credentialsFile(otherKey, fakeSecret()) });
    origin.git('checkout', '-q', '-b', 'feature', base);
    const key1 = fakeKeyId();
    const f1 = origin.commit('feature: config', { 'config/one.ini': credentialsFile(key1, fakeSecret()) });
    const f2 = origin.commit('feature: code', { 'src/app.js': 'console.log(1);\n' });
    return { origin, base, oldKey, otherKey, key1, f1, f2 };
  }

  it('a force push whose old commit the checkout lacks scans the new commits, finds the key there, never exits 2', () => {
    const { origin, base, oldKey, otherKey, key1, f2 } = pushedHistory();
    // The rewrite: feature starts again from base with a different key, and its old tip is gone.
    origin.git('checkout', '-q', '-B', 'feature', base);
    const key2 = fakeKeyId();
    const g1 = origin.commit('feature: config, again', { 'config/two.ini': credentialsFile(key2, fakeSecret()) });
    const g2 = origin.commit('feature: code, again', { 'src/app.js': 'console.log(2);\n' });
    const ws = checkout(origin, 'feature');
    expect(tryCatFile(ws, f2)).toBe(false);
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', f2, g2, { forced: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`keywarden: scanning the 2 commits that branch feature brought and no other ref holds (${base.slice(0, 12)}..${g2.slice(0, 12)})`);
    expect(run.stdout).toMatch(new RegExp(`^::error file=config/two\\.ini,.*${key2}`, 'm'));
    for (const other of [oldKey, otherKey, key1]) expect(run.stdout).not.toContain(other);
    expect(run.outputs.findings).toBe('2');
    expect(run.summary).toContain(g1.slice(0, 12));
  });

  it('a force push of an unrelated history scans all of it and nothing of the other refs', () => {
    const { origin, oldKey, otherKey, f2 } = pushedHistory();
    origin.git('checkout', '-q', '--orphan', 'fresh');
    origin.git('rm', '-r', '-q', '--cached', '.');
    origin.remove('legacy');
    origin.remove('config');
    const key9 = fakeKeyId();
    origin.commit('fresh start', { 'config/nine.ini': credentialsFile(key9, fakeSecret()) });
    const tip = origin.commit('fresh: more', { 'src/app.js': 'console.log(9);\n' });
    origin.git('branch', '-f', 'feature', tip);
    const ws = checkout(origin, 'feature');
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', f2, tip, { forced: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/keywarden: scanning the 2 commits that branch feature brought and no other ref holds \([0-9a-f]{12}\.\.[0-9a-f]{12}\)/);
    expect(run.stdout).toContain(key9);
    for (const other of [oldKey, otherKey]) expect(run.stdout).not.toContain(other);
  });

  it('a force push whose old commit is still fetched subtracts it: only what the rewrite added is scanned', () => {
    const { origin, key1, f1, f2 } = pushedHistory();
    const ws = checkout(origin, 'feature');
    // F2 amended: F1 (and its key) stays, the new tip adds another key; the checkout still has F2's objects.
    origin.git('checkout', '-q', '-B', 'feature', f1);
    const key3 = fakeKeyId();
    const g2 = origin.commit('feature: code, amended', { 'config/three.ini': credentialsFile(key3, fakeSecret()) });
    ws.git('fetch', '-q', '--prune', 'origin', '+refs/heads/*:refs/remotes/origin/*');
    ws.git('checkout', '-q', '-B', 'feature', 'refs/remotes/origin/feature');
    expect(tryCatFile(ws, f2)).toBe(true);
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', f2, g2, { forced: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`the 1 commit that branch feature brought and no other ref holds (${f1.slice(0, 12)}..${g2.slice(0, 12)})`);
    expect(run.stdout).toContain(key3);
    expect(run.stdout).not.toContain(key1);
  });

  it('a force push that moves a branch back to a commit it held scans nothing and says so', () => {
    const { origin, f1, f2 } = pushedHistory();
    const ws = checkout(origin, 'feature');
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', f2, f1, { forced: true }));
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::notice::keywarden: every commit of branch feature \([0-9a-f]{12}\) is already on another ref or was on it before the push: nothing new to scan$/m);
    expect(run.outputs.findings).toBe('0');
  });

  it('a new branch off another branch scans only its own commits, not the branch it started from', () => {
    const { origin, key1, f2, oldKey } = pushedHistory();
    origin.git('checkout', '-q', '-b', 'feature2', f2);
    const key4 = fakeKeyId();
    const h1 = origin.commit('feature2: key', { 'config/four.ini': credentialsFile(key4, fakeSecret()) });
    const ws = checkout(origin, 'feature2');
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature2', '0'.repeat(40), h1, { created: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`the 1 commit that branch feature2 brought and no other ref holds (${f2.slice(0, 12)}..${h1.slice(0, 12)})`);
    expect(run.stdout).toContain(key4);
    expect(run.stdout).not.toContain(key1);
    expect(run.stdout).not.toContain(oldKey);
  });

  it('a branch that merged main is scanned from the merge, not from where it forked (main\'s commits are not its own)', () => {
    const { origin, key1 } = pushedHistory();
    origin.git('checkout', '-q', 'main');
    const mainKey = fakeKeyId();
    origin.commit('main: a key after feature forked', { 'main/creds.ini': credentialsFile(mainKey, fakeSecret()) });
    const mainTip = origin.commit('main: more', { 'main/more.txt': 'x\n' });
    origin.git('checkout', '-q', 'feature');
    origin.git('merge', '-q', '--no-edit', 'main');
    const key5 = fakeKeyId();
    const tip = origin.commit('feature: after the merge', { 'config/five.ini': credentialsFile(key5, fakeSecret()) });
    const ws = checkout(origin, 'feature');
    // The old tip is not in the checkout: feature's own commits are F1, F2, the merge and the new tip.
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', 'e'.repeat(40), tip, { forced: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`that branch feature brought and no other ref holds (${mainTip.slice(0, 12)}..${tip.slice(0, 12)})`);
    expect(run.stdout).toContain(key5);
    expect(run.stdout).toContain(key1);
    expect(run.stdout).not.toContain(mainKey);
    expect(run.stdout).not.toMatch(/also covers/);
  });

  it('a branch that merged two others is scanned exactly when one ref holds both, else with a note that it covers more', () => {
    const { origin, base } = pushedHistory();
    const keys: Record<string, string> = {};
    for (const name of ['x', 'y']) {
      origin.git('checkout', '-q', '-b', name, base);
      keys[name] = fakeKeyId();
      origin.commit(`${name}: key`, { [`${name}/creds.ini`]: credentialsFile(keys[name], fakeSecret()) });
    }
    origin.git('checkout', '-q', '-b', 'both', base);
    const own = fakeKeyId();
    origin.commit('both: own key', { 'both/creds.ini': credentialsFile(own, fakeSecret()) });
    origin.git('merge', '-q', '--no-edit', 'x');
    origin.git('merge', '-q', '--no-edit', 'y');
    const tip = origin.git('rev-parse', 'HEAD').trim();
    const payload = pushPayload('refs/heads/both', '0'.repeat(40), tip, { created: true });

    const loose = runAction(checkout(origin, 'both').dir, 'push', payload);
    expect(loose.status, loose.stdout + loose.stderr).toBe(1);
    expect(loose.stdout).toContain(own);
    expect(loose.stdout).toMatch(/^::notice::keywarden: the commits of branch both join the other refs' history at 3 points that no single commit reaches: the scan also covers some commits other refs hold$/m);

    origin.git('branch', 'xy', 'x');
    origin.git('checkout', '-q', 'xy');
    origin.git('merge', '-q', '--no-edit', 'y');
    const xy = origin.git('rev-parse', 'HEAD').trim();
    const exact = runAction(checkout(origin, 'both').dir, 'push', payload);
    expect(exact.status, exact.stdout + exact.stderr).toBe(1);
    expect(exact.stdout).toContain(`the 3 commits that branch both brought and no other ref holds (${xy.slice(0, 12)}..${tip.slice(0, 12)})`);
    expect(exact.stdout).toContain(own);
    for (const name of ['x', 'y']) expect(exact.stdout).not.toContain(keys[name]);
  });

  it('a tag push scans the commits only the tag holds (an annotated tag: after is the tag object)', () => {
    const { origin, base, oldKey, key1 } = pushedHistory();
    origin.git('checkout', '-q', '--detach', 'main');
    const key6 = fakeKeyId();
    const release = origin.commit('release: bundle config', { 'dist/config.ini': credentialsFile(key6, fakeSecret()) });
    origin.git('tag', '-a', '-m', 'v1', 'v1');
    const tagObject = origin.git('rev-parse', 'refs/tags/v1').trim();
    expect(tagObject).not.toBe(release);
    origin.git('checkout', '-q', 'main');
    const ws = checkout(origin);
    ws.git('checkout', '-q', 'refs/tags/v1');
    const run = runAction(ws.dir, 'push', pushPayload('refs/tags/v1', '0'.repeat(40), tagObject, { created: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`the 1 commit that tag v1 brought and no other ref holds (${base.slice(0, 12)}..${release.slice(0, 12)})`);
    expect(run.stdout).toContain(key6);
    for (const other of [oldKey, key1]) expect(run.stdout).not.toContain(other);
  });

  it('a tag pushed with its branch (--follow-tags) still gets its commits scanned: a ref holding the tip is not subtracted', () => {
    const { origin, key1 } = pushedHistory();
    origin.git('checkout', '-q', 'main');
    origin.git('tag', 'v0');
    const key7 = fakeKeyId();
    const tip = origin.commit('main: key', { 'config/seven.ini': credentialsFile(key7, fakeSecret()) });
    origin.git('tag', 'v1');
    const ws = checkout(origin, 'main');
    const run = runAction(ws.dir, 'push', pushPayload('refs/tags/v1', '0'.repeat(40), tip, { created: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('the 1 commit that tag v1 brought');
    expect(run.stdout).toContain(key7);
    expect(run.stdout).not.toContain(key1);
  });

  it('a force push in a shallow checkout scans what is there with a warning, never exit 2', () => {
    const { origin, key1, f2 } = pushedHistory();
    origin.git('checkout', '-q', '-B', 'feature', f2);
    const key8 = fakeKeyId();
    const tip = origin.commit('feature: amended', { 'config/eight.ini': credentialsFile(key8, fakeSecret()) });
    const ws = clone(origin, ['--depth', '1', '--branch', 'feature']);
    expect(ws.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', 'd'.repeat(40), tip, { forced: true }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^::warning::keywarden: the checkout is shallow and the commits of branch feature reach its cut, so where they start is unknown: .*Set `fetch-depth: 0` on actions\/checkout$/m);
    expect(run.stdout).toContain(key8);
    // The cut commit is scanned whole: its tree's older key is reported too, as the warning says.
    expect(run.stdout).toContain(key1);
    expect(run.summary).toContain('the checkout is shallow');
  });

  it('refuses a payload whose after is not a commit id, in one line', () => {
    const { origin } = pushedHistory();
    const ws = checkout(origin, 'feature');
    const run = runAction(ws.dir, 'push', pushPayload('refs/heads/feature', '0'.repeat(40), '--output=x'));
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error title=keywarden::the push event payload's "after" is not a commit id: "--output=x"$/m);
  });
});

function tryCatFile(repo: Repo, sha: string): boolean {
  return spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: repo.dir }).status === 0;
}
