// keywarden merge: several real repositories scanned with the built CLI, their JSON reports merged. A key
// leaked in three repositories is one key with three places; bad reports are one line and exit 2.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { orgRepos, type OrgRepo } from './support/org-repos.js';
import { tempDir } from './support/repo.js';

let dir: string;
let repos: OrgRepo[];
let reports: string[];

beforeAll(() => {
  dir = tempDir('keywarden-merge-');
  repos = orgRepos(['alpha', 'beta', 'gamma']).repos;
  reports = repos.map(({ name, repo }) => {
    const file = path.join(dir, `${name}.json`);
    const scan = runCli(['scan', '--history', '--format', 'json', '--output', file], { cwd: repo.dir });
    expect(scan.status, scan.stderr).toBe(1);
    return file;
  });
});

describe('keywarden merge', () => {
  it('counts a key leaked in three repositories once, with its three places', () => {
    const result = runCli(['merge', ...reports, '--format', 'json']);
    expect(result.status, result.stderr).toBe(1);
    const merged = JSON.parse(result.stdout);
    const shared = repos[0].leaks[0];
    const key = merged.keys.find((entry: any) => entry.keyId === shared.id);
    expect(key.repositories).toEqual(['alpha', 'beta', 'gamma']);
    expect(key.places).toBe(6); // its ID and its secret, in each of the three
    // alpha: the shared key; beta: shared + own; gamma: shared → three keys in all, not five.
    expect(merged.keys.filter((entry: any) => entry.keyId !== null)).toHaveLength(2);
    expect(merged.keys.map((entry: any) => entry.keyId)).toContain(repos[1].leaks[1].id);
    expect(new Set(merged.findings.map((finding: any) => finding.repository))).toEqual(new Set(['alpha', 'beta', 'gamma']));
    expect(merged.reports.map((entry: any) => [entry.repository, entry.findings])).toEqual([['alpha', 2], ['beta', 4], ['gamma', 2]]);
    expect(merged.scan.mode).toBe('history');
    // Secrets stay masked: the reports were redacted and the merge writes no secret whole.
    expect(result.stdout).not.toContain(shared.secret);
  });

  it('prints one block per key in text, and its output is a report remediate reads', () => {
    const text = runCli(['merge', ...reports]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('8 findings, 2 keys to rotate');
    expect(text.stdout).toMatch(new RegExp(`${repos[0].leaks[0].id}.*: 6 places in 3 repositories`));
    const file = path.join(dir, 'merged.json');
    expect(runCli(['merge', ...reports, '--format', 'json', '--output', file, '--quiet']).status).toBe(1);
    const playbook = runCli(['remediate', '--report', file]);
    expect(playbook.status, playbook.stderr).toBe(0);
    expect(playbook.stdout).toContain(repos[0].leaks[0].id);
    // A merged report merges again, keeping the repositories it names.
    const again = JSON.parse(runCli(['merge', file, '--format', 'json']).stdout);
    expect(again.keys.find((entry: any) => entry.keyId === repos[0].leaks[0].id).repositories).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('writes SARIF with each location under its repository', () => {
    const result = runCli(['merge', ...reports, '--format', 'sarif']);
    expect(result.status).toBe(1);
    const uris = JSON.parse(result.stdout).runs[0].results.map((item: any) => item.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('alpha/deploy/settings.env');
    expect(uris).toContain('beta/tools/upload.py');
  });

  it('exits 0 on clean reports and names reports that share a file name by their path', () => {
    const clean = orgRepos(['clean'], { shared: { id: '', secret: '', text: 'nothing here\n' } }).repos[0];
    for (const sub of ['a', 'b']) {
      mkdirSync(path.join(dir, sub), { recursive: true });
      expect(runCli(['scan', '--history', '--format', 'json', '--output', path.join(dir, sub, 'report.json')], { cwd: clean.repo.dir }).status).toBe(0);
    }
    const result = runCli(['merge', 'a/report.json', 'b/report.json', '--format', 'json'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).reports.map((entry: any) => entry.repository)).toEqual(['a/report', 'b/report']);
  });

  it('masks secrets a report holds whole, unless merge gets --no-redact', () => {
    const leak = fakeLeak();
    const report = JSON.parse(readFileSync(reports[0], 'utf8'));
    report.findings[0] = { ...report.findings[0], kind: 'secret-access-key', ruleId: 'aws-secret-access-key', secret: leak.secret, keyId: leak.id, commit: { ...report.findings[0].commit, message: `oops ${leak.secret}` } };
    const file = path.join(dir, 'whole.json');
    writeFileSync(file, JSON.stringify(report));
    const masked = runCli(['merge', file, '--format', 'json']);
    expect(masked.status).toBe(1);
    expect(masked.stdout).not.toContain(leak.secret);
    expect(runCli(['merge', file, '--format', 'json', '--no-redact']).stdout).toContain(leak.secret);
  });

  it.each([
    ['not JSON', '{"version": 1,', /the report .*bad\.json is not JSON/],
    ['not a report', '[1, 2]', /is not a keywarden version-1 JSON report: the top level is not an object/],
    ['a commit subject that is not a string', null, /findings\[0\]\.commit\.message must be a string/],
    ['a verification status it does not know', null, /findings\[0\]\.verification\.status must be one of/],
  ])('refuses a report that is %s: one line, exit 2', (_name, text, message) => {
    let content = text;
    if (content === null) {
      const report = JSON.parse(readFileSync(reports[0], 'utf8'));
      if (String(message).includes('commit')) report.findings[0].commit.message = { toString: 1 };
      else report.findings[0].verification = { status: '<b>live</b>' };
      content = JSON.stringify(report);
    }
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, content);
    const result = runCli(['merge', reports[0], file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('needs at least one report, and takes only its formats', () => {
    const none = runCli(['merge']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/merge needs one or more JSON reports/);
    const github = runCli(['merge', reports[0], '--format', 'github']);
    expect(github.status).toBe(2);
    expect(github.stderr).toMatch(/unknown --format 'github' for merge \(choose text, json, sarif, html\)/);
    expect(runCli(['merge', reports[0], '--staged']).stderr).toMatch(/--staged is an option of/);
  });
});
