// The JSON Schema that ships for editors and the hand-written validator the CLI runs (ajv would cost more to
// load than a pre-commit scan) must agree: both get the same sample configs and must accept and refuse the same
// ones. The repository's own .keywarden.json must pass both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/validate.js';
import { ROOT } from './support/cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'keywarden.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
const schemaAccepts = ajv.compile(schema);

function validatorAccepts(config: unknown): boolean {
  try {
    validateConfig(config, { label: 'sample.json', prefix: '', source: '/x/sample.json', root: '/x', base: '/x' });
    return true;
  } catch (error) {
    expect(String((error as Error).message)).toMatch(/^sample\.json: /);
    return false;
  }
}

const valid: unknown[] = [
  {},
  { $schema: './node_modules/keywarden/schema/keywarden.schema.json' },
  { ignorePaths: ['samples/', '*.pem', '/dist', 'test/**/fixtures/**', '!samples/keep.txt', '.env*'] },
  { allow: { secrets: ['AKIAIOSFODNN7EXAMPLE'], regexes: ['^AKIA[A-Z0-9]{12}TEST$', 'EXAMPLE'] } },
  { allow: { rules: { 'aws-secret-access-key': { secrets: ['x'], regexes: ['^dummy'] }, 'aws-access-key-id': {} } } },
  { allow: {} },
  { disableRules: ['aws-session-token', 'custom-rule-1'] },
  { entropy: { 'aws-secret-access-key': 4.25, 'other': 0, 'max': 8 } },
  { rules: [{ id: 'internal-token', regex: 'itk_[a-z0-9]{32}' }] },
  { maxFileSize: 1048576 },
  { maxFileSize: '10MB' },
  { maxFileSize: '512 kb' },
  { maxFileSize: '1.5MiB' },
  { accounts: ['123456789012', '000000000001'] },
  { allow: { secrets: ['${process.exit(1)}', '$eval:require("fs")'] } },
  { archives: {} },
  { archives: { maxDepth: 2, maxBytes: '1GB', maxEntries: 500, maxRatio: 1000 } },
  { archives: { maxBytes: 1048576 } },
];

const invalid: unknown[] = [
  null,
  [],
  'string',
  { unknown: true },
  { ignorePath: ['x'] },
  { __proto__: null, ['__proto__']: {} },
  JSON.parse('{"__proto__": {"ignorePaths": ["**"]}}'),
  { $schema: 1 },
  { ignorePaths: 'samples/' },
  { ignorePaths: [1] },
  { ignorePaths: [''] },
  { ignorePaths: ['   '] },
  { ignorePaths: ['!'] },
  { ignorePaths: ['..'] },
  { ignorePaths: ['a/../../b'] },
  { ignorePaths: ['a\\b'] },
  { allow: [] },
  { allow: { values: ['x'] } },
  { allow: { secrets: 'x' } },
  { allow: { secrets: [''] } },
  { allow: { secrets: [1] } },
  { allow: { regexes: [''] } },
  { allow: { regexes: ['(unclosed'] } },
  { allow: { regexes: ['[z-a]'] } },
  { allow: { rules: { 'bad id!': { secrets: ['x'] } } } },
  { allow: { rules: { '-leading': {} } } },
  JSON.parse('{"allow": {"rules": {"__proto__": {"secrets": ["x"]}}}}'),
  { allow: { rules: { 'aws-access-key-id': { paths: [] } } } },
  { allow: { rules: { 'aws-access-key-id': [] } } },
  { disableRules: 'aws-access-key-id' },
  { disableRules: ['has space'] },
  { disableRules: ['Upper-Case'] },
  { disableRules: ['dotted.id'] },
  { entropy: [] },
  { entropy: { 'aws-secret-access-key': '4' } },
  { entropy: { 'aws-secret-access-key': -1 } },
  { entropy: { 'aws-secret-access-key': 8.5 } },
  JSON.parse('{"entropy": {"__proto__": 3}}'),
  { rules: {} },
  { rules: ['aws'] },
  { rules: [[]] },
  { maxFileSize: 0 },
  { maxFileSize: -5 },
  { maxFileSize: 1.5 },
  { maxFileSize: 'lots' },
  { maxFileSize: '0MB' },
  { maxFileSize: '10 TB' },
  { maxFileSize: true },
  { accounts: '123456789012' },
  { accounts: ['12345678901'] },
  { accounts: ['1234567890123'] },
  { accounts: ['1234-5678-9012'] },
  { accounts: [123456789012] },
  { archives: true },
  { archives: { maxDepth: 0 } },
  { archives: { maxRatio: 1.5 } },
  { archives: { maxEntries: '5' } },
  { archives: { maxBytes: 'lots' } },
  { archives: { maxDepht: 2 } },
];

describe('JSON Schema and validator agree', () => {
  it('the schema is a valid strict draft-07 schema', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  for (const [i, config] of valid.entries()) {
    it(`both accept valid sample ${i}: ${JSON.stringify(config)}`, () => {
      expect(schemaAccepts(config), JSON.stringify(schemaAccepts.errors)).toBe(true);
      expect(validatorAccepts(config)).toBe(true);
    });
  }

  for (const [i, config] of invalid.entries()) {
    it(`both refuse invalid sample ${i}: ${JSON.stringify(config)}`, () => {
      expect(schemaAccepts(config)).toBe(false);
      expect(validatorAccepts(config)).toBe(false);
    });
  }

  it("the validator also refuses what a schema cannot express: catastrophic regexes", () => {
    const config = { allow: { regexes: ['(a+)+$'] } };
    expect(schemaAccepts(config)).toBe(true);
    expect(validatorAccepts(config)).toBe(false);
  });

  it("the repository's own .keywarden.json passes both, and its globs cover samples/ and test fixtures", () => {
    const own = JSON.parse(readFileSync(path.join(ROOT, '.keywarden.json'), 'utf8'));
    expect(schemaAccepts(own), JSON.stringify(schemaAccepts.errors)).toBe(true);
    expect(validatorAccepts(own)).toBe(true);
    expect(own.ignorePaths).toEqual(expect.arrayContaining(['samples/', 'test/fixtures/']));
  });

  it('documents every top-level key in the schema and nothing more', async () => {
    const { CONFIG_KEYS } = await import('../src/config/validate.js');
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
  });
});

describe('validation does not pollute prototypes', () => {
  it('leaves Object.prototype untouched whatever the config holds', () => {
    const hostile = [
      '{"__proto__": {"polluted": 1}}',
      '{"allow": {"rules": {"__proto__": {"secrets": ["x"]}}}}',
      '{"entropy": {"__proto__": 1, "constructor": 2}}',
      '{"entropy": {"constructor": 2, "toString": 3}}',
      '{"rules": [{"__proto__": {"polluted": 1}, "id": "x"}]}',
      '{"allow": {"rules": {"constructor": {"secrets": ["y"]}}}}',
    ];
    for (const text of hostile) validatorAccepts(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const config = validateConfig(JSON.parse('{"entropy": {"constructor": 2}}'), { label: 's', prefix: '', source: 's', root: '/', base: '/' });
    expect(config.entropy.constructor).toBe(2);
    expect(config.entropy.toString).toBeUndefined();
  });
});
