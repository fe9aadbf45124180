// Finding and validating the configuration with the real CLI: where it is looked for, what is refused (code,
// unknown keys, wrong types, bad and catastrophic regexes, prototype tricks), and that every refusal is one
// line naming the file and the field, with exit 2. The behaviour of each setting is in config-settings.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliResult } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { Repo, tempDir } from './support/repo.js';

function write(dir: string, file: string, content: string | object): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return full;
}

/** The CLI with a hard time limit, for inputs that could hang a naive implementation. */
function runBounded(args: string[], cwd: string, seconds = 20): CliResult & { ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: seconds * 1000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

function expectConfigError(result: CliResult, pattern: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^keywarden: /);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/\n\s+at /);
}

/** A folder that is its own repository root, so the search never wanders into the machine's folders. */
function project(): string {
  const dir = tempDir('keywarden-config-');
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('finding the configuration', () => {
  it('uses the nearest .keywarden.json walking up from the working directory', async () => {
    const dir = project();
    write(dir, '.keywarden.json', { ignorePaths: 'not-an-array' });
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    expectConfigError(await runKeywarden(['scan'], { cwd: path.join(dir, 'a', 'b') }), /^keywarden: \.\.\/\.\.\/\.keywarden\.json: ignorePaths: expected an array of strings/);
    // A nearer one wins over the one above.
    write(dir, 'a/.keywarden.json', { maxFileSize: 0 });
    expectConfigError(await runKeywarden(['scan'], { cwd: path.join(dir, 'a', 'b') }), /^keywarden: \.\.\/\.keywarden\.json: maxFileSize: /);
  });

  it('stops at the repository root', async () => {
    const outer = tempDir('keywarden-config-');
    write(outer, '.keywarden.json', '{ broken');
    const repo = path.join(outer, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    writeFileSync(path.join(repo, 'clean.txt'), 'nothing here\n');
    const result = await runKeywarden(['scan'], { cwd: repo });
    expect(result.stderr).toBe('keywarden: 1 folder skipped (.git, node_modules); --verbose lists them and why\n');
    expect(result.status).toBe(0);
    // Outside the repository the broken file is found, which shows the walk would otherwise have reached it.
    expectConfigError(await runKeywarden(['scan', repo], { cwd: outer }), /\.keywarden\.json: invalid JSON/);
  });

  it('reads the "keywarden" key of the nearest package.json, and skips a package.json without one', async () => {
    const dir = project();
    write(dir, 'package.json', { name: 'x', keywarden: { accounts: ['12345'] } });
    write(dir, 'pkg/package.json', { name: 'inner', dependencies: { keywarden: '^1.0.0' } });
    expectConfigError(await runKeywarden(['scan'], { cwd: path.join(dir, 'pkg') }), /^keywarden: \.\.\/package\.json: keywarden\.accounts\[0\]: an AWS account ID is 12 digits, got '12345'$/);
    write(dir, 'package.json', { name: 'x', keywarden: { allow: { regexes: ['(a+)+$'] } } });
    expectConfigError(await runKeywarden(['scan'], { cwd: dir }), /^keywarden: package\.json: keywarden\.allow\.regexes\[0\]: unsafe regular expression/);
    // A package.json that is not ours and not valid JSON is npm's business, not a keywarden error.
    const other = project();
    write(other, 'package.json', '{ "name": "x", ');
    writeFileSync(path.join(other, 'a.txt'), 'clean\n');
    expect((await runKeywarden(['scan'], { cwd: other })).status).toBe(0);
  });

  it('prefers .keywarden.json over package.json in the same folder', async () => {
    const dir = project();
    write(dir, 'package.json', { keywarden: { bogus: true } });
    write(dir, '.keywarden.json', { accounts: ['123456789012'] });
    expect((await runKeywarden(['scan'], { cwd: dir })).status).toBe(0);
  });

  it('uses --config FILE, and a missing one is an error', async () => {
    const dir = project();
    write(dir, '.keywarden.json', { bogus: 1 });
    write(dir, 'conf/strict.json', { accounts: ['123456789012'] });
    expect((await runKeywarden(['scan', '--config', 'conf/strict.json'], { cwd: dir })).status).toBe(0);
    expectConfigError(await runKeywarden(['scan', '--config', 'conf/missing.json'], { cwd: dir }), /^keywarden: conf\/missing\.json: no such file$/);
    write(dir, 'conf/package.json', { name: 'x' });
    expectConfigError(await runKeywarden(['scan', '--config', 'conf/package.json'], { cwd: dir }), /conf\/package\.json: has no "keywarden" key/);
  });
});

describe('configuration never runs code', () => {
  const payload = (marker: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { ignorePaths: ['**'] };\n`;

  it('refuses a .keywarden.js / keywarden.config.mjs without executing it', async () => {
    for (const name of ['.keywarden.js', '.keywarden.cjs', 'keywarden.config.mjs', '.keywardenrc']) {
      const dir = project();
      const marker = path.join(dir, 'MARKER');
      write(dir, name, payload(marker));
      const result = await runKeywarden(['scan'], { cwd: dir });
      expectConfigError(result, new RegExp(`${name.replace(/\./g, '\\.')}: not read: keywarden's configuration is JSON only`));
      expect(existsSync(marker), name).toBe(false);
    }
  });

  it('refuses --config FILE.js without executing it', async () => {
    const dir = project();
    const marker = path.join(dir, 'MARKER');
    write(dir, 'evil.js', payload(marker));
    expectConfigError(await runKeywarden(['scan', '--config', 'evil.js'], { cwd: dir }), /evil\.js: not read/);
    expect(existsSync(marker)).toBe(false);
  });

  it('does not mistake a saved report named keywarden.json for a config', async () => {
    const dir = project();
    write(dir, 'keywarden.json', { version: 1, findings: [] });
    expect((await runKeywarden(['scan'], { cwd: dir })).status).toBe(0);
  });

  it('ignores a .js config next to a .keywarden.json, without executing it', async () => {
    const dir = project();
    const marker = path.join(dir, 'MARKER');
    write(dir, '.keywarden.js', payload(marker));
    write(dir, '.keywarden.json', { accounts: ['123456789012'] });
    expect((await runKeywarden(['scan'], { cwd: dir })).status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('treats $eval-, template- and function-looking values as plain text', async () => {
    const dir = project();
    const marker = path.join(dir, 'MARKER');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    write(dir, '.keywarden.json', { allow: { secrets: [`\${${code}}`, `$eval:${code}`, `() => ${code}`, `{{${code}}}`] } });
    writeFileSync(path.join(dir, 'a.txt'), 'clean\n');
    expect((await runKeywarden(['scan'], { cwd: dir })).status).toBe(0);
    expect(existsSync(marker)).toBe(false);
    write(dir, '.keywarden.json', { $eval: code });
    expectConfigError(await runKeywarden(['scan'], { cwd: dir }), /^keywarden: \.keywarden\.json: \$eval: unknown key/);
    write(dir, '.keywarden.json', { ignorePaths: { $eval: code } });
    expectConfigError(await runKeywarden(['scan'], { cwd: dir }), /\.keywarden\.json: ignorePaths: expected an array of strings, got an object/);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses __proto__ and constructor tricks', async () => {
    const dir = project();
    const cases: Array<[string, RegExp]> = [
      ['{"__proto__": {"ignorePaths": ["**"]}}', /\.keywarden\.json: __proto__: unknown key/],
      ['{"allow": {"__proto__": {"secrets": ["x"]}}}', /allow\.__proto__: unknown key/],
      ['{"entropy": {"__proto__": 1}}', /entropy\.__proto__: '__proto__' is not a rule id/],
      ['{"allow": {"rules": {"__proto__": {"secrets": ["x"]}}}}', /allow\.rules\.__proto__: '__proto__' is not a rule id/],
      ['{"constructor": {"prototype": {"x": 1}}}', /constructor: unknown key/],
    ];
    for (const [text, pattern] of cases) {
      write(dir, '.keywarden.json', text);
      expectConfigError(await runKeywarden(['scan'], { cwd: dir }), pattern);
    }
  });
});

describe('validation errors are one line naming the file and the field', () => {
  const cases: Array<[string, string | object, RegExp]> = [
    ['malformed JSON, with line and column', '{\n  "ignorePaths": ["a"]\n  "accounts": []\n}\n', /^keywarden: \.keywarden\.json: invalid JSON at line 3, column 3: /],
    ['truncated JSON', '{\n  "ignorePaths": [', /\.keywarden\.json: invalid JSON at line 2, column 19: /],
    ['an empty file', '  \n', /\.keywarden\.json: is empty/],
    ['not an object', '["a"]', /\.keywarden\.json: the configuration must be a JSON object/],
    ['an unknown key, with a suggestion', { ignorePath: ['x'] }, /\.keywarden\.json: ignorePath: unknown key \(did you mean 'ignorePaths'\?\)/],
    ['an unknown nested key', { allow: { values: [] } }, /\.keywarden\.json: allow\.values: unknown key; known keys: secrets, regexes, rules/],
    ['a wrong type', { disableRules: 'aws-access-key-id' }, /disableRules: expected an array of strings, got the string 'aws-access-key-id'/],
    ['a wrong item type', { allow: { secrets: ['ok', 3] } }, /allow\.secrets\[1\]: expected a string, got number 3/],
    ['an invalid regex', { allow: { regexes: ['^ok$', 'fine', '(unclosed'] } }, /^keywarden: \.keywarden\.json: allow\.regexes\[2\]: .*(Invalid regular expression|unterminated|unclosed|Unterminated)/i],
    ['an invalid per-rule regex', { allow: { rules: { 'aws-access-key-id': { regexes: ['[z-a]'] } } } }, /\.keywarden\.json: allow\.rules\.aws-access-key-id\.regexes\[0\]: /],
    ['an entropy out of range', { entropy: { 'aws-secret-access-key': 9 } }, /entropy\.aws-secret-access-key: expected a number from 0 to 8/],
    ['an entropy that is not a number', { entropy: { 'aws-secret-access-key': '4' } }, /entropy\.aws-secret-access-key: expected a number/],
    ['a bad account ID', { accounts: ['123456789012', '1234-5678-9012'] }, /accounts\[1\]: an AWS account ID is 12 digits, got '1234-5678-9012'/],
    ['a bad size', { maxFileSize: 'lots' }, /maxFileSize: expected a size such as 1048576, "512KB" or "10MB", got 'lots'/],
    ['a fractional size', { maxFileSize: 1.5 }, /maxFileSize: expected a positive whole number of bytes/],
    ['a rule that is not an object', { rules: ['aws'] }, /rules\[0\]: expected a rule object/],
    ['an empty glob', { ignorePaths: [''] }, /ignorePaths\[0\]: an empty glob/],
    ['a glob leaving the folder', { ignorePaths: ['../other/**'] }, /ignorePaths\[0\]: .*cannot leave it/],
    ['a $schema that is not a string', { $schema: 1 }, /\$schema: expected a string/],
  ];
  for (const [name, content, pattern] of cases) {
    it(name, async () => {
      const dir = project();
      write(dir, '.keywarden.json', content);
      expectConfigError(await runKeywarden(['scan'], { cwd: dir }), pattern);
    });
  }

  it('accepts a UTF-8 BOM and a $schema key', async () => {
    const dir = project();
    write(dir, '.keywarden.json', '\ufeff' + JSON.stringify({ $schema: './node_modules/keywarden/schema/keywarden.schema.json', maxFileSize: '1MB' }));
    expect((await runKeywarden(['scan'], { cwd: dir })).status).toBe(0);
  });
});

describe('catastrophic regexes', () => {
  it('refuses (a+)+$ in an allow regex quickly, even with a long line to scan', async () => {
    const dir = project();
    write(dir, '.keywarden.json', { allow: { regexes: ['(a+)+$'] } });
    writeFileSync(path.join(dir, 'long.txt'), 'a'.repeat(100_000) + '!\n');
    const result = runBounded(['scan'], dir);
    expectConfigError(result, /^keywarden: \.keywarden\.json: allow\.regexes\[0\]: /);
    expect(result.ms).toBeLessThan(15_000);
  });

  it('refuses a catastrophic regex in a custom rule quickly, with a long line to scan', async () => {
    const repo = Repo.init();
    const rule = { id: 'custom-evil', kind: 'token', description: 'evil', regex: '(a+)+$', keywords: ['a'], examples: { match: ['aaa'] } };
    repo.write('.keywarden.json', JSON.stringify({ rules: [rule] }));
    repo.write('long.txt', 'a'.repeat(50_000) + '!\n');
    const result = runBounded(['scan'], repo.dir);
    expect(result.ms).toBeLessThan(15_000);
    expectConfigError(result, /\.keywarden\.json: rules\[0\]: regex: /);
  });
});
