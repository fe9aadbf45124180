// `remediate --verify` against a local STS on 127.0.0.1: the server checks that each request is a correctly
// signed SigV4 GetCallerIdentity (it recomputes the signature with node:crypto from the fake secret it knows
// for the key ID) and answers as STS does: success XML (a user, a role session, the root user),
// InvalidClientTokenId, ExpiredToken, SignatureDoesNotMatch (when the signature does not verify), 500, or no
// answer at all. The CLI runs as a child process with no AWS profile, credentials or endpoint of the developer
// in reach (HOME and the AWS config files point at an empty folder; AWS_ENDPOINT_URL points at a dead port).
import { spawn } from 'node:child_process';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, verifyPair } from '../src/aws/verify.js';
import { signingRegionOf, verificationOf } from '../src/commands/verify-keys.js';
import { BIN } from './support/cli.js';
import { tempDir } from './support/repo.js';
import { COMMIT_A, Fakes, finding, reportOf } from './support/remediation-fakes.js';

const OURS = '111122223333';

type Answer = { arn: string } | 'InvalidClientTokenId' | 'ExpiredToken' | '500' | 'hang';

interface KnownKey {
  secret: string;
  token?: string;
  answer: Answer;
}

/** What the fake STS saw: every request, and whether its signature verified. */
interface Seen {
  keyId: string | null;
  verified: boolean;
  problem?: string;
}

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** Recomputes the SigV4 signature of a request (AWS General Reference, "Signature Version 4 signing process"). */
function checkSignature(req: http.IncomingMessage, body: string, known: Map<string, KnownKey>): Seen {
  const auth = String(req.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return { keyId: null, verified: false, problem: `not a SigV4 Authorization header: ${auth}` };
  const [, keyId, date, region, service, signedHeaders, signature] = match;
  const key = known.get(keyId);
  if (!key) return { keyId, verified: false, problem: 'unknown key ID' };
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const names = signedHeaders.split(';');
  if (service !== 'sts' || region !== 'us-east-1') return { keyId, verified: false, problem: `scope ${region}/${service}` };
  if (!amzDate.startsWith(date) || !names.includes('host') || !names.includes('x-amz-date')) return { keyId, verified: false, problem: 'date or signed headers' };
  if (req.method !== 'POST' || body !== 'Action=GetCallerIdentity&Version=2011-06-15') return { keyId, verified: false, problem: `not GetCallerIdentity: ${req.method} ${body}` };
  if (key.token !== undefined && (req.headers['x-amz-security-token'] !== key.token || !names.includes('x-amz-security-token'))) {
    return { keyId, verified: false, problem: 'session token missing, wrong or unsigned' };
  }
  const payloadHash = sha256(body);
  const declared = req.headers['x-amz-content-sha256'];
  if (declared !== undefined && declared !== payloadHash) return { keyId, verified: false, problem: 'payload hash' };
  const canonicalHeaders = names.map((name) => `${name}:${String(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const url = new URL(req.url ?? '/', 'http://localhost');
  const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/${region}/${service}/aws4_request`, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secret}`, date), region), service), 'aws4_request');
  const expected = hmac(signingKey, stringToSign);
  const verified = timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  return { keyId, verified, problem: verified ? undefined : 'signature mismatch' };
}

function stsError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>4f3c1c4e-0000-4000-8000-000000000000</RequestId></ErrorResponse>`,
  );
}

function startSts(known: Map<string, KnownKey>) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const check = checkSignature(req, body, known);
      seen.push(check);
      const key = check.keyId ? known.get(check.keyId) : undefined;
      if (!key) return stsError(res, 403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
      if (!check.verified) return stsError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      const answer = key.answer;
      if (answer === 'hang') return; // never answers: the client's timeout must end it
      if (answer === '500') {
        res.writeHead(500, { 'content-type': 'text/xml' });
        return res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>x</Message></Error></ErrorResponse>');
      }
      if (answer === 'InvalidClientTokenId') return stsError(res, 403, answer, 'The security token included in the request is invalid.');
      if (answer === 'ExpiredToken') return stsError(res, 400, answer, 'The security token included in the request is expired');
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${answer.arn}</Arn><UserId>AIDAFAKEUSERID000000</UserId><Account>${OURS}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
      );
    });
  });
  return { server, seen };
}

/** The built CLI, asynchronously (the fake STS lives in this process), with the developer's AWS setup out of reach. */
function runCliAsync(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const empty = tempDir('keywarden-home-');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
  Object.assign(env, {
    HOME: empty,
    USERPROFILE: empty,
    AWS_CONFIG_FILE: path.join(empty, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(empty, 'credentials'),
    // A configured endpoint must not redirect a found secret's signature: only --sts-endpoint may.
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

describe('remediate --verify against a local STS', () => {
  const fakes = new Fakes(99);
  const keys = {
    user: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
    role: { id: fakes.keyId('ASIA', OURS), secret: fakes.secret(), token: fakes.sessionToken() },
    root: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
    invalid: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
    expired: { id: fakes.keyId('ASIA', OURS), secret: fakes.secret(), token: fakes.sessionToken() },
    mismatch: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret(), reported: fakes.secret() },
    error500: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
    hang: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
    foreign: { id: fakes.keyId('AKIA', '444455556666'), secret: fakes.secret() },
    tokenless: { id: fakes.keyId('ASIA', OURS), secret: fakes.secret() },
  };
  const known = new Map<string, KnownKey>([
    [keys.user.id, { secret: keys.user.secret, answer: { arn: `arn:aws:iam::${OURS}:user/ci/deploy-bot` } }],
    [keys.role.id, { secret: keys.role.secret, token: keys.role.token, answer: { arn: `arn:aws:sts::${OURS}:assumed-role/deployer/session-1` } }],
    [keys.root.id, { secret: keys.root.secret, answer: { arn: `arn:aws:iam::${OURS}:root` } }],
    [keys.invalid.id, { secret: keys.invalid.secret, answer: 'InvalidClientTokenId' }],
    [keys.expired.id, { secret: keys.expired.secret, token: keys.expired.token, answer: 'ExpiredToken' }],
    [keys.mismatch.id, { secret: keys.mismatch.secret, answer: { arn: `arn:aws:iam::${OURS}:user/never` } }],
    [keys.error500.id, { secret: keys.error500.secret, answer: '500' }],
    [keys.hang.id, { secret: keys.hang.secret, answer: 'hang' }],
    [keys.foreign.id, { secret: keys.foreign.secret, answer: { arn: 'arn:aws:iam::444455556666:user/canary' } }],
    [keys.tokenless.id, { secret: keys.tokenless.secret, answer: { arn: `arn:aws:sts::${OURS}:assumed-role/x/y` } }],
  ]);
  const { server, seen } = startSts(known);
  let endpoint = '';
  let dir = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const findings = Object.values(keys).flatMap((key, i) => {
      const line = i * 10 + 1;
      const out = [finding('access-key-id', key.id, null, 'keys.env', line, COMMIT_A), finding('secret-access-key', 'reported' in key ? key.reported : key.secret, key.id, 'keys.env', line + 1, COMMIT_A)];
      if ('token' in key) out.push(finding('session-token', key.token, key.id, 'keys.env', line + 2, COMMIT_A));
      return out;
    });
    dir = tempDir('keywarden-verify-');
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(reportOf(findings)));
    writeFileSync(path.join(dir, '.keywarden.json'), JSON.stringify({ accounts: [OURS] }));
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('never calls STS without --verify, even with --sts-endpoint', async () => {
    const result = await runCliAsync(['remediate', '--report', 'report.json', '--sts-endpoint', endpoint, '--format', 'json'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(seen).toHaveLength(0);
    expect(JSON.parse(result.stdout).keys.every((key: { verification: unknown }) => key.verification === null)).toBe(true);
  });

  it('reports live, invalid, expired, secret mismatch and unknown honestly, from signed requests', async () => {
    const started = Date.now();
    const result = await runCliAsync(['remediate', '--report', 'report.json', '--verify', '--sts-endpoint', endpoint, '--verify-timeout', '1', '--format', 'json'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    const playbook = JSON.parse(result.stdout);
    const byId = new Map<string, any>(playbook.keys.map((key: { keyId: string }) => [key.keyId, key]));
    const status = (name: keyof typeof keys) => byId.get(keys[name].id).verification?.status ?? null;

    expect(status('user')).toBe('live');
    expect(status('role')).toBe('live');
    expect(status('root')).toBe('live');
    expect(status('invalid')).toBe('invalid');
    expect(status('expired')).toBe('expired');
    expect(status('mismatch')).toBe('secret-mismatch');
    expect(status('error500')).toBe('unknown');
    expect(status('hang')).toBe('unknown');
    expect(byId.get(keys.hang.id).verification.detail).toContain('no answer within 1 s');
    expect(status('foreign')).toBeNull();
    expect(status('tokenless')).toBeNull();
    expect(byId.get(keys.foreign.id).notes.join(' ')).toContain('not checked: the key belongs to an account that is not yours');
    expect(byId.get(keys.tokenless.id).notes.join(' ')).toContain('not checked: a temporary key cannot be checked without its session token');

    // Every request was a correctly signed GetCallerIdentity, except the one signed with the wrong secret.
    const problems = seen.filter((item) => !item.verified).map((item) => `${item.keyId}: ${item.problem}`);
    expect(problems).toEqual([`${keys.mismatch.id}: signature mismatch`]);
    const asked = new Set(seen.map((item) => item.keyId));
    expect(asked.has(keys.foreign.id)).toBe(false); // a possible canary token is never used
    expect(asked.has(keys.tokenless.id)).toBe(false);
    expect(seen.filter((item) => item.keyId === keys.error500.id)).toHaveLength(1); // no retries

    // STS's answer fills in the owner: the user name, the role to revoke, the root-user variant.
    const scripts = (name: keyof typeof keys) => JSON.stringify(byId.get(keys[name].id).steps);
    expect(byId.get(keys.user.id).principal).toEqual({ type: 'user', account: OURS, name: 'deploy-bot' });
    expect(scripts('user')).toContain(`aws iam delete-access-key --user-name deploy-bot --access-key-id ${keys.user.id}`);
    expect(scripts('role')).toContain('aws iam put-role-policy --role-name deployer');
    expect(byId.get(keys.root.id).keyTypeLabel).toContain('ROOT');
    expect(byId.get(keys.root.id).steps[1].title).toContain('ROOT');
    expect(JSON.stringify(byId.get(keys.root.id).steps[1])).not.toContain('--user-name');

    // The verdicts also go to stderr, one line per key, and no secret appears anywhere.
    expect(result.stderr).toContain(`--verify ${keys.user.id}: live`);
    for (const key of Object.values(keys)) {
      expect(result.stdout + result.stderr).not.toContain(key.secret);
      if ('token' in key) expect(result.stdout + result.stderr).not.toContain(key.token);
    }
  });

  it('says what each answer means in the chosen language: --verify lines and playbook notes in Japanese', async () => {
    const result = await runCliAsync(['remediate', '--report', 'report.json', '--verify', '--sts-endpoint', endpoint, '--verify-timeout', '1', '--lang', 'ja'], dir);
    expect(result.status, result.stderr).toBe(0);
    const lines = (result.stdout + result.stderr).split('\n').filter((line) => line.includes('--verify '));
    const line = (name: keyof typeof keys) => lines.find((text) => text.includes(`--verify ${keys[name].id}:`)) ?? '';
    expect(line('user')).toContain('AWS がこのキーペアを受け付けました');
    expect(line('invalid')).toContain('AWS はこのアクセスキー ID を受け付けません');
    expect(line('expired')).toContain('セキュリティトークンの有効期限が切れています');
    expect(line('mismatch')).toContain('一緒に見つかったシークレットは対になるものではありません');
    expect(line('error500')).toContain('STS が HTTP 500 を返しました');
    expect(line('hang')).toContain('1 秒以内に応答がありませんでした');
    // No English sentence left in what is said of the answers (key IDs, STS, HTTP and error codes aside).
    for (const text of lines) expect(text.replace(/\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|STS|HTTP|AWS|[A-Z][A-Za-z]+(?:Exception|TokenId|Token)\b/g, ''), text).not.toMatch(/[a-z]{3,} [a-z]{2,}/);
    expect(result.stdout).not.toMatch(/does not|no answer|try again|could not reach/);
  });

  it('scan --verify asks STS about the pairs it found and keeps its exit code', async () => {
    const scanned = tempDir('keywarden-scan-verify-');
    writeFileSync(path.join(scanned, '.keywarden.json'), JSON.stringify({ accounts: [OURS] }));
    writeFileSync(path.join(scanned, 'deploy.env'), `AWS_ACCESS_KEY_ID=${keys.user.id}\nAWS_SECRET_ACCESS_KEY=${keys.user.secret}\n`);
    const before = seen.length;
    const result = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint, '--verify-timeout', '2'], scanned);
    expect(result.status, result.stderr).toBe(1);
    expect(seen.length).toBe(before + 1);
    expect(result.stderr).toContain(`--verify ${keys.user.id}: live`);
    expect(result.stdout + result.stderr).not.toContain(keys.user.secret);
    const plain = await runCliAsync(['scan', '.', '--sts-endpoint', endpoint], scanned);
    expect(plain.status).toBe(1);
    expect(seen.length).toBe(before + 1);
  });

  describe('scan --verify results in every format, and --only-verified', () => {
    // Keys only these scans use: a live user key, a live role session, a dead key, and a live key whose answer
    // comes from a hostile endpoint (a user name with a quote, a command substitution and a bidi override).
    const scanKeys = {
      live: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
      session: { id: fakes.keyId('ASIA', OURS), secret: fakes.secret(), token: fakes.sessionToken() },
      dead: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
      hostile: { id: fakes.keyId('AKIA', OURS), secret: fakes.secret() },
    };
    const HOSTILE_USER = "o'brien$(id)\u202egnp.exe";
    known.set(scanKeys.live.id, { secret: scanKeys.live.secret, answer: { arn: `arn:aws:iam::${OURS}:user/ci/deploy-bot` } });
    known.set(scanKeys.session.id, { secret: scanKeys.session.secret, token: scanKeys.session.token, answer: { arn: `arn:aws:sts::${OURS}:assumed-role/deployer/ci-run` } });
    known.set(scanKeys.dead.id, { secret: scanKeys.dead.secret, answer: 'InvalidClientTokenId' });
    known.set(scanKeys.hostile.id, { secret: scanKeys.hostile.secret, answer: { arn: `arn:aws:iam::${OURS}:user/${HOSTILE_USER}` } });
    const pair = (key: { id: string; secret: string; token?: string }) =>
      `AWS_ACCESS_KEY_ID=${key.id}\nAWS_SECRET_ACCESS_KEY=${key.secret}\n${key.token ? `AWS_SESSION_TOKEN=${key.token}\n` : ''}`;
    const folder = (files: Record<string, string>) => {
      const dir = tempDir('keywarden-scan-verify-');
      writeFileSync(path.join(dir, '.keywarden.json'), JSON.stringify({ accounts: [OURS] }));
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
      return dir;
    };
    const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
    const noSecrets = (text: string) => {
      for (const key of Object.values(scanKeys)) {
        expect(text).not.toContain(key.secret);
        if ('token' in key) expect(text).not.toContain(key.token.slice(0, 40));
      }
    };

    it('JSON: a verification field on the key ID finding and its paired secret and token; absent without --verify', async () => {
      const dir = folder({ 'live.env': pair(scanKeys.live), 'session.env': pair(scanKeys.session), 'dead.env': pair(scanKeys.dead) });
      const result = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint, '--verify-timeout', '2', '--format', 'json'], dir);
      expect(result.status, result.stderr).toBe(1);
      noSecrets(result.stdout + result.stderr);
      const findings: any[] = JSON.parse(result.stdout).findings;
      const of = (file: string) => findings.filter((f) => f.file === file);
      expect(of('live.env').map((f) => f.kind)).toEqual(['access-key-id', 'secret-access-key']);
      for (const f of of('live.env')) {
        expect(Object.keys(f.verification).sort()).toEqual(['account', 'arn', 'checkedAt', 'status', 'user']);
        expect(f.verification).toMatchObject({ status: 'live', account: OURS, arn: `arn:aws:iam::${OURS}:user/ci/deploy-bot`, user: 'deploy-bot' });
        expect(f.verification.checkedAt).toMatch(ISO);
      }
      expect(of('session.env').map((f) => [f.kind, f.verification.status, f.verification.user])).toEqual([
        ['access-key-id', 'live', 'deployer'],
        ['secret-access-key', 'live', 'deployer'],
        ['session-token', 'live', 'deployer'],
      ]);
      for (const f of of('dead.env')) expect(f.verification).toMatchObject({ status: 'invalid', account: null, arn: null, user: null });

      const plain = await runCliAsync(['scan', '.', '--format', 'json'], dir);
      expect(JSON.parse(plain.stdout).findings.every((f: object) => !('verification' in f))).toBe(true);
    });

    it('SARIF carries it in result properties, a live key ranked first; github puts it in the annotation', async () => {
      const dir = folder({ 'live.env': pair(scanKeys.live), 'dead.env': pair(scanKeys.dead) });
      const sarif = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint, '--format', 'sarif'], dir);
      expect(sarif.status, sarif.stderr).toBe(1);
      const results: any[] = JSON.parse(sarif.stdout).runs[0].results;
      const live = results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'live.env');
      expect(live).toHaveLength(2);
      for (const r of live) {
        expect(r.properties.verification).toMatchObject({ status: 'live', user: 'deploy-bot', account: OURS });
        expect(r.rank).toBe(100);
        expect(r.message.text).toContain('STS says LIVE');
      }
      const dead = results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'dead.env');
      for (const r of dead) expect([r.properties.verification.status, r.rank]).toEqual(['invalid', undefined]);

      const github = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint, '--format', 'github'], dir);
      const annotations = github.stdout.split('\n').filter((line) => line.startsWith('::'));
      expect(annotations).toHaveLength(4);
      expect(annotations.filter((line) => line.includes('file=live.env')).every((line) => line.includes(`%0ASTS: LIVE as arn:aws:iam::${OURS}:user/ci/deploy-bot, checked`))).toBe(true);
      expect(annotations.filter((line) => line.includes('file=dead.env')).every((line) => line.includes('%0ASTS: invalid'))).toBe(true);
      noSecrets(sarif.stdout + github.stdout + github.stderr);
    });

    it('text: a line under each finding, and the short playbook names the user STS named and says LIVE', async () => {
      const dir = folder({ 'live.env': pair(scanKeys.live), 'dead.env': pair(scanKeys.dead), 'session.env': pair(scanKeys.session) });
      const result = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint], dir);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`\\n {12}STS: LIVE as arn:aws:iam::${OURS}:user/ci/deploy-bot, checked \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n`));
      expect(result.stdout).toContain('STS: invalid (AWS does not accept the key ID now), checked ');
      expect(result.stdout).toContain(`${scanKeys.live.id} is LIVE: AWS accepted it as arn:aws:iam::${OURS}:user/ci/deploy-bot`);
      expect(result.stdout).toContain(`aws iam update-access-key --user-name deploy-bot --access-key-id ${scanKeys.live.id} --status Inactive`);
      // STS did not name the dead key's owner: the placeholder stays.
      expect(result.stdout).toContain(`aws iam update-access-key --user-name OWNER --access-key-id ${scanKeys.dead.id} --status Inactive`);
      expect(result.stdout).not.toContain(`${scanKeys.dead.id} is LIVE`);
      expect(result.stdout).toContain(`${scanKeys.session.id}: IAM console → Roles → the role deployer → Revoke sessions`);
      noSecrets(result.stdout + result.stderr);
    });

    it('a hostile answer is escaped in the text report, the annotation and the advice, and shell-quoted in the command', async () => {
      const dir = folder({ 'h.env': pair(scanKeys.hostile) });
      const text = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint], dir);
      expect(text.status, text.stderr).toBe(1);
      expect(text.stdout + text.stderr).not.toContain('\u202e');
      expect(text.stdout).toContain("STS: LIVE as arn:aws:iam::111122223333:user/o'brien$(id)\\u202egnp.exe, checked");
      expect(text.stdout).toContain(`--user-name $'o\\'brien$(id)\\u202egnp.exe' --access-key-id ${scanKeys.hostile.id}`);
      const github = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint, '--format', 'github'], dir);
      expect(github.stdout).not.toContain('\u202e');
      expect(github.stdout).toContain("o'brien$(id)\\u202egnp.exe");
      // JSON is its own escape: the value as STS gave it.
      const json = await runCliAsync(['scan', '.', '--verify', '--sts-endpoint', endpoint, '--format', 'json'], dir);
      expect(JSON.parse(json.stdout).findings[0].verification.user).toBe(HOSTILE_USER);
    });

    it('--only-verified implies --verify and reports only live keys: exit 1 when one is live, 0 when none is', async () => {
      const mixed = folder({ 'live.env': pair(scanKeys.live), 'dead.env': pair(scanKeys.dead) });
      const json = await runCliAsync(['scan', '.', '--only-verified', '--sts-endpoint', endpoint, '--format', 'json'], mixed);
      expect(json.status, json.stderr).toBe(1);
      expect(JSON.parse(json.stdout).findings.map((f: any) => [f.file, f.kind, f.verification.status])).toEqual([
        ['live.env', 'access-key-id', 'live'],
        ['live.env', 'secret-access-key', 'live'],
      ]);
      expect(json.stderr).toContain('--only-verified: 2 findings left out (keys STS did not confirm live)');

      const dead = folder({ 'dead.env': pair(scanKeys.dead), 'lone.txt': `secret = "${fakes.secret()}"\n` });
      const none = await runCliAsync(['scan', '.', '--only-verified', '--sts-endpoint', endpoint], dead);
      expect(none.status, none.stderr).toBe(0);
      expect(none.stdout).toContain('No live AWS credentials found.');
      expect(none.stdout).toMatch(/\d+ findings left out by --only-verified: STS did not confirm their keys live\./);
      expect(none.stdout).not.toContain('What to do now');

      const help = await runCliAsync(['scan', '--help'], mixed);
      expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--only-verified .*implies --verify.*a filter for triage, not a gate/);
    });
  });

  it('rejects a bad --sts-endpoint or --verify-timeout in one line', async () => {
    for (const args of [['--sts-endpoint', 'not a url'], ['--sts-endpoint', 'ftp://127.0.0.1/'], ['--verify-timeout', '0'], ['--verify-timeout', 'soon']]) {
      const result = await runCliAsync(['remediate', '--report', 'report.json', '--verify', ...args], dir);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('verificationOf', () => {
  const checkedAt = '2026-01-02T03:04:05.000Z';
  it('keeps account, ARN and user (the IAM user or role name) from a live answer only, through the redactor', () => {
    const arn = `arn:aws:iam::${OURS}:user/path/SECRETLIKE`;
    const mask = (text: string) => text.replaceAll('SECRETLIKE', 'SECR****');
    expect(verificationOf({ status: 'live', detail: '', arn, account: OURS, checkedAt }, mask)).toEqual({
      status: 'live',
      account: OURS,
      arn: `arn:aws:iam::${OURS}:user/path/SECR****`,
      user: 'SECR****',
      checkedAt,
    });
    expect(verificationOf({ status: 'live', detail: '', arn: `arn:aws:sts::${OURS}:assumed-role/deployer/s1`, account: OURS, checkedAt }).user).toBe('deployer');
    expect(verificationOf({ status: 'live', detail: '', arn: `arn:aws:iam::${OURS}:root`, account: OURS, checkedAt }).user).toBeNull();
    expect(verificationOf({ status: 'secret-mismatch', detail: '', arn, account: OURS, checkedAt })).toEqual({ status: 'secret-mismatch', account: null, arn: null, user: null, checkedAt });
  });
});

describe('verifyPair without a server', () => {
  // The SDK's one-time notice about Node 20 support is noise here (the CLI runs above get the same variable).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  it('calls a refused connection "unknown", never "not live"', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const fakes = new Fakes(5);
    const result = await verifyPair({ accessKeyId: fakes.keyId('AKIA', OURS), secretAccessKey: fakes.secret() }, { endpoint: `http://127.0.0.1:${port}`, timeoutMs: 3000 });
    expect(result.status).toBe('unknown');
    expect(result.detail).toContain('could not reach STS');
  });

  it('classifies STS errors by code and status', () => {
    expect(classify({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } }).status).toBe('invalid');
    expect(classify({ name: 'ExpiredToken', $metadata: { httpStatusCode: 400 } }).status).toBe('expired');
    expect(classify({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } }).status).toBe('secret-mismatch');
    expect(classify({ name: 'Throttling', $metadata: { httpStatusCode: 400 } }).status).toBe('unknown');
    expect(classify({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 503 } }).status).toBe('unknown');
    expect(classify(new Error('socket hang up')).status).toBe('unknown');
  });
});

describe('signingRegionOf', () => {
  it('signs for the region of a regional STS endpoint, else us-east-1', () => {
    expect(signingRegionOf('https://sts.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(signingRegionOf('https://sts-fips.us-gov-west-1.amazonaws.com')).toBe('us-gov-west-1');
    expect(signingRegionOf('https://sts.cn-north-1.amazonaws.com.cn')).toBe('cn-north-1');
    expect(signingRegionOf('https://sts.amazonaws.com')).toBe('us-east-1');
    expect(signingRegionOf('http://127.0.0.1:8080')).toBe('us-east-1');
  });
});
