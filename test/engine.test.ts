// The engine's contract (src/types.ts Candidate): positions point at the secret, CRLF reads like LF, decoded
// views keep positions in the original text, the byte prefilter skips keyword-free data without decoding,
// and hard inputs (a 5 MB single line, a 50 MB file, pathological runs) scan in bounded time.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { detectChunk } from '../src/detect/detect.js';
import { createPrefilter } from '../src/engine/prefilter.js';
import { scanText } from '../src/engine/scan.js';
import { loadRules } from '../src/rules/load.js';
import { fakeSecretWithSymbols } from './support/rules-examples.js';
import { fakeKeyId, fakeSessionToken } from './support/fakes.js';

const rules = loadRules(defaultConfig(process.cwd()));

describe('positions', () => {
  it('reports 1-based line/column at the secret, endColumn exclusive, the same for LF and CRLF', () => {
    const key = fakeKeyId();
    const secret = fakeSecretWithSymbols();
    const lf = `first line\n\n  aws_access_key_id = ${key}\n\taws_secret_access_key = "${secret}"\n`;
    const crlf = lf.replaceAll('\n', '\r\n');
    const strip = (text: string) => scanText(text, rules).map(({ entropy: _e, ...c }) => c);
    const found = strip(lf);
    expect(found).toEqual(strip(crlf));
    expect(found).toEqual([
      { ruleId: 'aws-access-key-id', kind: 'access-key-id', line: 3, column: 23, endLine: 3, endColumn: 43, secret: key, confidence: 'high', keyId: null },
      { ruleId: 'aws-secret-access-key', kind: 'secret-access-key', line: 4, column: 27, endLine: 4, endColumn: 67, secret, confidence: 'high', keyId: key },
    ]);
  });

  it('spans a split value across lines (endLine > line)', () => {
    const secret = fakeSecretWithSymbols();
    const text = `aws_secret = "${secret.slice(0, 25)}" +\n  "${secret.slice(25)}"`;
    const [found] = scanText(text, rules);
    expect(found).toMatchObject({ secret, line: 1, column: 15, endLine: 2, endColumn: 4 + secret.length - 25 });
  });

  it('reports each secret once even when several views see it', () => {
    const secret = fakeSecretWithSymbols();
    const found = scanText(`"aws_secret_access_key": "${secret}", "x": "a%20b\\n"`, rules);
    expect(found).toHaveLength(1);
  });
});

describe('detectChunk', () => {
  it('decodes UTF-16 with BOM and UTF-8 with BOM', () => {
    const key = fakeKeyId();
    const text = `aws_access_key_id=${key}\r\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const data of [utf16, utf8bom]) {
      const result = detectChunk({ path: 'x', data }, rules);
      expect(result.candidates.map((c) => [c.secret, c.line, c.column])).toEqual([[key, 1, 19]]);
    }
  });

  it('scans the text inside binary data: a key after NUL bytes is found', () => {
    const key = fakeKeyId();
    const data = Buffer.concat([Buffer.from([0, 1, 2, 3, 0, 0, 255]), Buffer.from(`\naws_access_key_id = ${key}\n`), Buffer.from([0, 0, 7])]);
    const result = detectChunk({ path: 'bin', data }, rules);
    expect(result.skipped).toBeUndefined();
    expect(result.candidates.map((c) => [c.secret, c.line])).toEqual([[key, 2]]);
  });

  it('prefilter: false for keyword-free bytes, true when any keyword occurs or the data may be UTF-16', () => {
    const prefilter = createPrefilter(rules);
    expect(prefilter(Buffer.from('function add(a, b) { return a + b; }\n'.repeat(1000)))).toBe(false);
    expect(prefilter(Buffer.from('x = 1\nregion: us-east-1 # AWS\n'))).toBe(true);
    expect(prefilter(Buffer.from(`id ${fakeKeyId()}`))).toBe(true);
    expect(prefilter(Buffer.from('secretAccessKey: s'))).toBe(true);
    expect(prefilter(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello', 'utf16le')]))).toBe(true);
    expect(createPrefilter([])(Buffer.from('AKIA'))).toBe(false);
  });
});

describe('hard inputs', () => {
  it('scans a 5 MB single minified line with many keyword hits in bounded time and finds the key at the end', () => {
    const key = fakeKeyId();
    const chunk = 'var a=AWS.config,b="aws-sdk",c=function(e){return e.secretAccessKey},d="QmFzZTY0IGJsb2IgZGF0YQ==";';
    const line = chunk.repeat(Math.ceil(5_000_000 / chunk.length));
    const text = `${line}k="${key}";`;
    const started = performance.now();
    const found = scanText(text, rules);
    const elapsed = performance.now() - started;
    expect(found.map((c) => [c.secret, c.line, c.column])).toEqual([[key, 1, line.length + 4]]);
    expect(elapsed).toBeLessThan(8000);
  });

  it('scans a 50 MB file with keywords on every few lines in bounded time', () => {
    const block = 'const region = process.env.AWS_REGION;\nconst url = "https://example.com/a%20b";\nfunction f(x) { return x * 2; }\n// plain text line with nothing in it\n';
    const text = block.repeat(Math.ceil(50_000_000 / block.length));
    const key = fakeKeyId();
    const started = performance.now();
    const found = scanText(`${text}id=${key}\n`, rules);
    const elapsed = performance.now() - started;
    expect(found.map((c) => c.secret)).toEqual([key]);
    expect(elapsed).toBeLessThan(20000);
  });

  it('does not backtrack on long runs of key-like characters next to names', () => {
    const runs = ['A'.repeat(200_000), 'Ab1/'.repeat(100_000), `aws_secret_access_key=${'a1'.repeat(300_000)}`, `AKIA${'2'.repeat(500_000)}`];
    for (const run of runs) {
      const started = performance.now();
      scanText(`aws_session_token = ${run}\nAWS_SECRET=${run}`, rules);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('finds a session token and its ASIA key far apart on one long line (within the pairing distance)', () => {
    const asia = fakeKeyId('ASIA');
    const token = fakeSessionToken(900);
    const found = scanText(`{"AccessKeyId":"${asia}","SecretAccessKey":"${fakeSecretWithSymbols()}","SessionToken":"${token}"}`, rules);
    expect(found.find((c) => c.kind === 'session-token')).toMatchObject({ secret: token, keyId: asia });
  });
});

describe('window edges', () => {
  it('never reports a piece of a long base64 run cut by a window edge, even with AWS words around', () => {
    const blob = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251)).toString('base64');
    const asia = fakeKeyId('ASIA');
    // keywords inside and around the blob put window edges in the middle of it
    const text = `var aws_session_token=x,k="${asia}",d="${blob.slice(0, 90_000)}aws${blob.slice(90_000)}";secretAccessKey:e.s,AWS_SECRET=y;`;
    expect(scanText(text, rules).map((c) => c.kind)).toEqual(['access-key-id']);
  });
});

describe('prefilter exactness', () => {
  it('says yes exactly when some keyword occurs, wherever it sits (start, end, across UTF-8)', () => {
    const prefilter = createPrefilter(rules);
    const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
    const filler = 'const x = 1; // αβγ — données\n';
    for (const keyword of keywords) {
      for (const at of ['start', 'middle', 'end'] as const) {
        const body = filler.repeat(50);
        const text = at === 'start' ? keyword + body : at === 'end' ? body + keyword : body.slice(0, 700) + keyword + body.slice(700);
        expect(prefilter(Buffer.from(text)), `${keyword} at ${at}`).toBe(true);
      }
      // a keyword broken by one character is not a keyword
      const broken = keyword.slice(0, 1) + ' ' + keyword.slice(1);
      expect(prefilter(Buffer.from(filler + broken + filler)), broken).toBe(keywords.some((k) => broken.includes(k)));
    }
  });

  it('stays exact where anchor bytes are dense (a source map full of A, w, _ takes the fallback path)', () => {
    const prefilter = createPrefilter(rules);
    const mappings = 'AAAA,SAASA,CAAC;AACD,wBAAwB,A_A_A,'.repeat(20_000);
    expect(prefilter(Buffer.from(`{"mappings":"${mappings}"}`))).toBe(false);
    expect(prefilter(Buffer.from(`{"mappings":"${mappings}","k":"AKIA"}`))).toBe(true);
    expect(prefilter(Buffer.from(`{"k":"secretAccessKey","mappings":"${mappings}"}`))).toBe(true);
  });
});

describe('near evidence', () => {
  // Random secrets hold "aws" in some case about once in 600: a generic name must not take the value's own
  // letters as the AWS evidence it asks for nearby (this made rule examples fail now and then).
  it('is looked for around a value, never inside it', () => {
    const base = fakeSecretWithSymbols();
    const secret = `${base.slice(0, 10)}7aWS${base.slice(14)}`;
    const found = (text: string) => scanText(text, rules).some((candidate) => candidate.secret === secret);
    expect(found(`secret_key = "${secret}"\n`)).toBe(false);
    expect(found(`config = {\n  secret_key: "${secret}",\n}\n`)).toBe(false);
    // The same value with real evidence on the next line is reported, so the value itself is scannable.
    expect(found(`secret_key = "${secret}"\n# for the aws client\n`)).toBe(true);
  });
});
