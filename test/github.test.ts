// GitHub workflow-command annotations: exact positions, escaping as the runner unescapes (a file name with ','
// or ':' and a commit subject with a newline must not break the command), redaction, and the CLI format.
import { describe, expect, it } from 'vitest';
import { annotation, githubReporter } from '../src/reporters/github.js';
import { escapeCommandData as escapeData, escapeCommandProperty as escapeProperty } from '../src/text/escape.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { Repo } from './support/repo.js';
import { CONTEXT, finding, report, secretFinding } from './support/sample-report.js';

/** The runner's parser, as documented: `::name k=v,k=v::data`, properties split on ',' then the first '='. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { name: match[1], properties, data: unescapeData(match[3]) };
}

describe('github reporter', () => {
  it('escapes data and properties the way the runner unescapes them', async () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('puts one annotation on the exact line and columns, and survives hostile file names and subjects', async () => {
    const keyId = fakeKeyId();
    const commit = { sha: 'b'.repeat(40), author: 'Dev', email: 'd@example.com', date: '2024-01-01T00:00:00Z', message: 'fix: a, b\n::error::injected' };
    const hostile = 'weird, name: 100%.env';
    const findings = [finding({ secret: keyId, file: hostile, commit }), secretFinding(keyId, { file: hostile, commit })];
    const output = githubReporter(report(findings, 'range'), CONTEXT);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const first = parseCommand(lines[0]);
    expect(first.name).toBe('error');
    expect(first.properties).toMatchObject({ file: hostile, line: '3', col: '19', endColumn: '39' });
    expect(first.properties.title).toContain('aws-access-key-id');
    expect(first.data).toContain(keyId);
    // The subject's newline is shown as \n, and the `::` that followed it is escaped too (text/escape.ts).
    expect(first.data).toContain('fix: a, b\\n\\x3a:error::injected');
    // The injected command stays inside this command's data: no line of output starts a second one from it.
    expect(lines.filter((line) => line.startsWith('::')).length).toBe(2);
    const second = parseCommand(lines[1]);
    expect(second.data).toContain(findings[1].secret);
    expect(second.data).toContain(`for ${keyId}`);
    expect(lines[2]).toMatch(/^keywarden: 2 AWS credential findings/);
  });

  it('low-confidence findings are warnings; multi-line findings carry endLine instead of endColumn', async () => {
    const line = annotation(finding({ confidence: 'low', endLine: 5, endColumn: 3 }));
    const parsed = parseCommand(line);
    expect(parsed.name).toBe('warning');
    expect(parsed.properties.endLine).toBe('5');
    expect(parsed.properties.endColumn).toBeUndefined();
  });

  it('puts --verify results in the annotation, escaped; a live key is an error whatever the confidence', async () => {
    const verification = { status: 'live' as const, account: '111122223333', arn: 'arn:aws:iam::111122223333:user/x\n::error::y\u202e', user: 'x', checkedAt: '2026-01-02T03:04:05.000Z' };
    const line = annotation(finding({ confidence: 'low', verification }));
    expect(line.split('\n')).toHaveLength(1);
    const parsed = parseCommand(line);
    expect(parsed.name).toBe('error');
    expect(parsed.data).toContain('\nSTS: LIVE as arn:aws:iam::111122223333:user/x\\n\\x3a:error::y\\u202e, checked 2026-01-02T03:04:05Z.');
    expect(parseCommand(annotation(finding({ verification: { ...verification, status: 'expired', arn: null } }))).data).toContain('\nSTS: expired (the session token has expired)');
  });

  it('says so when nothing is found', async () => {
    expect(githubReporter(report([]), CONTEXT)).toBe('keywarden: no AWS credentials found.\n');
  });
});

describe('--format github through the CLI', () => {
  it('annotates a file scan and a staged scan, secrets redacted', async () => {
    const repo = Repo.init();
    const keyId = fakeKeyId();
    const secret = fakeSecret();
    repo.commit('base', { 'README.md': 'hi\n' });
    repo.write('app/settings.py', `# settings\nAWS_ACCESS_KEY_ID = "${keyId}"\nAWS_SECRET_ACCESS_KEY = "${secret}"\n`);
    repo.git('add', 'app/settings.py');
    for (const args of [['scan', '.'], ['scan', '--staged']]) {
      const result = await runKeywarden([...args, '--format', 'github'], { cwd: repo.dir });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      const commands = result.stdout.split('\n').filter((line) => line.startsWith('::')).map(parseCommand);
      expect(commands.length).toBeGreaterThanOrEqual(2);
      const idAnnotation = commands.find((command) => command.data.includes(keyId));
      expect(idAnnotation?.properties).toMatchObject({ file: 'app/settings.py', line: '2', col: '22' });
      expect(result.stdout).not.toContain(secret);
    }
  });
});
