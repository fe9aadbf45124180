// Real-world shapes of leaked AWS credentials, each with a true case (found, at the right place, paired)
// and a false case (a look-alike that must not be reported). Fakes are generated per run.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { createPrefilter } from '../src/engine/prefilter.js';
import { scanText } from '../src/engine/scan.js';
import { detectChunk } from '../src/detect/detect.js';
import { loadRules } from '../src/rules/load.js';
import type { Candidate } from '../src/types.js';
import { fakeSecretWithSymbols } from './support/rules-examples.js';
import { fakeKeyId, fakeSessionToken } from './support/fakes.js';

const rules = loadRules(defaultConfig(process.cwd()));
const scan = (text: string, path = 'file.txt'): Candidate[] => scanText(text, rules, path);
const summary = (found: Candidate[]) => found.map((c) => `${c.ruleId}@${c.line}:${c.column} ${c.secret}${c.keyId ? ` key=${c.keyId}` : ''} ${c.confidence}`).sort();

/** Where `needle` is in `text` (1-based line and column of its first occurrence). */
function at(text: string, needle: string, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function expectFound(text: string, expected: Array<{ rule: string; secret: string; keyId?: string | null; confidence?: string }>, path?: string): Candidate[] {
  const found = scan(text, path);
  expect(summary(found).length, `${text}\n${summary(found).join('\n')}`).toBe(expected.length);
  for (const e of expected) {
    const hit = found.find((c) => c.ruleId === e.rule && c.secret === e.secret);
    expect(hit, `${e.rule} ${e.secret} in\n${text}\nfound:\n${summary(found).join('\n')}`).toBeDefined();
    if (e.keyId !== undefined) expect(hit!.keyId).toBe(e.keyId);
    if (e.confidence) expect(hit!.confidence).toBe(e.confidence);
  }
  return found;
}

const ID = 'aws-access-key-id';
const SK = 'aws-secret-access-key';
const ST = 'aws-session-token';

function fresh() {
  return { akia: fakeKeyId('AKIA'), asia: fakeKeyId('ASIA'), secret: fakeSecretWithSymbols(), secret2: fakeSecretWithSymbols(), token: fakeSessionToken(420) };
}

describe('.env files', () => {
  it('finds the key pair, in any order, quoted or not, with export', () => {
    const { akia, secret } = fresh();
    const text = `# app\nNODE_ENV=production\nAWS_SECRET_ACCESS_KEY="${secret}"\nAWS_DEFAULT_REGION=eu-west-1\nexport AWS_ACCESS_KEY_ID=${akia}\n`;
    const found = expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia, confidence: 'high' }]);
    const sk = found.find((c) => c.ruleId === SK)!;
    expect({ line: sk.line, column: sk.column }).toEqual(at(text, secret));
    expect(sk.endColumn - sk.column).toBe(40);
  });
  it('reports nothing for references and placeholders', () => {
    expectFound('AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=<your secret key>\nAWS_SESSION_TOKEN=\nSECRET_KEY_BASE=' + randomBytes(64).toString('hex') + '\n', []);
  });
});

describe('~/.aws/credentials and ~/.aws/config', () => {
  it('finds every profile, pairing each secret with its own key ID', () => {
    const a = fresh();
    const b = fresh();
    const text = `[default]\r\naws_access_key_id = ${a.akia}\r\naws_secret_access_key = ${a.secret}\r\n\r\n[prod]\r\naws_access_key_id=${b.akia}\r\naws_secret_access_key=${b.secret}\r\n\r\n[temp]\r\naws_access_key_id = ${a.asia}\r\naws_secret_access_key = ${a.secret2}\r\naws_session_token = ${a.token}\r\n`;
    expectFound(
      text,
      [
        { rule: ID, secret: a.akia },
        { rule: SK, secret: a.secret, keyId: a.akia },
        { rule: ID, secret: b.akia },
        { rule: SK, secret: b.secret, keyId: b.akia },
        { rule: ID, secret: a.asia },
        { rule: SK, secret: a.secret2, keyId: a.asia },
        { rule: ST, secret: a.token, keyId: a.asia, confidence: 'high' },
      ],
      '.aws/credentials',
    );
  });
  it('ignores a config file with only regions, roles and SSO settings', () => {
    const text = `[default]\nregion = us-east-1\noutput = json\n\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = default\nsso_start_url = https://my.awsapps.com/start\nrole_session_name = ${randomUUID()}\ncredential_process = /usr/local/bin/creds --id AROA${'ABCDEFGHJKLMNPQR'}\n`;
    expectFound(text, [], '.aws/config');
  });
});

describe('IAM console CSV', () => {
  it('finds the key-only download, with and without BOM, CRLF', () => {
    const { akia, secret } = fresh();
    for (const bom of ['', '\uFEFF']) {
      const text = `${bom}Access key ID,Secret access key\r\n${akia},${secret}\r\n`;
      const found = expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
      expect(found.find((c) => c.ruleId === SK)!.line).toBe(2);
    }
  });
  it('finds the user download (User name,Password,Access key ID,Secret access key,Console login link), the password too', () => {
    const { akia, secret } = fresh();
    const text = `User name,Password,Access key ID,Secret access key,Console login link\r\nci-bot,Xy9!pass,${akia},${secret},https://123456789012.signin.aws.amazon.com/console\r\n`;
    expectFound(text, [
      { rule: ID, secret: akia },
      { rule: SK, secret, keyId: akia },
      { rule: 'aws-console-password', secret: 'Xy9!pass', keyId: 'arn:aws:iam::123456789012:user/ci-bot' },
    ]);
  });
  it('finds the reversed column order', () => {
    const { akia, secret } = fresh();
    expectFound(`Secret access key,Access key ID\n${secret},${akia}\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('reports nothing for a CSV of user IDs and hashes', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `user${i},${fakeKeyId('AIDA')},${randomBytes(20).toString('hex')},${randomBytes(30).toString('base64')}`);
    expectFound(`User name,User ID,Commit,Checksum\n${rows.join('\n')}\n`, []);
  });
});

describe('Terraform', () => {
  it('finds provider "aws" credentials under generic names', () => {
    const { akia, secret } = fresh();
    const text = `provider "aws" {\n  region     = "us-west-2"\n  access_key = "${akia}"\n  secret_key = "${secret}"\n}\n`;
    expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia, confidence: 'high' }]);
  });
  it('finds secret_key with only the provider block as AWS context (medium)', () => {
    const { secret } = fresh();
    const text = `provider "aws" {\n  region     = "us-west-2"\n  access_key = var.access_key\n  secret_key = "${secret}"\n}\n`;
    expectFound(text, [{ rule: SK, secret, keyId: null, confidence: 'medium' }], 'main.tf');
  });
  it('ignores variables, data sources and other providers', () => {
    const text = `provider "aws" {\n  access_key = var.aws_access_key\n  secret_key = var.aws_secret_key\n}\nresource "random_id" "x" {\n  keepers = { sha = "${randomBytes(20).toString('hex')}" }\n}\nprovider "google" {\n  credentials = file("account.json")\n}\n`;
    expectFound(text, []);
  });
});

describe('Python boto3', () => {
  it('finds keyword arguments', () => {
    const { akia, secret, asia, token } = fresh();
    const text = `import boto3\n\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="${akia}",\n    aws_secret_access_key="${secret}",\n)\nsts = boto3.Session(aws_access_key_id='${asia}', aws_secret_access_key='${secret}', aws_session_token='${token}')\n`;
    const found = scan(text);
    expect(summary(found).filter((s) => s.startsWith(SK))).toHaveLength(2);
    expect(found.find((c) => c.ruleId === ST)?.secret).toBe(token);
    expect(found.find((c) => c.ruleId === ST)?.keyId).toBe(asia);
  });
  it('ignores environment lookups', () => {
    expectFound(`s3 = boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.getenv("AWS_SECRET_ACCESS_KEY"))\n`, []);
  });
});

describe('JavaScript / TypeScript SDK', () => {
  it('finds v3 credentials objects and v2 config.update', () => {
    const { akia, secret, asia, token, secret2 } = fresh();
    const text = `const client = new S3Client({\n  region: 'us-east-1',\n  credentials: {\n    accessKeyId: '${asia}',\n    secretAccessKey: '${secret}',\n    sessionToken: '${token}',\n  },\n});\nAWS.config.update({ accessKeyId: "${akia}", secretAccessKey: "${secret2}", region: "us-east-1" });\n`;
    expectFound(text, [
      { rule: ID, secret: asia },
      { rule: SK, secret, keyId: asia },
      { rule: ST, secret: token, keyId: asia },
      { rule: ID, secret: akia },
      { rule: SK, secret: secret2, keyId: akia },
    ]);
  });
  it('finds positional constructor arguments', () => {
    const { akia, secret } = fresh();
    expectFound(`const creds = new AWS.Credentials('${akia}', '${secret}');\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('ignores process.env and variable names like AKIAVariable', () => {
    expectFound(`const AKIAVariable = 'x';\nconst credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };\n`, []);
  });
});

describe('Java, Go, C#, PHP, Ruby', () => {
  it('finds Java properties', () => {
    const { akia, secret } = fresh();
    expectFound(`aws.accessKeyId=${akia}\naws.secretKey=${secret}\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('finds Go static credentials', () => {
    const { akia, secret } = fresh();
    expectFound(`sess := session.Must(session.NewSession(&aws.Config{\n\tCredentials: credentials.NewStaticCredentials("${akia}", "${secret}", ""),\n}))\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('finds C# BasicAWSCredentials', () => {
    const { akia, secret } = fresh();
    expectFound(`var credentials = new BasicAWSCredentials("${akia}","${secret}");\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('finds PHP and Ruby arrays', () => {
    const { akia, secret, secret2 } = fresh();
    const php = `$s3 = new Aws\\S3\\S3Client([\n    'version' => 'latest',\n    'credentials' => [\n        'key'    => '${akia}',\n        'secret' => '${secret}',\n    ],\n]);\n`;
    expectFound(php, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    const ruby = `Aws.config.update({\n  region: 'us-east-1',\n  credentials: Aws::Credentials.new(ENV['AWS_ID'], '${secret2}')\n})\n`;
    expectFound(ruby, [{ rule: SK, secret: secret2, keyId: null }]);
  });
  it('ignores a Java class full of hashes', () => {
    const text = `public class Hashes {\n  static final String AWS_SDK_SHA = "${randomBytes(20).toString('hex')}";\n  static final String BLOB = "${randomBytes(60).toString('base64')}";\n}\n`;
    expectFound(text, []);
  });
});

describe('YAML CI, Dockerfile, shell', () => {
  it('finds GitHub Actions env values, but not secrets references', () => {
    const { akia, secret } = fresh();
    const text = `jobs:\n  deploy:\n    env:\n      AWS_ACCESS_KEY_ID: ${akia}\n      AWS_SECRET_ACCESS_KEY: "${secret}"\n      OTHER: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n`;
    expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    expectFound(`env:\n  AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n  AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n`, []);
  });
  it('finds Dockerfile ENV in both syntaxes', () => {
    const { akia, secret } = fresh();
    expectFound(`FROM node:20\nENV AWS_ACCESS_KEY_ID ${akia}\nENV AWS_SECRET_ACCESS_KEY=${secret}\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    expectFound(`FROM node:20\nARG AWS_SECRET_ACCESS_KEY\nENV AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY\n`, []);
  });
  it('finds shell exports and aws configure set', () => {
    const { secret } = fresh();
    expectFound(`#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY='${secret}'\n`, [{ rule: SK, secret, keyId: null, confidence: 'high' }]);
    expectFound(`aws configure set aws_secret_access_key ${secret}\n`, [{ rule: SK, secret }]);
    expectFound(`export AWS_SECRET_ACCESS_KEY=$(vault read -field=secret aws/creds)\n`, []);
  });
});

describe('JSON, XML, Markdown', () => {
  it('finds STS output JSON (all three, paired)', () => {
    const { asia, secret, token } = fresh();
    const text = JSON.stringify({ Credentials: { AccessKeyId: asia, SecretAccessKey: secret, SessionToken: token, Expiration: '2030-01-01T00:00:00Z' } }, null, 4);
    expectFound(text, [{ rule: ID, secret: asia }, { rule: SK, secret, keyId: asia }, { rule: ST, secret: token, keyId: asia }]);
  });
  it('finds JSON with \\/ escapes and reports the decoded secret at the encoded position', () => {
    const { secret } = fresh();
    const escaped = secret.replaceAll('/', '\\/');
    const text = `{"aws_secret_access_key":"${escaped}"}`;
    const [hit] = expectFound(text, [{ rule: SK, secret }]);
    expect(hit.column).toBe(at(text, escaped).column);
    expect(hit.endColumn).toBe(hit.column + escaped.length);
  });
  it('finds an ini file inside a JSON string', () => {
    const { akia, secret } = fresh();
    const text = JSON.stringify({ files: { '/root/.aws/credentials': `[default]\naws_access_key_id=${akia}\naws_secret_access_key=${secret}\n` } });
    expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('finds XML elements and plist key/string pairs', () => {
    const { akia, secret, secret2 } = fresh();
    expectFound(`<Credentials>\n  <AccessKeyId>${akia}</AccessKeyId>\n  <SecretAccessKey>${secret}</SecretAccessKey>\n</Credentials>\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    expectFound(`<dict>\n  <key>AWSSecretKey</key>\n  <string>${secret2}</string>\n</dict>\n`, [{ rule: SK, secret: secret2 }]);
  });
  it('finds Markdown code and tables, not the documentation examples', () => {
    const { akia, secret } = fresh();
    const text = `## Setup\n\n| Name | Value |\n|---|---|\n| AWS_ACCESS_KEY_ID | \`${akia}\` |\n| AWS_SECRET_ACCESS_KEY | \`${secret}\` |\n\nExample: \`AKIAIOSFODNN7EXAMPLE\` / \`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\`\n`;
    expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
});

describe('encoded and split values', () => {
  it('finds URL-encoded secrets (%2F, %2B) and points at the encoded text', () => {
    const { secret } = fresh();
    const encoded = encodeURIComponent(secret);
    const text = `curl "https://api.example.com/hook?aws_secret_access_key=${encoded}&region=us-east-1"`;
    const [hit] = expectFound(text, [{ rule: SK, secret }]);
    expect(hit.column).toBe(at(text, encoded).column);
    expect(hit.endColumn).toBe(hit.column + encoded.length);
  });
  it('finds a presigned URL session token (URL-encoded)', () => {
    const { asia, token } = fresh();
    const text = `https://bucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${asia}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${randomBytes(32).toString('hex')}`;
    expectFound(text, [{ rule: ID, secret: asia }, { rule: ST, secret: token, keyId: asia }]);
  });
  it('finds values in a Kubernetes Secret data: (base64), not in stringData of other apps', () => {
    const { akia, secret } = fresh();
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  AWS_ACCESS_KEY_ID: ${b64(akia)}\n  AWS_SECRET_ACCESS_KEY: ${b64(secret)}\n  DB_PASSWORD: ${b64('hunter2-hunter2')}\n`;
    const found = expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    const sk = found.find((c) => c.ruleId === SK)!;
    expect({ line: sk.line, column: sk.column }).toEqual(at(text, b64(secret)));
  });
  it('finds a whole credentials file base64-encoded in a Secret', () => {
    const { akia, secret } = fresh();
    const file = Buffer.from(`[default]\naws_access_key_id = ${akia}\naws_secret_access_key = ${secret}\n`).toString('base64');
    expectFound(`kind: Secret\ndata:\n  credentials: ${file}\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('finds values split by concatenation or on the next line', () => {
    const { secret, secret2 } = fresh();
    const java = `String awsSecret = "${secret.slice(0, 20)}"\n    + "${secret.slice(20)}";\n`;
    expectFound(java, [{ rule: SK, secret }]);
    const yaml = `aws:\n  aws_secret_access_key: >-\n    ${secret2}\n`;
    expectFound(yaml, [{ rule: SK, secret: secret2 }]);
  });
});

describe('look-alikes that are not credentials', () => {
  it('ignores git SHAs, SHA-1, UUIDs, JWTs near AWS words', () => {
    const sha = randomBytes(20).toString('hex');
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: randomUUID(), aws: true })).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
    expectFound(`aws_commit = ${sha}\nAWS_SECRET_ACCESS_KEY_SHA1=${sha}\naws_request_id: ${randomUUID()}\naws_session_token: ${jwt}\n`, []);
  });
  it('ignores package-lock integrity strings of aws packages', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `    "node_modules/@aws-sdk/client-${i}": {\n      "version": "3.1.${i}",\n      "resolved": "https://registry.npmjs.org/@aws-sdk/client-${i}/-/client-${i}-3.1.${i}.tgz",\n      "integrity": "sha512-${randomBytes(64).toString('base64')}"\n    },`);
    expectFound(`{\n  "packages": {\n${lines.join('\n')}\n  }\n}\n`, []);
  });
  it('ignores minified JS that mentions AWS names and carries base64 blobs', () => {
    const blob = randomBytes(3000).toString('base64');
    const text = `!function(){var AWS_SECRET_ACCESS_KEY="AWS_SECRET_ACCESS_KEY",a="${blob}",secretAccessKey:e.secretAccessKey,b=/^AKIA[A-Z2-7]{16}$/;}();`;
    expectFound(text, []);
  });
  it('ignores a random 40-character base64 string with no AWS name or key ID near', () => {
    const { secret } = fresh();
    expectFound(`const checksum = "${secret}";\n// aws\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nconst other = "${fresh().secret}";\n`, []);
  });
  it('ignores the documentation examples in every position', () => {
    expectFound(`aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nAKIAI44QH8DHBEXAMPLE,je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\nASIAIOSFODNN7EXAMPLE\n`, []);
  });
});

describe('more real-world shapes', () => {
  it('finds the aws configure prompt transcript, even without the key ID line', () => {
    const { akia, secret } = fresh();
    expectFound(`$ aws configure\nAWS Access Key ID [None]: ${akia}\nAWS Secret Access Key [None]: ${secret}\nDefault region name [None]: us-east-1\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    expectFound(`AWS Secret Access Key [****************abcd]: ${secret}\n`, [{ rule: SK, secret, keyId: null, confidence: 'high' }]);
  });
  it('finds credentials in an s3:// URL and in a .NET appsettings.json', () => {
    const { akia, secret, secret2 } = fresh();
    expectFound(`source = "s3://${akia}:${encodeURIComponent(secret)}@my-bucket/path"\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    const json = JSON.stringify({ AWS: { Profile: 'default', Region: 'eu-west-1', AccessKey: akia, SecretKey: secret2 } }, null, 2);
    expectFound(json, [{ rule: ID, secret: akia }, { rule: SK, secret: secret2, keyId: akia }]);
  });
  it('finds a Java SECRET_KEY constant when the file is AWS code (imports far above)', () => {
    const { secret } = fresh();
    const filler = Array.from({ length: 20 }, (_, i) => `    // line ${i}`).join('\n');
    const text = `import com.amazonaws.auth.BasicAWSCredentials;\n\npublic class Config {\n${filler}\n    private static final String SECRET_KEY = "${secret}";\n}\n`;
    expectFound(text, [{ rule: SK, secret, confidence: 'medium' }]);
  });
  it('finds a Jupyter notebook cell (JSON-escaped Python)', () => {
    const { akia, secret } = fresh();
    const cell = JSON.stringify({ cells: [{ cell_type: 'code', source: ['import boto3\n', `client = boto3.client("s3", aws_access_key_id="${akia}", aws_secret_access_key="${secret}")\n`] }] }, null, 1);
    expectFound(cell, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('ignores JWT segments and PEM lines next to AWS names', () => {
    const payload = Buffer.from(JSON.stringify({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', sub: randomUUID(), token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: 1700000000, exp: 1700003600 })).toString('base64url');
    expectFound(`aws_session_token: eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.${payload}.${randomBytes(256).toString('base64url')}\n`, []);
    const pem = randomBytes(300).toString('base64').match(/.{1,64}/g)!.join('\n');
    expectFound(`aws_private_key: |\n  -----BEGIN PRIVATE KEY-----\n${pem}\n  -----END PRIVATE KEY-----\n`, []);
  });
  it('ignores upper-case words that start with a credential prefix', () => {
    expectFound(`const REGION = "ASIAPACIFICSINGAPORE"; // aws\nAKIABOUTUSPAGEHEADER\n`, []);
  });
});

describe('key/value pairs', () => {
  it('finds .NET app.config <add key value> and Postman aws auth key/value lists', () => {
    const { akia, secret, secret2 } = fresh();
    expectFound(`<appSettings>\n  <add key="AWSProfileName" value="dev"/>\n  <add key="AWSSecretKey" value="${secret}"/>\n</appSettings>\n`, [{ rule: SK, secret, confidence: 'high' }]);
    const postman = JSON.stringify({ auth: { type: 'awsv4', awsv4: [{ key: 'accessKey', value: akia, type: 'string' }, { key: 'secretKey', value: secret2, type: 'string' }] } });
    expectFound(postman, [{ rule: ID, secret: akia }, { rule: SK, secret: secret2, keyId: akia }]);
    expectFound(`<add key="ChecksumValue" value="${fresh().secret}"/>\n`, []);
  });
});

describe('split values', () => {
  it('joins Python implicit concatenation across lines, shell adjacent quotes and JS template-free +', () => {
    const { secret, secret2 } = fresh();
    const python = `AWS_SECRET_ACCESS_KEY = (\n    "${secret.slice(0, 21)}"\n    "${secret.slice(21)}"\n)\n`;
    const found = expectFound(python, [{ rule: SK, secret }]);
    expect(found[0]).toMatchObject({ line: 2, endLine: 3 });
    expectFound(`export AWS_SECRET_ACCESS_KEY="${secret2.slice(0, 10)}""${secret2.slice(10)}"\n`, [{ rule: SK, secret: secret2 }]);
  });
  it('does not glue a key ID and its secret into one value, nor two unrelated strings into a secret', () => {
    const { akia, secret } = fresh();
    expectFound(`creds = "${akia}" + ":" + "${secret}"\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    const half = randomBytes(15).toString('base64');
    expectFound(`const label = "${half}" + "${randomBytes(15).toString('base64')}"; // not aws\n`, []);
  });
});

describe('name/value lists', () => {
  it('finds Kubernetes env entries, ECS task definitions and docker-compose environment lists', () => {
    const { secret, secret2, secret3 } = { ...fresh(), secret3: fakeSecretWithSymbols() };
    expectFound(`env:\n  - name: AWS_REGION\n    value: eu-west-1\n  - name: AWS_SECRET_ACCESS_KEY\n    value: "${secret}"\n`, [{ rule: SK, secret, confidence: 'high' }]);
    const ecs = JSON.stringify({ containerDefinitions: [{ environment: [{ name: 'AWS_SECRET_ACCESS_KEY', value: secret2 }, { name: 'STAGE', value: 'prod' }] }] }, null, 2);
    expectFound(ecs, [{ rule: SK, secret: secret2, confidence: 'high' }]);
    expectFound(`services:\n  app:\n    environment:\n      - AWS_SECRET_ACCESS_KEY=${secret3}\n`, [{ rule: SK, secret: secret3 }]);
  });
  it('does not take the value of another name in the list', () => {
    const { secret } = fresh();
    expectFound(`env:\n  - name: AWS_SECRET_ACCESS_KEY\n    valueFrom:\n      secretKeyRef: { name: aws, key: secret }\n  - name: BUILD_CHECKSUM\n    value: "${secret}"\n`, []);
  });
});

describe('declared defaults', () => {
  it('finds Terraform variable defaults and CloudFormation parameter defaults', () => {
    const { secret, secret2, secret3 } = { ...fresh(), secret3: fakeSecretWithSymbols() };
    expectFound(`variable "aws_secret_key" {\n  type      = string\n  sensitive = true\n  default   = "${secret}"\n}\n`, [{ rule: SK, secret, confidence: 'high' }]);
    expectFound(`Parameters:\n  AWSSecretAccessKey:\n    Type: String\n    NoEcho: true\n    Default: ${secret2}\n`, [{ rule: SK, secret: secret2, confidence: 'high' }]);
    expectFound(`provider "aws" {}\nvariable "secret_key" {\n  default = "${secret3}"\n}\n`, [{ rule: SK, secret: secret3, confidence: 'medium' }]);
  });
  it('does not attach a name to the default of another block', () => {
    const { secret } = fresh();
    expectFound(`variable "aws_secret_key" {\n  type = string\n}\n\nvariable "build_hash" {\n  default = "${secret}"\n}\n`, []);
    expectFound(`Parameters:\n  AWSSecretAccessKey:\n    Type: String\n  ImageDigest:\n    Type: String\n    Default: ${fresh().secret}\n`, []);
  });
});

// Issue #14: shapes other scanners' own tests use, and the credential kinds beyond access keys.
describe('values after a dot or in braces, generic names, key IDs outside base32', () => {
  /** A key ID shape with a 0, 1, 8 or 9 (no issued key ID has them; AWS's API reference does not rule them out). */
  function nonBase32KeyId(prefix: string): string {
    for (;;) {
      const id = prefix + Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[randomBytes(1)[0] % 36]).join('');
      if (/[0189]/.test(id.slice(4)) && /[A-Z]/.test(id.slice(4)) && !/(.)\1\1/.test(id) && !/0123|1234|2345|3456|4567|5678|6789/.test(id)) return id;
    }
  }
  it('finds a secret directly after a lone "." and names its key ID even with 8 and 9 in it', () => {
    const { secret } = fresh();
    const id = nonBase32KeyId('ABIA');
    expectFound(`aws credentials{\n  id: ${id}\n  secret: .${secret};\n}`, [{ rule: SK, secret, keyId: id }]);
  });
  it('finds a secret inside braces (a credential wrapper) and after a Jenkins-style {…} value', () => {
    const { secret, secret2 } = fresh();
    expectFound(`aws_secret_access_key = {${secret}}\n`, [{ rule: SK, secret }]);
    expectFound(`<secretKey>{AQAAABAAAAAQ${randomBytes(48).toString('base64')}}</secretKey>\n<awsSecretKey>{${secret2}}</awsSecretKey>\n`, [{ rule: SK, secret: secret2 }]);
  });
  it('reports a key ID outside base32 alone nowhere, not even in braces', () => {
    expectFound(`{${nonBase32KeyId('AKIA')}}\n`, []);
  });
  it('pairs generic id/secret/session triples (YAML and XML) with their ASIA key', () => {
    const { asia, secret, token } = fresh();
    for (const text of [`id: ${asia}\nsecret: ${secret}\nsession: ${token}\n`, `<creds><id>${asia}</id><secret>${secret}</secret><session>${token}</session></creds>`]) {
      expectFound(text, [{ rule: ID, secret: asia }, { rule: SK, secret, keyId: asia }, { rule: ST, secret: token, keyId: asia }]);
    }
  });
  it('pairs a generic triple with an ASIA key ID outside base32 (secret and token are still reported, with the ID)', () => {
    const { secret, token } = fresh();
    const id = nonBase32KeyId('ASIA');
    for (const text of [`id: ${id}\nsecret: ${secret}\nsession: ${token}\n`, `<id>${id}</id>\n<secret>${secret}</secret>\n<session>${token}</session>\n`]) {
      expectFound(text, [{ rule: SK, secret, keyId: id }, { rule: ST, secret: token, keyId: id }]);
    }
  });
  it('does not take a dot inside a dotted token for a separator', () => {
    const { secret } = fresh();
    expectFound(`aws_secret_version = v2.${secret}\n`, []);
  });
});

describe('encodings that hide keywords', () => {
  const html = (value: string, hex = true) => [...value].map((c) => (hex ? `&#x${c.charCodeAt(0).toString(16)};` : `&#${c.charCodeAt(0)};`)).join('');
  it('finds a key pair written as HTML character references (hex and decimal), at the encoded place', () => {
    const { akia, secret } = fresh();
    const text = `<table>\n<tr><td>Access key</td><td>${html(akia)}</td></tr>\n<tr><td>Secret</td><td>${html(secret, false)}</td></tr>\n</table>\n`;
    const found = expectFound(text, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
    expect(found.find((c) => c.ruleId === ID)).toMatchObject(at(text, html(akia)));
  });
  it('finds a presigned URL with &amp; between its parameters', () => {
    const { asia, token } = fresh();
    const url = `https://b.s3.amazonaws.com/k?X-Amz-Credential=${asia}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&amp;X-Amz-Security-Token=${encodeURIComponent(token)}&amp;X-Amz-Signature=${randomBytes(32).toString('hex')}`;
    expectFound(`<a href="${url}">download</a>\n`, [{ rule: ID, secret: asia }, { rule: ST, secret: token, keyId: asia }]);
  });
  it('finds ES6 \\u{41} escapes', () => {
    const { akia, secret } = fresh();
    const es6 = (value: string) => [...value].map((c) => `\\u{${c.charCodeAt(0).toString(16)}}`).join('');
    expectFound(`const id = "${es6(akia)}";\nconst key = "${es6(secret)}";\n`, [{ rule: ID, secret: akia }, { rule: SK, secret, keyId: akia }]);
  });
  it('the byte prefilter lets HTML- and \\u-encoded keys through (no literal keyword in the file)', () => {
    const { akia } = fresh();
    for (const text of [`<td>${html(akia)}</td>\n`, `k = "${[...akia].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('')}"\n`]) {
      expect(createPrefilter(rules)(Buffer.from(text)), text).toBe(true);
      expect(detectChunk({ path: 'page.html', data: Buffer.from(text) }, rules).candidates.map((c) => c.secret)).toEqual([akia]);
    }
  });
});

describe('base64: after any name, inside JWTs', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it('finds a base64 credentials file after NAME= and in a bare line, with no literal keyword in the bytes', () => {
    const { akia, secret } = fresh();
    for (const prefix of ['CREDS=', 'export AWS_CREDS=', '']) {
      const text = `${prefix}${b64(`[default]\naws_access_key_id = ${akia}\naws_secret_access_key = ${secret}\n`)}\n`;
      const found = detectChunk({ path: 'deploy.env', data: Buffer.from(text) }, rules).candidates;
      expect(summary(found), text).toEqual(summary([...scan(text)]));
      expect(found.map((c) => [c.ruleId, c.secret, c.keyId]).sort(), text).toEqual([[ID, akia, null], [SK, secret, akia]].sort());
    }
  });
  it('reports what a base64 credentials file inside a JWT payload holds, not the wrapper as a session token', () => {
    const { asia, secret } = fresh();
    const file = b64(`[default]\naws_access_key_id = ${asia}\naws_secret_access_key = ${secret}\n`);
    const payload = Buffer.from(JSON.stringify({ sub: randomUUID(), creds: file })).toString('base64url');
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${payload}.${randomBytes(32).toString('base64url')}`;
    for (const text of [`aws_session_token: ${jwt}\n`, `Authorization: Bearer ${jwt}\n`]) {
      const found = detectChunk({ path: 'fixture.txt', data: Buffer.from(text) }, rules).candidates;
      expect(found.map((c) => [c.ruleId, c.secret, c.keyId]).sort(), text).toEqual([[ID, asia, null], [SK, secret, asia]].sort());
    }
  });
  it('reports what a twice-base64d credentials file holds, not the inner base64 as a session token', () => {
    const { asia, secret } = fresh();
    const twice = b64(b64(`[default]\naws_access_key_id = ${asia}\naws_secret_access_key = ${secret}\n`));
    const found = scan(`aws_session_token: ${twice}\n`);
    expect(found.map((c) => [c.ruleId, c.secret, c.keyId]).sort()).toEqual([[ID, asia, null], [SK, secret, asia]].sort());
  });
  it('still ignores JWTs and base64 blobs that hold no credentials', () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: randomUUID(), data: b64('hello world, nothing to see here') })).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
    expectFound(`aws_session_token: ${jwt}\nBLOB=${randomBytes(300).toString('base64')}\nTEXT=${b64('plain text that is long enough to decode')}\n`, []);
  });
});
