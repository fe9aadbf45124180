// The short playbook's last line names the command that prints the full playbook: `keywarden remediate` with
// the options of the scan that was actually run (what to scan, config, baseline, limits, --verify), not a
// fixed `--history`, which fails in a folder that is not a repository. Shell-quoted, escaped, and it works.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remediateCommand } from '../src/cli/remediate-command.js';
import { shortPlaybook } from '../src/remediation/hint.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';
import { finding as sampleFinding } from './support/sample-report.js';

const HINT = 'Full playbook with ready commands: ';

function hintOf(stdout: string): string {
  const line = stdout.split('\n').find((text) => text.startsWith(HINT));
  if (line === undefined) throw new Error(`no hint line in:\n${stdout}`);
  return line.slice(HINT.length);
}

function keyFile(): string {
  return `AWS_ACCESS_KEY_ID=${fakeKeyId()}\nAWS_SECRET_ACCESS_KEY=${fakeSecret()}\n`;
}

describe('remediateCommand', () => {
  const cases: Array<[string[], string]> = [
    [['scan'], 'keywarden remediate'],
    [['scan', '--history', '--format', 'json', '-o', 'out.json', '--quiet'], 'keywarden remediate --history'],
    [
      ['scan', '--since', 'main', '--config=cfg.json', '--baseline', 'b.json', '--max-file-size', '10MB', '--no-default-ignores', '--allow-missing'],
      'keywarden remediate --since main --config=cfg.json --baseline b.json --max-file-size 10MB --no-default-ignores --allow-missing',
    ],
    [['scan', '--range', 'origin/main..HEAD', '--format=sarif', '--output=x.sarif'], 'keywarden remediate --range origin/main..HEAD'],
    [['scan', '-qo', 'r.txt', 'src'], 'keywarden remediate src'],
    [['scan', '-o', 'r.txt', '-v', '--debug', 'src', 'lib'], 'keywarden remediate src lib'],
    [['scan', '--only-verified', '--verify', '--sts-endpoint', 'http://127.0.0.1:1', '--verify-timeout', '3'], 'keywarden remediate --verify --sts-endpoint http://127.0.0.1:1 --verify-timeout 3'],
    [['scan', '--no-redact', '--stdin', '--stdin-name', 'x.env'], 'keywarden remediate --stdin --stdin-name x.env'],
    [['scan', '--stdinName', 'x.env', '--stdin'], 'keywarden remediate --stdinName x.env --stdin'],
    [['scan', '--', '-odd', '::x'], "keywarden remediate -- -odd '::x'"],
    [['scan', "it's here"], "keywarden remediate 'it'\\''s here'"],
    [['scan', 'a\nb\u202e\x1b[2J'], "keywarden remediate $'a\\nb\\u202e\\x1b[2J'"],
    [['scan', '$(touch pwned)`id`;rm'], "keywarden remediate '$(touch pwned)`id`;rm'"],
  ];
  for (const [argv, expected] of cases) {
    it(`${JSON.stringify(argv)} → ${expected}`, async () => {
      expect(remediateCommand(argv)).toBe(expected);
    });
  }
});

describe('the hint after a text scan', () => {
  it('in a folder that is not a repository names the folder, and that command works', async () => {
    const dir = tempDir('keywarden-hint-');
    writeFileSync(path.join(dir, 'app.env'), keyFile());
    const scan = await runKeywarden(['scan', '.', '--format', 'text', '--quiet'], { cwd: dir });
    expect(scan.status, scan.stderr).toBe(1);
    expect(hintOf(scan.stdout)).toBe('keywarden remediate .');
    const remediate = await runKeywarden(['remediate', '.'], { cwd: dir });
    expect(remediate.status, remediate.stderr).toBe(0);
    expect(remediate.stdout).toContain('remediation playbook');
    // What the hint used to say fails here.
    expect((await runKeywarden(['remediate', '--history'], { cwd: dir })).status).toBe(2);
  });

  it('after a history or range scan names that mode and the config and baseline used', async () => {
    const repo = Repo.init();
    const base = repo.commit('base', { 'README.md': 'hi\n', 'kw.json': '{}\n' });
    const head = repo.commit('add key', { 'deploy/app.env': keyFile() });
    const history = await runKeywarden(['scan', '--history', '--config', 'kw.json', '-v'], { cwd: repo.dir });
    expect(history.status, history.stderr).toBe(1);
    expect(hintOf(history.stdout)).toBe('keywarden remediate --history --config kw.json');
    const range = await runKeywarden(['scan', '--range', `${base}..${head}`, '--baseline=none.json'], { cwd: repo.dir });
    expect(range.status, range.stderr).toBe(2); // no such baseline: no report, no hint
    const ranged = await runKeywarden(['scan', '--range', `${base}..${head}`], { cwd: repo.dir });
    expect(hintOf(ranged.stdout)).toBe(`keywarden remediate --range ${base}..${head}`);
    expect((await runKeywarden(['remediate', '--range', `${base}..${head}`], { cwd: repo.dir })).status).toBe(0);
  });

  it('quotes and escapes a hostile path: one line, no control character, pastes back as the same path', async () => {
    const parent = tempDir('keywarden-hint-');
    const name = "it's $(touch pwned)\n::error::x\u202e";
    mkdirSync(path.join(parent, name));
    writeFileSync(path.join(parent, name, 'app.env'), keyFile());
    const scan = await runKeywarden(['scan', name], { cwd: parent });
    expect(scan.status, scan.stderr).toBe(1);
    expect(hintOf(scan.stdout)).toBe("keywarden remediate $'it\\'s $(touch pwned)\\n\\x3a:error::x\\u202e'");
    expect(scan.stdout).not.toMatch(/[\u202e]|^::/m);
  });

  it('--staged keeps the blocked-commit advice (remediate --key), not a scan command', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hi\n' });
    repo.write('app.env', keyFile());
    repo.git('add', 'app.env');
    const staged = await runKeywarden(['scan', '--staged'], { cwd: repo.dir });
    expect(staged.status).toBe(1);
    expect(staged.stdout).toMatch(/keywarden remediate --key AKIA/);
    expect(staged.stdout).not.toContain(HINT);
  });
});

describe('the short playbook after --verify', () => {
  const checkedAt = '2026-01-02T03:04:05.000Z';
  const live = (arn: string, user: string | null) => ({ status: 'live' as const, account: '111122223333', arn, user, checkedAt });
  it('says LIVE and names the user STS named (shell-quoted), the role of a session, the root user; OWNER otherwise', async () => {
    const [user, hostile, root, session, dead] = [fakeKeyId(), fakeKeyId(), fakeKeyId(), fakeKeyId('ASIA'), fakeKeyId()];
    const text = shortPlaybook([
      sampleFinding({ secret: dead, verification: { status: 'invalid', account: null, arn: null, user: null, checkedAt } }),
      sampleFinding({ secret: user, verification: live('arn:aws:iam::111122223333:user/ci/deploy-bot', 'deploy-bot') }),
      sampleFinding({ secret: hostile, verification: live("arn:aws:iam::111122223333:user/a'b$(id)\u202e", "a'b$(id)\u202e") }),
      sampleFinding({ secret: root, verification: live('arn:aws:iam::111122223333:root', null) }),
      sampleFinding({ secret: session, verification: live('arn:aws:sts::111122223333:assumed-role/deployer/s1', 'deployer') }),
    ]);
    expect(text).not.toMatch(/[\u202e]/);
    expect(text).toContain(`${user} is LIVE: AWS accepted it as arn:aws:iam::111122223333:user/ci/deploy-bot: act on it first.`);
    expect(text).toContain(`aws iam update-access-key --user-name deploy-bot --access-key-id ${user} --status Inactive`);
    expect(text).toContain(`aws iam update-access-key --user-name $'a\\'b$(id)\\u202e' --access-key-id ${hostile} --status Inactive`);
    expect(text).toContain(`${root} is the ROOT user's key: sign in as root`);
    expect(text).not.toContain(`--access-key-id ${root}`);
    expect(text).toContain(`${session}: IAM console → Roles → the role deployer → Revoke sessions`);
    expect(text).toContain(`aws iam update-access-key --user-name OWNER --access-key-id ${dead} --status Inactive`);
    expect(text).not.toContain(`${dead} is LIVE`);
    // Live keys come first: they are usable now.
    expect(text.indexOf(user)).toBeLessThan(text.indexOf(dead));
  });
});
