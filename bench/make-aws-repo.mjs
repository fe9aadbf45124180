#!/usr/bin/env node
// make-aws-repo.mjs: a deterministic AWS-heavy history (issue #13, item 1), the kind of repository keywarden's
// users have and the keyword-rare benchmark does not show: every file mentions AWS (boto3 / aws-sdk-js / Go
// SDK code, moto- and localstack-style models and tests, botocore-style service models, CloudFormation,
// Terraform, IAM policies, docs quoting AWS's example keys, STS response fixtures), and the test fixtures are
// full of values shaped like credentials but not real ones (AWS's documented examples, "testing", 40-hex
// digests, ids one character short, random ids and signatures next to AWS names). Into that it plants
// real-shaped generated keys (and listed decoys): the bench checks that every plant is found at its commit, no
// decoy is, and nothing else is reported at all.
//
//   node bench/make-aws-repo.mjs --out DIR [--commits N] [--files F] [--size S] [--seed S] [--force]
//
//   --commits N   commits (default 20000; getmoto/moto has 25,742)
//   --files F     files in the tree (default 2000)
//   --size S      scales every file's length (default 1: about 0.8 GiB of unique blobs at the defaults; moto's
//                 4.3 GB is about --size 5)
//
// Files are edited a few lines at a time (as in real histories, so git stores them as small deltas), on the
// main branch and on short topic branches merged back. Built with `git fast-import`, then repacked and checked
// out (the work tree is item 4's folder-scan workload). The answer key goes next to the repository
// (DIR.planted.json). The same options give the same repository. The keys are invented from the seed with the
// real shape; they are not credentials.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fastImport } from './fast-import.mjs';
import { prng } from './prng.mjs';

export const GENERATOR_VERSION = 1;


const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = ALNUM + '/+';
const HEX = '0123456789abcdef';
const SERVICES = 's3 ec2 iam sts lambda dynamodb sqs sns kms cloudformation route53 rds ecs eks logs events secretsmanager ssm kinesis glue athena apigateway cognito-idp elbv2 autoscaling batch firehose stepfunctions redshift efs'.split(' ');
const WORDS = 'bucket key value name region account policy role user group instance volume queue topic table item stream function alias version tag filter marker token response request params result status error client resource config default backend model state arn id'.split(' ');
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1'];

/** The generator of the repository's text: every value comes from `rand`, so the same seed gives the same bytes. */
function makeText(rand) {
  const pick = (list) => list[rand(list.length)];
  const chars = (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[rand(alphabet.length)];
    return s;
  };
  const ident = () => `${pick(WORDS)}_${pick(WORDS)}`;
  const camel = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
  const pascal = () => camel().replace(/^./, (c) => c.toUpperCase());
  const svc = () => pick(SERVICES);
  const account = () => String(100000000000 + rand(899999999)).padStart(12, '1');
  const arn = () => `arn:aws:${svc()}:${pick(REGIONS)}:${account()}:${pick(WORDS)}/${ident()}`;
  // Values that look like credentials to a careless eye and are not (what moto, localstack and botocore hold).
  const fakeValues = [
    () => 'AKIAIOSFODNN7EXAMPLE',
    () => 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    () => 'ASIAIOSFODNN7EXAMPLE',
    () => 'testing',
    () => 'test',
    () => 'foobar_key',
    () => 'AKIAXXXXXXXXXXXXXXXX',
    () => `AKIA${chars(BASE32, 15)}`, // one short
    () => chars(HEX, 40), // a digest
    () => '<your-secret-access-key>',
    () => '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
    () => `${chars(ALNUM, 20)}EXAMPLE${chars(ALNUM, 13)}`,
  ];
  const fake = () => pick(fakeValues)();
  const python = [
    () => `import boto3`,
    () => `from moto import mock_aws`,
    () => `from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT_ID`,
    () => `@mock_aws`,
    () => `def test_${ident()}_${pick(WORDS)}():`,
    () => `    client = boto3.client("${svc()}", region_name="${pick(REGIONS)}")`,
    () => `    client = boto3.client("${svc()}", region_name="${pick(REGIONS)}", aws_access_key_id="${fake()}", aws_secret_access_key="${fake()}")`,
    () => `    os.environ["AWS_ACCESS_KEY_ID"] = "${fake()}"`,
    () => `    os.environ["AWS_SECRET_ACCESS_KEY"] = "${fake()}"`,
    () => `    resp = client.${ident()}(${pascal()}="${ident()}", ${pascal()}=${rand(1000)})`,
    () => `    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200`,
    () => `    assert resp["${pascal()}"]["Arn"] == f"arn:aws:${svc()}:{REGION}:{ACCOUNT_ID}:${pick(WORDS)}/${ident()}"`,
    () => `        self.access_key_id = "AKIA" + random_alphanumeric(16)`,
    () => `        self.secret_access_key = random_alphanumeric(40)`,
    () => `        "ETag": '"${chars(HEX, 32)}"',`,
    () => `        "${pascal()}Id": "${chars(ALNUM, 40)}",`,
    () => `        "MessageId": "${chars(HEX, 8)}-${chars(HEX, 4)}-${chars(HEX, 4)}-${chars(HEX, 4)}-${chars(HEX, 12)}",`,
    () => `        "ReceiptHandle": "${chars(B64, 120 + rand(60))}",`,
    () => `    # AWS ${svc()} returns ${pick(WORDS)} ${pick(WORDS)} for the ${pick(WORDS)}; see the AWS docs`,
    () => `class ${pascal()}Backend(BaseBackend):`,
    () => `    def ${ident()}(self, ${ident()}, ${ident()}=None):`,
    () => `        return self.${ident()}.get(${ident()}, ${rand(100)})`,
    () => `        raise ${pascal()}Error("An error occurred (${pascal()}) when calling the ${pascal()} operation")`,
    () => `${ident()}_backends = BackendDict(${pascal()}Backend, "${svc()}")`,
    () => ``,
    // The plain lines most of moto is made of (they dilute the value-shaped ones above to moto's density).
    () => `    ${ident()} = ${ident()}.get("${pascal()}", [])`,
    () => `    for ${pick(WORDS)} in self.${ident()}.values():`,
    () => `        if ${pick(WORDS)}.${ident()} == ${ident()}:`,
    () => `            ${ident()}.append(${pick(WORDS)}.to_dict())`,
    () => `    assert len(resp["${pascal()}s"]) == ${rand(10)}`,
    () => `    assert resp["${pascal()}"]["${pascal()}"] == "${ident()}"`,
    () => `        "${pascal()}": self.${ident()},`,
    () => `        "Region": "${pick(REGIONS)}",`,
    () => `    with pytest.raises(ClientError) as exc:`,
    () => `    err = exc.value.response["Error"]`,
    () => `    assert err["Code"] == "${pascal()}NotFound"`,
    () => `    template = self.response_template(${ident().toUpperCase()}_TEMPLATE)`,
    () => `    return template.render(${ident()}=${ident()})`,
    () => `    ${ident()} = self._get_param("${pascal()}")`,
    () => `    """${pick(WORDS)} the ${pick(WORDS)} of an AWS ${svc()} ${pick(WORDS)}"""`,
    () => `from .models import ${ident()}_backends`,
    () => `from moto.utilities.utils import ${ident()}`,
    () => `    def __init__(self, account_id: str, region_name: str):`,
    () => `        super().__init__(account_id, region_name)`,
    () => `        self.${ident()}: Dict[str, ${pascal()}] = {}`,
  ];
  const js = [
    () => `import { ${pascal()}Command, ${svc().toUpperCase().replace(/-/g, '')}Client } from "@aws-sdk/client-${svc()}";`,
    () => `const AWS = require("aws-sdk");`,
    () => `const ${camel()} = new AWS.${pascal()}({ region: "${pick(REGIONS)}", apiVersion: "2012-11-05" });`,
    () => `const client = new ${pascal()}Client({ region: process.env.AWS_REGION ?? "${pick(REGIONS)}" });`,
    () => `  credentials: { accessKeyId: "${fake()}", secretAccessKey: "${fake()}" },`,
    () => `  const ${camel()} = await client.send(new ${pascal()}Command({ ${pascal()}: "${ident()}" }));`,
    () => `  expect(${camel()}.${pascal()}).toEqual("${arn()}");`,
    () => `  // aws-sdk v3 middleware: ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
    () => `  "x-amz-content-sha256": "${chars(HEX, 64)}",`,
    () => `  Authorization: "AWS4-HMAC-SHA256 Credential=${fake()}/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=${chars(HEX, 64)}",`,
    () => `export const ${camel()} = (${camel()}) => ${camel()}.${camel()}?.${camel()};`,
    () => `}`,
    () => ``,
  ];
  const go = [
    () => `	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("${pick(REGIONS)}"))`,
    () => `	svc := ${svc().replace(/-/g, '')}.NewFromConfig(cfg)`,
    () => `	creds := credentials.NewStaticCredentialsProvider("${fake()}", "${fake()}", "")`,
    () => `	out, err := svc.${pascal()}(ctx, &${svc().replace(/-/g, '')}.${pascal()}Input{${pascal()}: aws.String("${ident()}")})`,
    () => `	if err != nil {\n		return fmt.Errorf("aws ${svc()}: %w", err)\n	}`,
    () => `// ${pascal()} wraps the AWS ${svc()} API operation ${pascal()}.`,
    () => `func (c *${pascal()}) ${pascal()}(ctx context.Context, in *${pascal()}Input) (*${pascal()}Output, error) {`,
    () => `	${camel()} := aws.ToString(out.${pascal()})`,
    () => `}`,
    () => ``,
  ];
  const cfn = [
    () => `AWSTemplateFormatVersion: "2010-09-09"`,
    () => `  ${pascal()}:\n    Type: AWS::${pick(['S3::Bucket', 'IAM::Role', 'Lambda::Function', 'SQS::Queue', 'DynamoDB::Table', 'IAM::AccessKey', 'EC2::Instance'])}`,
    () => `    Properties:\n      ${pascal()}: !Sub "arn:aws:${svc()}:\${AWS::Region}:\${AWS::AccountId}:${pick(WORDS)}/${ident()}"`,
    () => `      ${pascal()}: !Ref ${pascal()}`,
    () => `      SecretAccessKey: !GetAtt ${pascal()}AccessKey.SecretAccessKey`,
    () => `      Tags:\n        - Key: ${pick(WORDS)}\n          Value: ${ident()}`,
    () => `# aws cloudformation deploy --stack-name ${ident()} --region ${pick(REGIONS)}`,
  ];
  const tf = [
    () => `provider "aws" {\n  region = "${pick(REGIONS)}"\n}`,
    () => `resource "aws_${pick(['s3_bucket', 'iam_role', 'iam_access_key', 'lambda_function', 'sqs_queue', 'dynamodb_table', 'instance'])}" "${ident()}" {`,
    () => `  ${ident()} = aws_${pick(WORDS)}_${pick(WORDS)}.${ident()}.arn`,
    () => `  policy = data.aws_iam_policy_document.${ident()}.json`,
    () => `  secret_key = var.aws_secret_key`,
    () => `  tags = { Name = "${ident()}", Env = "${pick(['dev', 'prod', 'staging'])}" }`,
    () => `}`,
  ];
  const policy = [
    () => `    {\n      "Effect": "${pick(['Allow', 'Deny'])}",\n      "Action": ["${svc()}:${pascal()}", "${svc()}:${pascal()}"],\n      "Resource": "${arn()}"\n    },`,
    () => `      "Condition": { "StringEquals": { "aws:PrincipalAccount": "${account()}" } },`,
    () => `      "Principal": { "AWS": "arn:aws:iam::${account()}:root" },`,
  ];
  const docs = [
    () => `To configure the AWS CLI, run \`aws configure\` and enter your AWS access key ID and AWS secret access key.`,
    () => `    aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
    () => `    $ export AWS_ACCESS_KEY_ID=${fake()}\n    $ export AWS_SECRET_ACCESS_KEY=${fake()}`,
    () => `The ${pascal()} operation of AWS ${svc()} ${pick(WORDS)}s the ${pick(WORDS)}; see the AWS ${svc()} API reference.`,
    () => `| \`${ident()}\` | ${pick(WORDS)} | The AWS ${pick(WORDS)} of the ${pick(WORDS)} |`,
    () => `    aws ${svc()} ${pick(WORDS)}-${pick(WORDS)} --${pick(WORDS)} ${ident()} --region ${pick(REGIONS)}`,
    () => ``,
  ];
  const model = [
    () => `    "${pascal()}":{\n      "type":"structure",\n      "required":["${pascal()}"],\n      "members":{\n        "${pascal()}":{"shape":"${pascal()}","documentation":"<p>The AWS ${pick(WORDS)} of the ${pick(WORDS)}.</p>"}\n      }\n    },`,
    () => `    "AccessKeyIdType":{"type":"string","max":128,"min":16,"pattern":"[\\\\w]*"},`,
    () => `        "documentation":"<p>The secret access key that can be used to sign requests.</p>"`,
    () => `      "http":{"method":"POST","requestUri":"/"},"input":{"shape":"${pascal()}Request"},"output":{"shape":"${pascal()}Response"},`,
    () => `      "documentation":"<p>Returns ${pick(WORDS)} ${pick(WORDS)} for the AWS account. For more information, see <a href=\\"https://docs.aws.amazon.com/${svc()}/latest/${pick(WORDS)}.html\\">AWS ${svc()}</a>.</p>"`,
  ];
  const fixture = [
    () => `    <AccessKeyId>${pick(['ASIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE', 'AKIAXXXXXXXXXXXXXXXX'])}</AccessKeyId>`,
    () => `    <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>`,
    () => `    <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKd8EXAMPLE</SessionToken>`,
    () => `    <Expiration>2011-07-15T23:28:33.359Z</Expiration>`,
    () => `  "${pascal()}": "${chars(B64, 40)}",`,
    () => `  "Signature": "${chars(B64, 172)}==",`,
    () => `  "SigningCertURL": "https://sns.${pick(REGIONS)}.amazonaws.com/SimpleNotificationService-${chars(HEX, 32)}.pem",`,
    () => `  "awsRegion": "${pick(REGIONS)}", "eventSource": "aws:${svc()}", "eventName": "${pascal()}",`,
    () => `  "userIdentity": { "type": "IAMUser", "arn": "arn:aws:iam::${account()}:user/${pick(WORDS)}", "accessKeyId": "${pick(['AKIAIOSFODNN7EXAMPLE', 'ASIAXXXXXXXXXXXXXXXX'])}" },`,
    () => `  "sha": "${chars(HEX, 40)}",`,
  ];
  const kinds = {
    py: { lines: python, ext: 'py', dirs: ['moto/{s}', 'tests/test_{s}', 'localstack/services/{s}'], length: 500 },
    js: { lines: js, ext: 'ts', dirs: ['clients/client-{s}/src', 'lib/{s}'], length: 300 },
    go: { lines: go, ext: 'go', dirs: ['service/{s}', 'internal/{s}'], length: 400 },
    cfn: { lines: cfn, ext: 'yaml', dirs: ['templates/{s}'], length: 120 },
    tf: { lines: tf, ext: 'tf', dirs: ['infra/{s}'], length: 120 },
    policy: { lines: policy, ext: 'json', dirs: ['policies/{s}'], length: 60 },
    docs: { lines: docs, ext: 'md', dirs: ['docs/{s}'], length: 150 },
    model: { lines: model, ext: 'json', dirs: ['botocore/data/{s}/2015-01-01'], length: 1500 },
    fixture: { lines: fixture, ext: 'json', dirs: ['tests/test_{s}/fixtures'], length: 150 },
  };
  // moto's mix: mostly Python, big service models, a long tail of the rest.
  const mix = ['py', 'py', 'py', 'py', 'py', 'js', 'js', 'go', 'go', 'cfn', 'tf', 'policy', 'docs', 'docs', 'model', 'fixture', 'fixture'];
  return { pick, chars, kinds, mix, svc, ident, pascal };
}

/** A real-shaped key pair from the seed: base32 key ID with digits, 40 characters of mixed classes. */
function madeKey(rand, prefix = 'AKIA') {
  for (;;) {
    let id = prefix;
    while (id.length < 20) id += BASE32[rand(32)];
    let secret = '';
    while (secret.length < 40) secret += B64[rand(B64.length)];
    if (/[2-7]/.test(id.slice(4)) && /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) && /[/+]/.test(secret)) return { id, secret };
  }
}

function sessionToken(rand) {
  let body = '';
  while (body.length < 300) body += B64[rand(B64.length)];
  return `IQoJb3JpZ2luX2VjE${ALNUM[rand(52)]}${ALNUM[rand(52)]}//////////wEaCXVzLWVhc3QtMSJH${body}`;
}

/** Where and how each plant is written: its file, and its lines given the key. */
const PLANT_CONTEXTS = [
  { context: 'boto3-client', path: 'tests/test_{s}/test_integration_{n}.py', lines: (k) => [`    client = boto3.client("s3", aws_access_key_id="${k.id}", aws_secret_access_key="${k.secret}")`] },
  { context: 'dotenv', path: 'localstack/.env.{n}', lines: (k) => [`AWS_ACCESS_KEY_ID=${k.id}`, `AWS_SECRET_ACCESS_KEY=${k.secret}`] },
  { context: 'credentials-ini', path: 'tests/fixtures/credentials-{n}', lines: (k) => ['[ci]', `aws_access_key_id = ${k.id}`, `aws_secret_access_key = ${k.secret}`] },
  { context: 'js-credentials', path: 'clients/client-{s}/test/e2e-{n}.spec.ts', lines: (k) => [`  credentials: {`, `    accessKeyId: "${k.id}",`, `    secretAccessKey: "${k.secret}",`, `  },`] },
  { context: 'go-static', path: 'internal/{s}/creds_{n}_test.go', lines: (k) => [`	creds := credentials.NewStaticCredentialsProvider("${k.id}", "${k.secret}", "")`] },
  { context: 'terraform-provider', path: 'infra/{s}/provider_{n}.tf', lines: (k) => ['provider "aws" {', `  access_key = "${k.id}"`, `  secret_key = "${k.secret}"`, '}'] },
  { context: 'cloudformation', path: 'templates/{s}/user-{n}.yaml', lines: (k) => ['      AccessKeyId: ' + k.id, '      SecretAccessKey: ' + k.secret] },
  { context: 'sts-response', path: 'tests/test_sts/fixtures/assume-role-{n}.json', session: true, lines: (k) => [`  "Credentials": {`, `    "AccessKeyId": "${k.id}",`, `    "SecretAccessKey": "${k.secret}",`, `    "SessionToken": "${k.token}",`, `    "Expiration": "2026-01-01T00:00:00Z"`, `  },`] },
  { context: 'docs-export', path: 'docs/{s}/quickstart-{n}.md', lines: (k) => [`    $ export AWS_ACCESS_KEY_ID=${k.id}`, `    $ export AWS_SECRET_ACCESS_KEY=${k.secret}`] },
  { context: 'secret-only', path: 'moto/{s}/settings_{n}.py', secretOnly: true, lines: (k) => [`AWS_SECRET_ACCESS_KEY = "${k.secret}"`] },
  { context: 'cloudtrail-key-id', path: 'tests/test_cloudtrail/fixtures/event-{n}.json', idOnly: true, lines: (k) => [`  "userIdentity": { "type": "IAMUser", "accessKeyId": "${k.id}" },`] },
];

/** Listed decoys: right-looking, not credentials; the bench checks none is reported. */
const DECOYS = [
  { id: 'd01', value: 'AKIAIOSFODNN7EXAMPLE', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', why: 'AWS documentation example key' },
  { id: 'd02', value: 'AKIAXXXXXXXXXXXXXXXX', why: 'placeholder: right shape, zero entropy' },
  { id: 'd03', secret: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', why: 'a SHA-1 digest under an AWS name' },
  { id: 'd04', value: 'AKIA2B3C4D5E6F7G2H3', why: 'one character short' },
];

export async function makeAwsRepo({ out, commits = 20000, files = 2000, size = 1, seed = 7 }) {
  const rand = prng(seed * 2654435761);
  const text = makeText(rand);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '-q', '-b', 'main', out], { env });
  const marksFile = path.join(out, '.git', 'bench-marks');
  const { emit, data, finish } = fastImport(out, env, [`--export-marks=${marksFile}`]);
  let blobBytes = 0;

  // The tree: each file a list of lines, edited in place.
  const tree = new Map();
  const kindOf = new Map();
  const newLines = (kind, count) => {
    const out = [];
    for (let i = 0; i < count; i++) out.push(text.pick(kind.lines)());
    return out;
  };
  for (let i = 0; i < files; i++) {
    const name = text.mix[rand(text.mix.length)];
    const kind = text.kinds[name];
    const dir = text.pick(kind.dirs).replace('{s}', text.svc());
    const file = `${dir}/${text.ident()}_${i}.${kind.ext}`;
    kindOf.set(file, kind);
    tree.set(file, newLines(kind, Math.max(4, Math.round((kind.length * size * (50 + rand(100))) / 100))));
  }
  const paths = [...tree.keys()];
  let mark = 0;
  let time = 1_300_000_000;
  const blob = async (file) => {
    const body = tree.get(file).join('\n') + '\n';
    blobBytes += Buffer.byteLength(body);
    await emit(`blob\nmark :${++mark}\n${data(body)}`);
    return mark;
  };
  const commit = async (ref, subject, from, changes, merge = null) => {
    time += 900;
    const who = `Dev ${rand(300)} <dev${rand(300)}@example.com> ${time} +0000`;
    let out = `commit ${ref}\nmark :${++mark}\nauthor ${who}\ncommitter ${who}\n${data(subject)}`;
    if (from !== null) out += `from :${from}\n`;
    if (merge !== null) out += `merge :${merge}\n`;
    for (const [file, blobMark] of changes) out += blobMark === null ? `D ${file}\n` : `M 100644 :${blobMark} ${file}\n`;
    await emit(out + '\n');
    return mark;
  };
  /** A few lines replaced, inserted or deleted in one file. */
  const edit = (file) => {
    const lines = tree.get(file);
    const at = rand(lines.length + 1);
    const removed = Math.min(lines.length - at, rand(8));
    lines.splice(at, removed, ...newLines(kindOf.get(file), 1 + rand(12)));
  };
  const touch = async (count) => {
    const changes = [];
    for (let i = 0; i < count; i++) {
      const file = paths[rand(paths.length)];
      edit(file);
      changes.push([file, await blob(file)]);
    }
    return changes;
  };

  // Plants: two of each context, at spread-out commits; every other one removed again some commits later.
  const plants = [];
  PLANT_CONTEXTS.forEach((context, c) => {
    for (let copy = 0; copy < 2; copy++) {
      const key = madeKey(rand, context.session ? 'ASIA' : 'AKIA');
      if (context.session) key.token = sessionToken(rand);
      const n = plants.length;
      const at = Math.floor(((n + 1) * commits) / (PLANT_CONTEXTS.length * 2 + 2));
      plants.push({
        id: `p${String(n + 1).padStart(2, '0')}`,
        context: context.context,
        path: context.path.replace('{s}', text.svc()).replace('{n}', String(n)),
        key_id: context.secretOnly ? undefined : key.id,
        secret: context.idOnly ? undefined : key.secret,
        session_token: key.token,
        lines: context.lines(key),
        at,
        removeAt: copy === 1 ? Math.min(commits - 2, at + 50 + rand(500)) : null,
        expect: 'must-find',
      });
    }
  });
  const decoyFile = 'docs/security/credential-examples.md';
  const decoyLines = [
    '# Credentials in examples',
    'AWS documents these; they are not keys:',
    `    aws_access_key_id = ${DECOYS[0].value}`,
    `    aws_secret_access_key = ${DECOYS[0].secret}`,
    `    aws_access_key_id = ${DECOYS[1].value}`,
    `    aws_secret_access_key = "${DECOYS[2].secret}"`,
    `    aws_access_key_id = ${DECOYS[3].value}`,
  ];
  const decoyAt = Math.floor(commits / 3);
  const marks = { plants: new Map(), decoy: null };

  const initial = [];
  for (const file of paths) initial.push([file, await blob(file)]);
  let tip = await commit('refs/heads/main', 'Initial import', null, initial);
  let count = 1;
  let topics = 0;
  const plantChanges = async (changes, index) => {
    for (const plant of plants) {
      if (plant.at <= index && !plant.mark) {
        const host = tree.get(plant.path) ?? [];
        if (!tree.has(plant.path)) {
          tree.set(plant.path, host);
          kindOf.set(plant.path, text.kinds.fixture);
        }
        host.splice(rand(host.length + 1), 0, ...plant.lines);
        changes.push([plant.path, await blob(plant.path)]);
        plant.mark = true;
      }
      if (plant.removeAt !== null && plant.removeAt <= index && plant.mark && !plant.removed) {
        plant.removed = true;
        tree.delete(plant.path);
        changes.push([plant.path, null]);
      }
    }
    if (index >= decoyAt && !tree.has(decoyFile)) {
      tree.set(decoyFile, decoyLines);
      kindOf.set(decoyFile, text.kinds.docs);
      changes.push([decoyFile, await blob(decoyFile)]);
    }
  };
  // The commit that just added a plant (or the decoys) is the one the bench expects it attributed to.
  const noteMarks = () => {
    for (const plant of plants) if (plant.mark && !marks.plants.has(plant.id)) marks.plants.set(plant.id, mark);
    if (tree.has(decoyFile) && marks.decoy === null) marks.decoy = mark;
  };
  while (count < commits) {
    // Mostly direct commits; now and then a topic of 1-4 commits merged back (moto's history is mostly PR merges).
    if (rand(4) !== 0 || count + 2 >= commits) {
      const changes = await touch(1 + rand(3));
      await plantChanges(changes, count);
      tip = await commit('refs/heads/main', `${text.pascal()}: ${text.ident()} for ${text.svc()}`, tip, changes);
      noteMarks();
      count++;
      continue;
    }
    const fork = tip;
    let topic = fork;
    const length = 1 + rand(4);
    for (let i = 0; i < length && count + 1 < commits; i++) {
      const changes = await touch(1 + rand(2));
      await plantChanges(changes, count);
      topic = await commit(`refs/heads/topic-${topics % 40}`, `${text.svc()}: ${text.ident()} (part ${i + 1})`, topic, changes);
      noteMarks();
      count++;
    }
    // The topic's changes already moved the shared tree; the merge takes them.
    tip = await commit('refs/heads/main', `Merge pull request #${topics + 1} from dev/topic-${topics}`, tip, [], topic);
    count++;
    topics++;
  }
  await finish();
  // Topic refs pointing into history keep their commits reachable as more than one ref (like a fork's branches).
  execFileSync('git', ['repack', '-adq', '--window=10', '--depth=50'], { cwd: out, env });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: out, env });
  const shaOf = new Map(fs.readFileSync(marksFile, 'utf8').trim().split('\n').map((line) => line.slice(1).split(' ')).map(([m, sha]) => [Number(m), sha]));
  fs.rmSync(marksFile);
  const listed = Number(execFileSync('git', ['rev-list', '--all', '--count'], { cwd: out, env, encoding: 'utf8' }));
  const answer = {
    generator: 'make-aws-repo.mjs',
    generator_version: GENERATOR_VERSION,
    options: { commits, files, size, seed },
    stats: { commits: listed, blob_bytes: blobBytes },
    plants: plants.map(({ lines, at, removeAt, mark: _m, removed: _r, ...plant }) => ({ ...plant, commit: shaOf.get(marks.plants.get(plant.id)), in_head: removeAt === null })),
    decoys: DECOYS.map((decoy) => ({ ...decoy, path: decoyFile, expect: 'decoy', commit: shaOf.get(marks.decoy) })),
  };
  fs.writeFileSync(`${out}.planted.json`, JSON.stringify(answer, null, 2) + '\n');
  return answer;
}

const argv = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  const opt = (name, fallback) => {
    const at = argv.indexOf(`--${name}`);
    return at !== -1 && at + 1 < argv.length ? argv[at + 1] : fallback;
  };
  const out = path.resolve(opt('out', '.bench/aws'));
  const options = { out, commits: Number(opt('commits', 20000)), files: Number(opt('files', 2000)), size: Number(opt('size', 1)), seed: Number(opt('seed', 7)) };
  const key = `${out}.planted.json`;
  if (!argv.includes('--force') && fs.existsSync(key)) {
    const have = JSON.parse(fs.readFileSync(key, 'utf8'));
    if (have.generator_version === GENERATOR_VERSION && ['commits', 'files', 'size', 'seed'].every((name) => have.options?.[name] === options[name])) {
      console.error(`${out}: already built`);
      process.exit(0);
    }
  }
  const started = Date.now();
  const answer = await makeAwsRepo(options);
  console.error(`${out}: ${answer.stats.commits} commits, ${(answer.stats.blob_bytes / 1048576).toFixed(0)} MiB of blobs written, ${answer.plants.length} plants, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
