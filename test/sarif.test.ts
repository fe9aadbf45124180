// SARIF 2.1.0: valid against the official schema (test/fixtures/sarif), the fields code scanning reads, stable
// fingerprints and byte-stable output, and `--format sarif` through the real CLI on every scan mode.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUri, FINGERPRINT_KEY, sarifReporter } from '../src/reporters/sarif.js';
import { ROOT } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { Repo } from './support/repo.js';
import { CONTEXT, finding, report, secretFinding } from './support/sample-report.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('sarif reporter', () => {
  it('the schema itself rejects what it must (a test that cannot fail is a defect)', async () => {
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
  });

  it('is valid SARIF 2.1.0 with rules, results, regions, fingerprints and commit provenance', async () => {
    const keyId = fakeKeyId();
    const commit = { sha: 'a'.repeat(40), author: 'Dev, "Quoted"', email: 'dev@example.com', date: '2024-01-01T10:00:00+02:00', message: 'add config\nsecond line' };
    const findings = [
      finding({ secret: keyId, file: 'dir with space/app #1.env', commit }),
      secretFinding(keyId, { file: 'dir with space/app #1.env', commit }),
      finding({ file: 'ünïcode/ключ.txt', line: 1, column: 1, endColumn: 21, confidence: 'low' }),
    ];
    const log = JSON.parse(sarifReporter(report(findings, 'history'), CONTEXT));
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'keywarden', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toMatch(/AWS/);
      expect(rule.fullDescription.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown).toContain('keywarden remediate');
      expect(rule.help.text).toContain('keywarden:allow');
      expect(rule.defaultConfiguration.level).toBe('error');
      expect(rule.properties.tags).toContain('security');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(7);
    }
    expect(run.results).toHaveLength(3);
    const [first, second, third] = run.results;
    expect(first.ruleId).toBe('aws-access-key-id');
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(run.tool.driver.rules[second.ruleIndex].id).toBe('aws-secret-access-key');
    expect(first.level).toBe('error');
    expect(third.level).toBe('warning');
    const location = first.locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'dir%20with%20space/app%20%231.env', uriBaseId: '%SRCROOT%' });
    expect(location.region).toEqual({ startLine: 3, startColumn: 19, endLine: 3, endColumn: 39 });
    expect(first.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: findings[0].fingerprint });
    expect(first.properties.commit.sha).toBe(commit.sha);
    expect(first.message.text).toContain(keyId);
    expect(first.message.text).toContain('aaaaaaaaaaaa');
    // The secret key is only ever the redacted value the finding carries.
    expect(second.message.text).toContain(findings[1].secret);
    expect(third.locations[0].physicalLocation.artifactLocation.uri).toBe(fileUri('ünïcode/ключ.txt'));
  });

  it('carries --verify results in result properties: a live key is an error ranked first, whatever the confidence', async () => {
    const keyId = fakeKeyId();
    const live = { status: 'live' as const, account: '111122223333', arn: 'arn:aws:iam::111122223333:user/bot', user: 'bot', checkedAt: '2026-01-02T03:04:05.000Z' };
    const dead = { status: 'invalid' as const, account: null, arn: null, user: null, checkedAt: '2026-01-02T03:04:05.000Z' };
    const findings = [finding({ secret: keyId, confidence: 'low', verification: live }), finding({ line: 9, confidence: 'low', verification: dead }), finding({ line: 10 })];
    const log = JSON.parse(sarifReporter(report(findings), CONTEXT));
    expectValid(log);
    const [first, second, third] = log.runs[0].results;
    expect([first.level, first.rank, first.properties.verification]).toEqual(['error', 100, live]);
    expect(first.message.text).toContain('STS says LIVE (checked 2026-01-02T03:04:05.000Z)');
    expect([second.level, second.rank, second.properties.verification]).toEqual(['warning', undefined, dead]);
    expect('verification' in third.properties).toBe(false);
  });

  it('an empty report is valid and has an empty results array (an actual scan, not a rules export)', async () => {
    const log = JSON.parse(sarifReporter(report([]), CONTEXT));
    expectValid(log);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });

  it('is byte-stable for the same findings, whatever their order of arrival in the rules table', async () => {
    const a = finding();
    const b = secretFinding(a.secret);
    expect(sarifReporter(report([a, b]), CONTEXT)).toBe(sarifReporter(report([a, b]), CONTEXT));
    const rulesAB = JSON.parse(sarifReporter(report([a, b]), CONTEXT)).runs[0].tool.driver.rules;
    const rulesBA = JSON.parse(sarifReporter(report([b, a]), CONTEXT)).runs[0].tool.driver.rules;
    expect(rulesAB).toEqual(rulesBA);
  });
});

describe('--format sarif through the CLI', () => {
  function keyFile(): { text: string; keyId: string; secret: string } {
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    return { keyId, secret, text: `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n` };
  }

  it('files, staged, history and range scans all give valid SARIF with the same fingerprints on every run', async () => {
    const repo = Repo.init();
    const base = repo.commit('base', { 'README.md': 'hello\n' });
    const { text, keyId, secret } = keyFile();
    const head = repo.commit('add credentials', { 'deploy/credentials': text });
    repo.write('staged.ini', text);
    repo.git('add', 'staged.ini');
    const runs: Record<string, string[]> = {
      files: ['scan', '.'],
      staged: ['scan', '--staged'],
      history: ['scan', '--history'],
      range: ['scan', '--range', `${base}..${head}`],
    };
    for (const [mode, args] of Object.entries(runs)) {
      const first = await runKeywarden([...args, '--format', 'sarif'], { cwd: repo.dir });
      expect(first.stderr, mode).not.toMatch(/internal error|not implemented/);
      expect(first.status, `${mode}: ${first.stderr}`).toBe(1);
      const log = JSON.parse(first.stdout);
      expectValid(log);
      const results = log.runs[0].results;
      expect(results.length, mode).toBeGreaterThanOrEqual(2);
      expect(first.stdout, mode).toContain(keyId);
      expect(first.stdout, mode).not.toContain(secret);
      const again = await runKeywarden([...args, '--format', 'sarif'], { cwd: repo.dir });
      expect(again.stdout, `${mode} is stable across runs`).toBe(first.stdout);
      for (const result of results) expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{16,}$/);
      if (mode === 'history' || mode === 'range') {
        expect(results.some((result: any) => result.properties.commit?.sha === head)).toBe(true);
      }
    }
  });
});
