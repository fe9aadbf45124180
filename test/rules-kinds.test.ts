// The credential kinds beyond access keys (issue #14), end to end through the built CLI: each file shape is
// found with its JSON `kind`, the key ID it names (decoded offline where the value holds it) and the account;
// identifiers alone (a CloudFront key pair ID, a service user name) and look-alikes stay silent. Fakes are
// generated per run.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import {
  fakeAccount,
  fakeAppSyncKey,
  fakeBedrockApiKey,
  fakeBedrockShortTermKey,
  fakeConsolePassword,
  fakePem,
  fakeServicePassword,
  fakeServiceUserName,
  fakeSmtpPassword,
} from './support/fakes-kinds.js';
import { tempDir } from './support/repo.js';

async function scanFiles(files: Record<string, string>): Promise<Array<{ kind: string; file: string; keyId: string | null; accountId: string | null; secret: string }>> {
  const dir = tempDir('keywarden-kinds-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const report = jsonReport(await runKeywarden(['scan', '--format', 'json', '--no-redact', '.'], { cwd: dir }));
  return report.findings.map((f: any) => ({ kind: f.kind, file: f.file, keyId: f.keyId, accountId: f.accountId, secret: f.secret }));
}

describe('credential kinds, end to end', () => {
  it('Bedrock API keys: the long-term one names its IAM user and account, the short-term one the key that signed it', async () => {
    const account = fakeAccount();
    const long = fakeBedrockApiKey(account);
    const asia = fakeKeyId('ASIA');
    const short = fakeBedrockShortTermKey(asia);
    const found = await scanFiles({ '.env': `AWS_BEARER_TOKEN_BEDROCK=${long.key}\n`, 'notebook.py': `token = "${short}"\n` });
    expect(found).toContainEqual({ kind: 'bedrock-api-key', file: '.env', keyId: long.serviceUserName, accountId: account, secret: long.key });
    expect(found.find((f) => f.kind === 'bedrock-short-term-key')).toMatchObject({ file: 'notebook.py', keyId: asia, secret: short });
  });

  it('IAM service-specific credentials in a git credential store, .netrc and a Cassandra config', async () => {
    const user = fakeServiceUserName(undefined, fakeAccount());
    const account = user.slice(-12);
    const passwords = [fakeServicePassword(), fakeServicePassword(), fakeServicePassword()];
    const found = await scanFiles({
      '.git-credentials': `https://${user}:${encodeURIComponent(passwords[0])}@git-codecommit.us-east-1.amazonaws.com\n`,
      '.netrc': `machine git-codecommit.eu-west-1.amazonaws.com\n  login ${user}\n  password ${passwords[1]}\n`,
      'cassandra.conf': `datastax-java-driver.advanced.auth-provider {\n  username = "${user}"\n  password = "${passwords[2]}"\n}\n`,
    });
    for (const secret of passwords) expect(found).toContainEqual(expect.objectContaining({ kind: 'service-specific-password', keyId: user, accountId: account, secret }));
    expect(found.filter((f) => f.kind === 'service-user-name')).toEqual([]);
  });

  it('SES SMTP password with its access key ID; AppSync API key; CloudFront key pair; console password', async () => {
    const akia = fakeKeyId('AKIA');
    const smtp = fakeSmtpPassword();
    const appsync = fakeAppSyncKey();
    const apka = fakeKeyId('APKA');
    const pem = fakePem();
    const password = fakeConsolePassword();
    const account = fakeAccount();
    const found = await scanFiles({
      'mail.env': `SMTP_HOST=email-smtp.us-east-1.amazonaws.com\nSMTP_USERNAME=${akia}\nSMTP_PASSWORD=${smtp}\n`,
      'src/aws-exports.js': `const awsmobile = {\n  "aws_appsync_graphqlEndpoint": "https://x.appsync-api.us-east-1.amazonaws.com/graphql",\n  "aws_appsync_apiKey": "${appsync}"\n};\n`,
      'cdn/signing.yml': `cloudfront:\n  key_pair_id: ${apka}\n  private_key: |\n${pem.replace(/^/gm, '    ')}\n`,
      'credentials.csv': `User name,Password,Console sign-in URL\r\nci-bot,${password},https://${account}.signin.aws.amazon.com/console\r\n`,
    });
    expect(found).toContainEqual(expect.objectContaining({ kind: 'ses-smtp-password', keyId: akia, secret: smtp }));
    expect(found).toContainEqual(expect.objectContaining({ kind: 'appsync-api-key', secret: appsync }));
    expect(found).toContainEqual(expect.objectContaining({ kind: 'cloudfront-private-key', keyId: apka, accountId: null }));
    expect(found).toContainEqual({ kind: 'console-password', file: 'credentials.csv', keyId: `arn:aws:iam::${account}:user/ci-bot`, accountId: account, secret: password });
  });

  it('stays silent on identifiers alone and on look-alikes', async () => {
    const found = await scanFiles({
      'ids.txt': `CLOUDFRONT_KEY_PAIR_ID=${fakeKeyId('APKA')}\ncodecommit user: ${fakeServiceUserName()}\n`,
      'tls.yml': `tls:\n  key: |\n${fakePem().replace(/^/gm, '    ')}\n`,
      'mail.env': `SMTP_PASSWORD=${fakeSmtpPassword()}\n`,
      'users.csv': `User name,Password,Console login link\nalice,<password>,https://${fakeAccount()}.signin.aws.amazon.com/console\n`,
      'generator.py': 'AUTH_PREFIX: str = "bedrock-api-key-"\nDEFAULT_HOST = "bedrock.amazonaws.com"\n',
      'pass.txt': `password = ${fakeSecret()}\nuser = look-at-this\n`,
    });
    expect(found).toEqual([]);
  });

  it('redacts the new kinds unless --no-redact (identifiers stay whole)', async () => {
    const dir = tempDir('keywarden-kinds-');
    const long = fakeBedrockApiKey();
    writeFileSync(path.join(dir, '.env'), `AWS_BEARER_TOKEN_BEDROCK=${long.key}\n`);
    const result = await runKeywarden(['scan', '--format', 'json', '.'], { cwd: dir });
    expect(result.stdout).not.toContain(long.key.slice(4, 24));
    expect(jsonReport(result).findings[0]).toMatchObject({ kind: 'bedrock-api-key', keyId: long.serviceUserName });
  });
});
