// Loading rules: patterns/*.json and config rules are validated at start-up; a bad file or regex names the
// file and the field; disableRules and entropy overrides apply; and a catastrophic regex is refused before it
// can hang a scan (compileRegex is also what user allow-regexes go through).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../src/config/types.js';
import { ConfigError } from '../src/errors.js';
import { scanText } from '../src/engine/scan.js';
import { loadBuiltinRules, loadRules, PATTERNS_DIR } from '../src/rules/load.js';
import { compileRegex, findCatastrophicForm, findPolynomialForm } from '../src/rules/regex.js';
import { ROOT } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId } from './support/fakes.js';
import { tempDir } from './support/repo.js';

const builtin = JSON.parse(readFileSync(path.join(PATTERNS_DIR, 'aws-access-key-id.json'), 'utf8'));
const config = (extra: Partial<Config> = {}): Config => ({ ...defaultConfig('/tmp'), source: '.keywarden.json', ...extra });

function patternsDir(files: Record<string, unknown>): string {
  const dir = path.join(tempDir(), 'patterns');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

function loadError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadRules', () => {
  it('finds patterns/ relative to the module and loads every rule once, compiled', async () => {
    expect(PATTERNS_DIR).toBe(path.join(ROOT, 'patterns'));
    const rules = loadRules(defaultConfig('/tmp'));
    const files = readdirSync(PATTERNS_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(rules.map((r) => `${r.id}.json`)).toEqual(files);
    expect(rules.map((r) => r.id)).toContain('aws-session-token');
    for (const rule of rules) {
      expect(rule.regex.flags).toContain('g');
      expect(rule.keywords.length).toBeGreaterThan(0);
    }
  });

  it('every built-in regex passes the backtracking analysis (start-up skips it for patterns/)', async () => {
    for (const name of readdirSync(PATTERNS_DIR)) {
      const raw = JSON.parse(readFileSync(path.join(PATTERNS_DIR, name), 'utf8'));
      expect(() => loadBuiltinRules(patternsDir({ [name]: raw }))).not.toThrow();
    }
  });

  it('names the file and the field of a bad rule', async () => {
    const bad = (patch: Record<string, unknown>) => loadError(() => loadBuiltinRules(patternsDir({ 'aws-access-key-id.json': { ...builtin, ...patch } })));
    expect(bad({ regex: '(AKIA[A-Z' })).toMatch(/^patterns\/aws-access-key-id\.json: regex: Invalid regular expression/);
    expect(bad({ regex: '(a+)+$' })).toMatch(/^patterns\/aws-access-key-id\.json: regex: unsafe regular expression/);
    expect(bad({ keywords: [] })).toBe('patterns/aws-access-key-id.json: keywords: at least one keyword is needed (the prefilter skips text without any)');
    expect(bad({ entropy: 'high' })).toBe('patterns/aws-access-key-id.json: entropy: must be a number from 0 to 8');
    expect(bad({ secretGroup: 3 })).toBe('patterns/aws-access-key-id.json: secretGroup: the regex has only 1 capture group(s)');
    expect(bad({ decoders: ['rot13'] })).toMatch(/^patterns\/aws-access-key-id\.json: decoders\[0\]: unknown decoder "rot13"/);
    expect(bad({ colour: 'red' })).toBe('patterns/aws-access-key-id.json: colour: unknown field');
    expect(bad({ examples: { match: ['x'], noMatch: [{ text: 'y' }] } })).toBe('patterns/aws-access-key-id.json: examples.noMatch[0].reason: must be a non-empty string');
    expect(bad({ id: 'other-id' })).toMatch(/^patterns\/aws-access-key-id\.json: id: must equal the file name/);
    expect(bad({ allowlist: { regexes: [{ regex: '(x|x)*y', reason: 'r' }] } })).toMatch(/^patterns\/aws-access-key-id\.json: allowlist\.regexes\[0\]\.regex: unsafe/);
    expect(loadError(() => loadBuiltinRules(patternsDir({ 'broken.json': '{ "id": ' })))).toMatch(/^patterns\/broken\.json: invalid JSON: /);
  });

  it('adds config rules, applies disableRules and entropy overrides, and rejects unknown ids', async () => {
    const custom = { ...builtin, id: 'corp-key', kind: 'corp-key', regex: '\\bCORP[0-9A-Z]{12}\\b', secretGroup: 0, keywords: ['CORP'], allowlist: undefined, decoders: [], starts: undefined };
    const rules = loadRules(config({ rules: [custom], disableRules: ['aws-session-token'], entropy: { 'aws-access-key-id': 1.5 } }));
    const ids = rules.map((r) => r.id);
    expect(ids).not.toContain('aws-session-token');
    expect(ids).toContain('aws-access-key-id');
    expect(ids.at(-1)).toBe('corp-key');
    expect(rules.find((r) => r.id === 'aws-access-key-id')!.entropy).toBe(1.5);
    expect(scanText('token CORP7X2Q9Z4K5M1N', rules).map((c) => c.ruleId)).toEqual(['corp-key']);
    expect(loadError(() => loadRules(config({ rules: [{ ...custom, regex: '([A-Z]*)*!' }] })))).toMatch(/^\.keywarden\.json: rules\[0\]: regex: unsafe regular expression/);
    expect(loadError(() => loadRules(config({ rules: [{ ...builtin }] })))).toBe('.keywarden.json: rules[0]: id: "aws-access-key-id" is already defined by another rule');
    expect(loadError(() => loadRules(config({ disableRules: ['aws-nope'] })))).toBe('.keywarden.json: disableRules: unknown rule id "aws-nope"');
    expect(loadError(() => loadRules(config({ entropy: { 'aws-nope': 3 } })))).toBe('.keywarden.json: entropy: unknown rule id "aws-nope"');
    expect(loadError(() => loadRules(config({ allowSecrets: [{ value: 'x', ruleId: 'aws-nope' }] })))).toBe('.keywarden.json: allow.rules.aws-nope: unknown rule id');
    expect(loadRules(config({ allowRegexes: [{ regex: 'x', ruleId: 'aws-secret-access-key' }] })).length).toBe(loadRules(config({})).length);
  });

  it('an entropy override changes what is reported', async () => {
    const key = fakeKeyId();
    expect(scanText(key, loadRules(config({ entropy: { 'aws-access-key-id': 7 } })))).toEqual([]);
  });

  it('the CLI exits 2 with one line naming the file and field of a broken patterns/ file', async () => {
    // A copy of the built package whose patterns/ holds one broken rule.
    const copy = tempDir('keywarden-package-');
    cpSync(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    cpSync(PATTERNS_DIR, path.join(copy, 'patterns'), { recursive: true });
    const file = path.join(copy, 'patterns', 'aws-secret-access-key.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[A-Za-z0-9/+]{40}', '[A-Za-z0-9/+{40}'));
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
    const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'keywarden.js'), 'scan', '.'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/patterns\/aws-secret-access-key\.json: regex: Invalid regular expression/);
  });

  it('the CLI exits 2 with one line for a bad custom rule in the config', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.keywarden.json'), JSON.stringify({ rules: [{ ...builtin, id: 'mine', regex: '(\\w+\\s?)*$' }] }));
    writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
    const result = await runKeywarden(['scan', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/rules\[0\]: regex: unsafe regular expression/);
  });
});

describe('compileRegex', () => {
  it('compiles safe regexes, including the rules\' own name separators and delimited repetitions', async () => {
    for (const source of ['AKIA[A-Z2-7]{16}', '(?:\\.\\w+)+$', '(?:<[^>]*>)*x', '^[a-z0-9-]+\\.example\\.com$', '(?:ab){4}', 'a+b+c+', '(?:[ \\t]|-)*=', '\\bfoo(?:bar|baz)*\\b']) {
      expect(compileRegex(source, '', 'test').source).toBe(source);
    }
  });

  it('refuses nested quantifiers and overlapping alternatives under a quantifier', async () => {
    for (const source of ['(a+)+$', '(a*)*', '(a|a)*', '(a|ab)*c', '(\\w|\\d)+$', '(?:\\w+\\s?)*$', '([a-z]+)*@', '(x{1,5})+y', '(?:a|[a-c])+$', '((ab)*)+$', '(?:.*a){3}(?:b+)+']) {
      expect(findCatastrophicForm(source), source).not.toBeNull();
      expect(() => compileRegex(source, '', 'allow.regexes[0]')).toThrow(ConfigError);
    }
    expect(() => compileRegex('(A|a)+$', 'i', 'w')).toThrow(/unsafe/);
  });

  it('refuses polynomial forms in rule regexes (they run over 64 KB windows), not in short-input regexes', async () => {
    for (const source of ['\\w+\\s*\\w+x', 'a+a+b', '(?:a+)(?:a+)b', '\\w+a\\w+x', '[A-Z0-9]{0,500}[A-Z]{0,500}!']) {
      expect(findPolynomialForm(source), source).not.toBeNull();
      expect(() => compileRegex(source, '', 'rules[0].regex', { linear: true })).toThrow(/two unbounded repetitions/);
      expect(compileRegex(source, '', 'allow.regexes[0]').source).toBe(source);
    }
    for (const source of ['\\w+=\\w+', '.*test.*', 'x\\s*=\\s*\\S+', '[a-z]+[0-9]+[a-z]+', '[A-Za-z0-9/+]{100,}={0,2}']) {
      expect(findPolynomialForm(source), source).toBeNull();
    }
    const custom = { ...builtin, id: 'slow', regex: '\\w+\\s*\\w+x' };
    expect(loadError(() => loadRules(config({ rules: [custom] })))).toMatch(/^\.keywarden\.json: rules\[0\]: regex: unsafe regular expression .*two unbounded repetitions/);
  });

  it('reports invalid regexes with the location prefix', async () => {
    expect(() => compileRegex('[z-a]', '', '.keywarden.json: allow.regexes[2]')).toThrow(/^\.keywarden\.json: allow\.regexes\[2\]: Invalid regular expression/);
  });

  it('the refused forms really are catastrophic for V8 (why the check exists)', async () => {
    const started = performance.now();
    /^(a+)+$/.test('a'.repeat(22) + 'b');
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
