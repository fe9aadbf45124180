// `keywarden scan PATH…` on real files: encodings, line endings, binaries, huge files, odd names, stdin,
// --output, the JSON contract. Keys are generated per run; nothing here is a real credential.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import { tempDir } from './support/repo.js';

function envFile(keyId: string, secret: string, eol = '\n'): string {
  return ['# deploy settings', `AWS_ACCESS_KEY_ID=${keyId}`, `AWS_SECRET_ACCESS_KEY=${secret}`, 'REGION=eu-west-1', ''].join(eol);
}

function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
  return bom ? Buffer.concat([mark, body]) : body;
}

describe('scan files', () => {
  const keyId = fakeKeyId();
  const secret = fakeSecret();
  let dir: string;

  beforeAll(() => {
    dir = tempDir();
  });

  it('reports exact 1-based line and column for LF and CRLF alike', async () => {
    writeFileSync(path.join(dir, 'lf.env'), envFile(keyId, secret));
    writeFileSync(path.join(dir, 'crlf.env'), envFile(keyId, secret, '\r\n'));
    const result = await runKeywarden(['scan', '--format', 'json', 'lf.env', 'crlf.env'], { cwd: dir });
    expect(result.status).toBe(1);
    const report = jsonReport(result);
    const positions = (file: string) =>
      report.findings.filter((f: any) => f.file === file).map((f: any) => [f.kind, f.line, f.column, f.endLine, f.endColumn]);
    const expected = [
      ['access-key-id', 2, 19, 2, 39],
      ['secret-access-key', 3, 23, 3, 63],
    ];
    expect(positions('lf.env')).toEqual(expected);
    expect(positions('crlf.env')).toEqual(expected);
  });

  it('decodes UTF-8 with BOM, UTF-16 LE/BE with BOM and UTF-16 LE without BOM', async () => {
    const sub = path.join(dir, 'encodings');
    mkdirSync(sub);
    const text = envFile(keyId, secret, '\r\n');
    writeFileSync(path.join(sub, 'bom8.env'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(path.join(sub, 'le.env'), utf16(text, 'le'));
    writeFileSync(path.join(sub, 'be.env'), utf16(text, 'be'));
    writeFileSync(path.join(sub, 'le-nobom.env'), utf16(text, 'le', false));
    const report = jsonReport(await runKeywarden(['scan', '--format', 'json', 'encodings'], { cwd: dir }));
    for (const file of ['bom8.env', 'le.env', 'be.env', 'le-nobom.env']) {
      const found = report.findings.filter((f: any) => f.file === `encodings/${file}`);
      expect(found.map((f: any) => [f.kind, f.line, f.column]), file).toEqual([
        ['access-key-id', 2, 19],
        ['secret-access-key', 3, 23],
      ]);
    }
  });

  it('scans the text inside binary files (one NUL byte hides nothing), as well as the text files beside them', async () => {
    const sub = path.join(dir, 'binary');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0, 255]), Buffer.from(envFile(keyId, secret))]));
    writeFileSync(path.join(sub, 'text.env'), envFile(keyId, secret));
    const quiet = await runKeywarden(['scan', '--format', 'json', 'binary'], { cwd: dir });
    expect(jsonReport(quiet).findings.map((f: any) => f.file)).toEqual(['binary/blob.bin', 'binary/blob.bin', 'binary/text.env', 'binary/text.env']);
    expect(quiet.stderr).not.toContain('skipped');
  });

  it('finds keys in file names with spaces, quotes and unicode, and reports them with /', async () => {
    const names = ['with space/my creds.env', "quote'd/\"x\".env", 'ünïcödé/日本語.env'];
    const sub = path.join(dir, 'names');
    for (const name of names) {
      mkdirSync(path.dirname(path.join(sub, name)), { recursive: true });
      writeFileSync(path.join(sub, name), envFile(keyId, secret));
    }
    const report = jsonReport(await runKeywarden(['scan', '--format', 'json', 'names'], { cwd: dir }));
    const files = [...new Set(report.findings.map((f: any) => f.file))].sort();
    expect(files).toEqual(names.map((n) => `names/${n}`).sort());
  });

  it('skips a 50 MB file over the default limit with a note, and scans it when the limit allows', async () => {
    const sub = path.join(dir, 'huge');
    mkdirSync(sub);
    const filler = Buffer.alloc(50 * 1024 * 1024, 'lorem ipsum dolor sit amet, consectetur adipiscing elit\n');
    const tail = Buffer.from(envFile(keyId, secret));
    writeFileSync(path.join(sub, 'big.log'), Buffer.concat([filler, tail]));
    const skipped = await runKeywarden(['scan', '--verbose', '--format', 'json', 'huge'], { cwd: dir });
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toMatch(/skipped huge\/big\.log: \d+ bytes is over the 10485760-byte limit/);
    const scanned = await runKeywarden(['scan', '--max-file-size', '64MB', '--format', 'json', 'huge'], { cwd: dir });
    expect(scanned.status).toBe(1);
    const lines = filler.toString('latin1').split('\n').length;
    expect(jsonReport(scanned).findings.map((f: any) => f.line)).toEqual([lines + 1, lines + 2]);
  });

  it('scans a 5 MB single minified line in bounded time and finds the key at its column', async () => {
    const sub = path.join(dir, 'minified');
    mkdirSync(sub);
    const chunk = 'var a=function(b){return b.map(function(c){return c*2})};';
    const head = chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length));
    const line = `${head}var cfg={accessKeyId:"${keyId}",secretAccessKey:"${secret}"};${chunk}`;
    writeFileSync(path.join(sub, 'bundle.min.js'), line);
    const started = Date.now();
    const report = jsonReport(await runKeywarden(['scan', '--format', 'json', 'minified'], { cwd: dir }));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(report.findings.map((f: any) => [f.kind, f.line, f.column])).toEqual([
      ['access-key-id', 1, head.length + 'var cfg={accessKeyId:"'.length + 1],
      ['secret-access-key', 1, head.length + `var cfg={accessKeyId:"${keyId}",secretAccessKey:"`.length + 1],
    ]);
  });

  it('skips .git/ and node_modules/ unless --no-default-ignores', async () => {
    const sub = path.join(dir, 'ignores');
    mkdirSync(path.join(sub, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(sub, 'node_modules', 'pkg', 'creds.env'), envFile(keyId, secret));
    const skipped = await runKeywarden(['scan', '--format', 'json', 'ignores'], { cwd: dir });
    expect(jsonReport(skipped).findings).toEqual([]);
    const all = await runKeywarden(['scan', '--no-default-ignores', '--format', 'json', 'ignores'], { cwd: dir });
    expect(jsonReport(all).findings).toHaveLength(2);
  });

  it('scans standard input under --stdin-name', async () => {
    const result = await runKeywarden(['scan', '--stdin', '--stdin-name', 'pasted.env', '--format', 'json'], { cwd: dir, input: envFile(keyId, secret) });
    expect(result.status).toBe(1);
    const report = jsonReport(result);
    expect(report.scan.mode).toBe('stdin');
    expect(report.findings.map((f: any) => f.file)).toEqual(['pasted.env', 'pasted.env']);
  });

  it('writes the report to --output and prints nothing on stdout', async () => {
    writeFileSync(path.join(dir, 'out.env'), envFile(keyId, secret));
    const result = await runKeywarden(['scan', 'out.env', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).findings).toHaveLength(2);
    const bad = await runKeywarden(['scan', 'out.env', '--output', 'no/such/dir/r.json'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('redacts secret keys in text and JSON unless --no-redact, and never redacts key IDs', async () => {
    writeFileSync(path.join(dir, 'redact.env'), envFile(keyId, secret));
    const text = await runKeywarden(['scan', 'redact.env'], { cwd: dir });
    expect(text.stdout).toContain(keyId);
    expect(text.stdout).not.toContain(secret);
    expect(text.stdout).toContain('keywarden remediate');
    const json = await runKeywarden(['scan', 'redact.env', '--format', 'json'], { cwd: dir });
    expect(json.stdout).not.toContain(secret);
    const whole = await runKeywarden(['scan', 'redact.env', '--format', 'json', '--no-redact'], { cwd: dir });
    expect(jsonReport(whole).findings.map((f: any) => f.secret)).toEqual([keyId, secret]);
  });

  it('follows the version-1 JSON contract exactly', async () => {
    writeFileSync(path.join(dir, 'contract.env'), envFile(keyId, secret));
    const report = jsonReport(await runKeywarden(['scan', 'contract.env', '--format', 'json'], { cwd: dir }));
    expect(Object.keys(report)).toEqual(['version', 'tool', 'scan', 'findings']);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'keywarden', version: expect.any(String) });
    expect(Object.keys(report.scan)).toEqual(['mode', 'target', 'durationMs', 'bytes', 'files', 'commits']);
    expect(report.scan).toMatchObject({ mode: 'files', target: 'contract.env', files: 1, commits: 0 });
    const fields = ['ruleId', 'kind', 'file', 'line', 'column', 'endLine', 'endColumn', 'secret', 'fingerprint', 'entropy', 'confidence', 'keyId', 'accountId', 'commit'];
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual(fields);
      expect(finding.commit).toBeNull();
      expect(['high', 'medium', 'low']).toContain(finding.confidence);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    const [id, key] = report.findings;
    expect(id).toMatchObject({ kind: 'access-key-id', secret: keyId, keyId: null });
    expect(key).toMatchObject({ kind: 'secret-access-key', keyId });
    // Fingerprints are stable across runs (and machines: they hash only rule, path and secret).
    const again = jsonReport(await runKeywarden(['scan', 'contract.env', '--format', 'json'], { cwd: dir }));
    expect(again.findings.map((f: any) => f.fingerprint)).toEqual(report.findings.map((f: any) => f.fingerprint));
  });
});
