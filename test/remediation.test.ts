// Golden-file tests of the playbook, through the real CLI: text, markdown and JSON for an AKIA key, an ASIA
// key with a session token, several keys at once (with an old-format key and a secret without a key ID), and
// a key from an account that is not ours. Values come from a seeded generator and are swapped for placeholders
// ({{KEY1}}) before comparing, so the golden files hold no key at all. UPDATE_GOLDEN=1 rewrites them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { tempDir } from './support/repo.js';
import { COMMIT_A, COMMIT_B, Fakes, finding, reportOf } from './support/remediation-fakes.js';
import type { Finding } from '../src/types.js';
import { expectGolden } from './support/golden.js';

const OURS = '111122223333';
const THEIRS = '444455556666';

interface Scenario {
  findings: Finding[];
  accounts: string[];
  /** Placeholder name → generated value. */
  values: Record<string, string>;
  /** Values that must never appear in any output. */
  secrets: string[];
}

const SCENARIOS: Record<string, (fakes: Fakes) => Scenario> = {
  akia(fakes) {
    const KEY1 = fakes.keyId('AKIA', OURS);
    const SECRET1 = fakes.secret();
    return {
      findings: [finding('access-key-id', KEY1, null, 'config/app.env', 3, COMMIT_A), finding('secret-access-key', SECRET1, KEY1, 'config/app.env', 4, COMMIT_A)],
      accounts: [],
      values: { KEY1, SECRET1 },
      secrets: [SECRET1],
    };
  },
  asia(fakes) {
    const KEY1 = fakes.keyId('ASIA', OURS);
    const SECRET1 = fakes.secret();
    const TOKEN1 = fakes.sessionToken();
    return {
      findings: [
        finding('access-key-id', KEY1, null, 'deploy/env.sh', 2, COMMIT_B),
        finding('secret-access-key', SECRET1, KEY1, 'deploy/env.sh', 3, COMMIT_B),
        finding('session-token', TOKEN1, KEY1, 'deploy/env.sh', 4, COMMIT_B),
      ],
      accounts: [OURS],
      values: { KEY1, SECRET1, TOKEN1 },
      secrets: [SECRET1, TOKEN1],
    };
  },
  several(fakes) {
    const KEY1 = fakes.keyId('AKIA', OURS);
    const SECRET1 = fakes.secret();
    const KEY2 = fakes.keyId('ASIA', OURS);
    const SECRET2 = fakes.secret();
    const TOKEN2 = fakes.sessionToken();
    const KEY3 = fakes.oldKeyId();
    const SECRET3 = fakes.secret();
    const SECRET4 = fakes.secret();
    return {
      findings: [
        finding('access-key-id', KEY1, null, '.env', 1, COMMIT_A),
        finding('secret-access-key', SECRET1, KEY1, '.env', 2, COMMIT_A),
        finding('access-key-id', KEY2, null, 'ci/session.json', 3, COMMIT_B),
        finding('secret-access-key', SECRET2, KEY2, 'ci/session.json', 4, COMMIT_B),
        finding('session-token', TOKEN2, KEY2, 'ci/session.json', 5, COMMIT_B),
        finding('access-key-id', KEY3, null, 'legacy/boto.cfg', 7, COMMIT_B),
        finding('secret-access-key', SECRET3, KEY3, 'legacy/boto.cfg', 8, COMMIT_B),
        finding('secret-access-key', SECRET4, null, 'notes.txt', 12, COMMIT_B),
      ],
      accounts: [OURS],
      values: { KEY1, SECRET1, KEY2, SECRET2, TOKEN2, KEY3, SECRET3, SECRET4 },
      secrets: [SECRET1, SECRET2, TOKEN2, SECRET3, SECRET4],
    };
  },
  'unknown-account'(fakes) {
    const KEY1 = fakes.keyId('AKIA', THEIRS);
    const SECRET1 = fakes.secret();
    return {
      findings: [finding('access-key-id', KEY1, null, 'vendor/sdk-sample.py', 10, COMMIT_A), finding('secret-access-key', SECRET1, KEY1, 'vendor/sdk-sample.py', 11, COMMIT_A)],
      accounts: [OURS],
      values: { KEY1, SECRET1 },
      secrets: [SECRET1],
    };
  },
};

SCENARIOS['lone-secret'] = (fakes) => {
  const SECRET1 = fakes.secret();
  return {
    findings: [finding('secret-access-key', SECRET1, null, 'scripts/deploy.sh', 9, COMMIT_A)],
    accounts: [],
    values: { SECRET1 },
    secrets: [SECRET1],
  };
};

// The other credential kinds (issue #14): an access key with an SES SMTP password and a short-term Bedrock API
// key hanging off it, a long-term Bedrock API key, a CodeCommit/Keyspaces password, a CloudFront key pair, an
// AppSync API key and a console password, each with its own steps.
SCENARIOS['other-kinds'] = (fakes) => {
  const KEY1 = fakes.keyId('AKIA', OURS);
  const SMTP1 = `B${fakes.pick(B64_CHARS, 43)}`;
  const BEDROCKST1 = `bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=${KEY1}%2F20250101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Signature=${fakes.pick('0123456789abcdef', 64)}&Version=1`).toString('base64')}`;
  const BEDROCK_USER = `BedrockAPIKey-${fakes.pick('abcdefghijklmnopqrstuvwxyz0123456789', 4)}-at-${OURS}`;
  const ABSK1 = `ABSK${Buffer.from(`${BEDROCK_USER}:${fakes.pick(B64_CHARS, 60)}`).toString('base64')}`;
  const SVCUSER = `deploy-bot-at-${OURS}`;
  const SVCPASS1 = fakes.pick(B64_CHARS, 44);
  const APKA1 = `APKA${fakes.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  const PEM1 = `-----BEGIN RSA PRIVATE KEY-----\n${fakes.pick(B64_CHARS, 64)}\n${fakes.pick(B64_CHARS, 64)}\n-----END RSA PRIVATE KEY-----`;
  const APPSYNC1 = `da2-${fakes.pick('abcdefghijklmnopqrstuvwxyz0123456789', 26)}`;
  const PASSWORD1 = `Q${fakes.pick(B64_CHARS, 14)}!`;
  const as = (ruleId: string, item: Finding): Finding => ({ ...item, ruleId });
  return {
    findings: [
      finding('access-key-id', KEY1, null, 'mail/smtp.env', 1, COMMIT_A),
      as('aws-ses-smtp-password', finding('ses-smtp-password', SMTP1, KEY1, 'mail/smtp.env', 2, COMMIT_A)),
      as('aws-bedrock-short-term-key', finding('bedrock-short-term-key', BEDROCKST1, KEY1, 'notebooks/llm.ipynb', 14, COMMIT_B)),
      as('aws-bedrock-api-key', finding('bedrock-api-key', ABSK1, BEDROCK_USER, '.env', 3, COMMIT_A)),
      as('aws-iam-service-password', finding('service-specific-password', SVCPASS1, SVCUSER, '.git-credentials', 1, COMMIT_B)),
      as('aws-cloudfront-private-key', finding('cloudfront-private-key', PEM1, APKA1, 'config/cdn.yml', 4, COMMIT_B)),
      as('aws-appsync-api-key', finding('appsync-api-key', APPSYNC1, null, 'src/aws-exports.js', 9, COMMIT_A)),
      as('aws-console-password', finding('console-password', PASSWORD1, `arn:aws:iam::${OURS}:user/ci-bot`, 'credentials.csv', 2, COMMIT_B)),
    ],
    accounts: [OURS],
    values: { KEY1, SMTP1, BEDROCKST1, ABSK1, SVCPASS1, APKA1, APPSYNC1, PASSWORD1 },
    secrets: [SMTP1, BEDROCKST1, ABSK1, SVCPASS1, PEM1, APPSYNC1, PASSWORD1],
  };
};

const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const FORMATS = { text: 'txt', markdown: 'md', json: 'json' } as const;

async function runScenario(name: string, format: keyof typeof FORMATS) {
  const scenario = SCENARIOS[name](new Fakes(20240101));
  const dir = tempDir('keywarden-remediate-');
  writeFileSync(path.join(dir, 'report.json'), JSON.stringify(reportOf(scenario.findings)));
  if (scenario.accounts.length > 0) writeFileSync(path.join(dir, '.keywarden.json'), JSON.stringify({ accounts: scenario.accounts }));
  const result = await runKeywarden(['remediate', '--report', 'report.json', '--format', format], { cwd: dir });
  return { scenario, result };
}

function withPlaceholders(text: string, values: Record<string, string>): string {
  // Longest first, so a value inside another (never the case with these fakes, but cheap) cannot split it.
  for (const [name, value] of Object.entries(values).sort((a, b) => b[1].length - a[1].length)) text = text.replaceAll(value, `{{${name}}}`);
  return text;
}

function golden(file: string, actual: string): void {
  expectGolden(`remediation/${file}`, actual);
}

describe('remediate golden files', () => {
  for (const name of Object.keys(SCENARIOS)) {
    for (const [format, ext] of Object.entries(FORMATS) as Array<[keyof typeof FORMATS, string]>) {
      it(`${name} as ${format}`, async () => {
        const { scenario, result } = await runScenario(name, format);
        expect(result.stderr).toBe('');
        expect(result.status, result.stderr).toBe(0);
        for (const secret of scenario.secrets) {
          expect(result.stdout).not.toContain(secret);
          expect(result.stdout).not.toContain(secret.slice(0, 16));
        }
        golden(`${name}.${ext}`, withPlaceholders(result.stdout, scenario.values));
      });
    }
  }
});

describe('remediate playbook structure (JSON)', () => {
  const playbookOf = async (name: string) => {
    const { scenario, result } = await runScenario(name, 'json');
    return { scenario, playbook: JSON.parse(result.stdout) };
  };

  it('gives an AKIA key the five documented steps in order, with the real key ID in the commands', async () => {
    const { scenario, playbook } = await playbookOf('akia');
    const [key] = playbook.keys;
    expect(key.keyId).toBe(scenario.values.KEY1);
    expect(key.accountId).toBe(OURS);
    expect(key.ownership).toBe('unchecked');
    expect(key.steps.map((step: { number: number; id: string }) => `${step.number}:${step.id}`)).toEqual([
      '1:remove-leaked-data',
      '2:delete-key',
      '3:check-unauthorized-use',
      '4:rotate-all-keys',
      '5:prevent',
    ]);
    const scripts = [key.setup.script, ...key.steps.flatMap((step: { commands: Array<{ script: string }> }) => step.commands.map((command) => command.script))].join('\n');
    for (const command of ['aws sts get-access-key-info', 'aws iam list-users', 'aws iam list-access-keys', 'update-access-key', '--status Inactive', 'delete-access-key', 'aws ec2 describe-regions', 'aws cloudtrail lookup-events', 'AttributeKey=AccessKeyId', 'get-access-key-last-used', 'create-access-key']) {
      expect(scripts).toContain(command);
    }
    expect(scripts).toContain(`--access-key-id ${scenario.values.KEY1}`);
    expect(scripts.indexOf('--status Inactive')).toBeLessThan(scripts.indexOf('delete-access-key'));
    expect(playbook.history.needed).toBe(true);
    expect(playbook.history.expressions.written).toBe(false);
  });

  it('revokes an ASIA key through its role instead of deleting it', async () => {
    const { playbook } = await playbookOf('asia');
    const [key] = playbook.keys;
    expect(key.keyType).toBe('temporary');
    expect(key.ownership).toBe('own');
    expect(key.sessionToken).toBe('paired');
    const step2 = key.steps[1];
    expect(step2.id).toBe('revoke-sessions');
    const script = step2.commands.map((command: { script: string }) => command.script).join('\n');
    expect(script).toContain('aws iam put-role-policy');
    expect(script).toContain('AWSRevokeOlderSessions');
    expect(script).toContain('aws:TokenIssueTime');
    expect(script).toContain('sessionIssuer');
    expect(step2.text.join(' ')).toContain('Revoke active sessions');
    expect(JSON.stringify(key.steps)).not.toContain('delete-access-key --user-name "$OWNER"');
  });

  it('does account-wide steps once and groups secrets and tokens under their key', async () => {
    const { scenario, playbook } = await playbookOf('several');
    expect(playbook.keys.map((key: { keyId: string }) => key.keyId)).toEqual([scenario.values.KEY1, scenario.values.KEY2, scenario.values.KEY3]);
    const [first, second, third] = playbook.keys;
    expect(first.steps.every((step: { sameAs?: unknown }) => step.sameAs === undefined)).toBe(true);
    expect(second.steps.find((step: { id: string }) => step.id === 'rotate-all-keys').sameAs).toEqual({ keyId: scenario.values.KEY1, step: 4 });
    expect(third.accountId).toBeNull();
    expect(third.ownership).toBe('unknown');
    expect(third.notes.join(' ')).toContain('older key format');
    expect(second.found.map((sighting: { kind: string }) => sighting.kind)).toEqual(['access-key-id', 'secret-access-key', 'session-token']);
    expect(playbook.unpaired.found).toHaveLength(1);
    expect(playbook.summary).toMatchObject({ keys: 3, accounts: [OURS], foreignKeys: 0, unpairedSecrets: 1 });
  });

  it('marks a key from an account outside config.accounts as foreign: notify, never delete', async () => {
    const { playbook } = await playbookOf('unknown-account');
    const [key] = playbook.keys;
    expect(key.accountId).toBe(THEIRS);
    expect(key.ownership).toBe('foreign');
    expect(key.steps.map((step: { id: string }) => step.id)).toEqual(['remove-leaked-data', 'notify-owner', 'prevent']);
    expect(JSON.stringify(key.steps)).not.toContain('delete-access-key');
    expect(key.notes.join(' ')).toContain('canary token');
    expect(playbook.summary.foreignKeys).toBe(1);
  });

  it('gives secrets without a key ID a whole procedure of their own: which key, CloudTrail in every region, rotation', async () => {
    const { playbook } = await playbookOf('lone-secret');
    expect(playbook.keys).toEqual([]);
    const steps = playbook.unpaired.steps;
    expect(steps.map((step: { number: number; id: string }) => `${step.number}:${step.id}`)).toEqual(['1:remove-leaked-data', '2:identify-key', '3:check-unauthorized-use', '4:rotate-all-keys', '5:prevent']);
    expect(steps.every((step: { sameAs?: unknown }) => step.sameAs === undefined)).toBe(true);
    const scripts = [playbook.unpaired.setup.script, ...steps.flatMap((step: { commands: Array<{ script: string }> }) => step.commands.map((command) => command.script))].join('\n');
    for (const command of ['get-credential-report', 'get-access-key-last-used', 'aws cloudtrail lookup-events', 'describe-regions', 'create-access-key', '--status Inactive', 'delete-access-key']) expect(scripts).toContain(command);
  });

  // Every section (a key, or the secrets without a key ID) is read on its own: a step it points to is one it prints.
  for (const name of Object.keys(SCENARIOS)) {
    it(`${name}: every "step N" a section mentions is a step of that section`, async () => {
      const { playbook } = await playbookOf(name);
      const sections = [...playbook.keys, ...(playbook.unpaired ? [playbook.unpaired] : [])];
      for (const section of sections) {
        const numbers = new Set(section.steps.map((step: { number: number }) => step.number));
        const prose = JSON.stringify([section.text ?? [], section.notes ?? [], section.steps.map((step: { text: string[]; commands: unknown }) => [step.text, step.commands])]);
        for (const match of prose.matchAll(/\bsteps? (\d)(?: (?:and|to) (\d))?/g)) {
          for (const n of [match[1], match[2]].filter(Boolean)) expect(numbers.has(Number(n)), `${match[0]} in ${name}`).toBe(true);
        }
      }
    });

    it(`${name}: the commands run as pasted (shell syntax, every variable set before use, a region for EC2)`, async () => {
      const { playbook } = await playbookOf(name);
      const sections = [...playbook.keys, ...(playbook.unpaired ? [playbook.unpaired] : [])];
      for (const section of sections) {
        const scripts: string[] = [section.setup?.script, ...section.steps.flatMap((step: { commands: Array<{ script: string }> }) => step.commands.map((command) => command.script))].filter(Boolean);
        const assigned = new Set<string>();
        for (const script of scripts) {
          const syntax = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
          expect(syntax.status, `${script}\n${syntax.stderr}`).toBe(0);
          for (const match of script.matchAll(/^\s*([A-Z_][A-Z0-9_]*)=/gm)) assigned.add(match[1]);
          for (const match of script.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)) expect(assigned.has(match[1]), `$${match[1]} used before it is set in:\n${script}`).toBe(true);
          for (const line of script.split('\n').filter((text) => /\baws ec2 /.test(text))) expect(line).toContain('--region');
        }
      }
      const rewrite = playbook.history.commands.map((command: { script: string }) => command.script);
      for (const script of rewrite) expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    });
  }

  it('uses git filter-repo --sensitive-data-removal when the installed filter-repo has it, and only mentions it otherwise', async () => {
    const scenario = SCENARIOS.akia(new Fakes(7));
    const dir = tempDir('keywarden-remediate-');
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(reportOf(scenario.findings)));
    const rewriteWith = (help: string): string => {
      const bin = tempDir('keywarden-bin-');
      writeFileSync(path.join(bin, 'git-filter-repo'), `#!/bin/sh\necho '${help}'\n`, { mode: 0o755 });
      const result = runCli(['remediate', '--report', 'report.json', '--format', 'json'], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH}` } });
      return JSON.parse(result.stdout).history.commands[0].script;
    };
    expect(rewriteWith('usage: git filter-repo [--sensitive-data-removal] [--replace-text EXPRESSIONS_FILE]')).toContain('git filter-repo --sensitive-data-removal --replace-text');
    const older = rewriteWith('usage: git filter-repo [--replace-text EXPRESSIONS_FILE]');
    expect(older).toContain('git filter-repo --replace-text');
    expect(older).toMatch(/^# git filter-repo 2\.47 or later: add --sensitive-data-removal/m);
  });

  it('cites the AWS documentation pages the steps follow', async () => {
    const { playbook } = await playbookOf('akia');
    const urls = playbook.references.map((reference: { url: string }) => reference.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://docs.aws.amazon.com/general/latest/gr/aws-access-keys-best-practices.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html',
        'https://repost.aws/knowledge-center/potential-account-compromise',
      ]),
    );
  });
});
