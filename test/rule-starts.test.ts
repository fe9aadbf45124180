// A rule's `starts` (patterns/*.json) is a promise about its regex: every match starts right at one of the
// literals, or at the start of a run of key characters that long. The engine tries the regex only there
// (src/engine/starts.ts), so a wrong promise would hide keys. Each rule's promise is checked here against the
// regex itself, on its own examples and on random text made of the pieces its boundaries are about.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { base64Tokens } from '../src/engine/nested.js';
import { eachMatch } from '../src/engine/starts.js';
import { loadRules } from '../src/rules/load.js';
import { compileRule } from '../src/rules/validate.js';
import type { Rule } from '../src/rules/types.js';
import { seeded } from './support/random.js';
import { expandExample } from './support/rules-examples.js';

const rules = loadRules(defaultConfig(process.cwd()));

/** Every match of the regex, tried at every position (what eachMatch must agree with). */
function everyMatch(text: string, rule: Rule): string[] {
  const out: string[] = [];
  const regex = new RegExp(rule.regex.source, rule.regex.flags);
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    else out.push(`${m.index}:${m[0]}`);
  }
  return out;
}

function anchored(text: string, rule: Rule): string[] {
  const out: string[] = [];
  eachMatch(text, rule, (m) => out.push(`${m.index}:${m[0]}`));
  return out;
}

const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The characters and encodings the rules' boundaries are about, and pieces of their literals. */
const PIECES = [' ', '\n', '.', '_', '-', '%', '%2F', '%3D', '%41', '=', '==', '"', "'", ':', ',', '\\', '@', '\uFEFF', 'AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T', 'A3TX', 'APKA', 'ABSK', 'da2-', 'B', 'bedrock-api-key-', 'YmVkcm9jay5hbWF6b25hd3MuY29t', '-at-', '123456789012', '-----BEGIN PRIVATE KEY-----\n', '\n-----END PRIVATE KEY-----', 'User name,Password,', 'Console login link\r\n', 'user@x,'];

function randomText(next: () => number): string {
  let text = '';
  while (text.length < 600) {
    if (next() < 0.5) {
      // A run of key characters of a length near the rules' own (16, 20, 40, 44, 100…), sometimes upper-case only.
      const lengths = [4, 12, 16, 19, 20, 21, 26, 39, 40, 41, 43, 44, 45, 52, 80, 99, 100, 101, 130];
      const length = lengths[Math.floor(next() * lengths.length)];
      const alphabet = next() < 0.3 ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567' : next() < 0.2 ? 'abcdefghijklmnopqrstuvwxyz0123456789' : KEY;
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    } else {
      text += PIECES[Math.floor(next() * PIECES.length)];
    }
  }
  return text;
}

describe('rule starts', () => {
  const declaring = rules.filter((rule) => rule.starts !== null);

  it('is declared by every built-in rule whose matches start at a literal or a run (the engine\'s fast path)', () => {
    expect(declaring.map((rule) => rule.id).sort()).toEqual(rules.filter((rule) => rule.id !== 'aws-iam-service-user-name').map((rule) => rule.id).sort());
  });

  it.each(declaring.map((rule) => [rule.id, rule] as const))('%s: the anchored search finds exactly what the regex finds', (_id, rule) => {
    const texts: string[] = [];
    for (const example of [...rule.examples.match, ...rule.examples.noMatch]) texts.push(...expandExample(example.text).texts);
    const next = seeded(rule.id.length * 7919);
    for (let i = 0; i < 400; i++) texts.push(randomText(next));
    let matched = 0;
    for (const text of texts) {
      const expected = everyMatch(text, rule);
      matched += expected.length;
      expect(anchored(text, rule), JSON.stringify(text)).toEqual(expected);
    }
    // The texts reach the regex: a promise checked only where the regex never matches proves nothing.
    expect(matched).toBeGreaterThan(0);
  });

  it('base64 tokens are found at runs just as a search at every character finds them', () => {
    const every = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=_-])/g;
    const next = seeded(16);
    let found = 0;
    for (let i = 0; i < 300; i++) {
      // Text that decodes: base64 of printable words, among the pieces above.
      let text = randomText(next);
      const at = Math.floor(next() * text.length);
      text = `${text.slice(0, at)} ${Buffer.from(`aws_secret_access_key=${randomText(next).slice(0, 20 + Math.floor(next() * 40))}`.replace(/[^\x20-\x7e]/g, 'x')).toString('base64')} ${text.slice(at)}`;
      // What nested.ts keeps of a match: padded length, and bytes that are printable text (12 or more).
      const printable = (token: string) => {
        const bytes = Buffer.from(token, 'base64');
        return token.length % 4 === 0 && bytes.length >= 12 && bytes.every((byte) => (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13);
      };
      const expected = [...text.matchAll(every)].filter((m) => printable(m[0])).map((m) => m.index);
      const tokens = base64Tokens(text, 16384).filter((token) => !/[-_]/.test(token.text) && token.text.length % 4 === 0).map((token) => token.index);
      expect(tokens, JSON.stringify(text)).toEqual(expected);
      found += tokens.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('base64 tokens read off the runs by hand are what the token regex at each run gave, padding and edges included', () => {
    // nested.ts before: the regex tried sticky at each run, then the length checks and a decode of every match.
    const TOKEN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=_-])/y;
    const reference = (text: string) => {
      const tokens: Array<{ index: number; text: string; decoded: string }> = [];
      for (const m of text.matchAll(/[A-Za-z0-9+/]{16,}/g)) {
        TOKEN.lastIndex = m.index;
        const token = TOKEN.exec(text)?.[0];
        if (token === undefined || token.length > 64 || token.length % 4 !== 0) continue;
        const bytes = Buffer.from(token, 'base64');
        if (bytes.length < 12 || !bytes.every((byte) => (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13)) continue;
        tokens.push({ index: m.index, text: token, decoded: bytes.toString('latin1') });
      }
      return tokens;
    };
    const next = seeded(64);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const printable = () => Buffer.from('aws_secret_access_key = abcdefghij'.slice(0, 12 + Math.floor(next() * 40))).toString('base64');
    const random = () => Buffer.from(Array.from({ length: 12 + Math.floor(next() * 40) }, () => Math.floor(next() * 256))).toString('base64');
    let kept = 0;
    for (let i = 0; i < 2000; i++) {
      const parts: string[] = [];
      for (let k = 0; k < 12; k++) parts.push(pick([printable, random, () => pick(['=', '==', '===', '_', '-', ' ', '\n', 'x', 'A', '+/', '.'])])());
      const text = parts.join('');
      const expected = reference(text);
      kept += expected.length;
      expect(base64Tokens(text, 64).filter((token) => !/[-_]/.test(token.text) && token.text.length % 4 === 0), JSON.stringify(text)).toEqual(expected);
    }
    expect(kept).toBeGreaterThan(500);
  });

  it('a wrong promise is caught: a secret-key rule claiming runs of 41 misses the 40-character keys', () => {
    const rule = rules.find((r) => r.id === 'aws-secret-access-key')!;
    const wrong = { ...rule, starts: { run: 41 } };
    const text = `key = "${'aB3+'.repeat(10)}"`;
    expect(everyMatch(text, wrong)).toHaveLength(1);
    expect(anchored(text, wrong)).toEqual([]);
  });

  it('refuses starts with both fields, neither, an empty literal, or literals under the i flag', () => {
    const base = { id: 'corp-key', kind: 'corp', description: 'x', regex: 'CORP[0-9]{8}', keywords: ['CORP'], examples: { match: [{ text: 'CORP12345678', secret: 'CORP12345678' }], noMatch: [] } };
    const compile = (extra: object) => () => compileRule({ ...base, ...extra }, 'test', false);
    expect(compile({ starts: { with: ['CORP'] } })).not.toThrow();
    expect(compile({ starts: { with: ['CORP'], run: 4 } })).toThrow(/starts\.with/);
    expect(compile({ starts: {} })).toThrow(/starts\.with/);
    expect(compile({ starts: { with: [''] } })).toThrow(/starts\.with/);
    expect(compile({ starts: { with: ['CORP'] }, flags: 'i' })).toThrow(/starts\.with/);
    expect(compile({ starts: { run: 0 } })).toThrow(/starts\.run/);
  });
});
