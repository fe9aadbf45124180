// The accept-list stage as pure functions: glob semantics (gitignore-like, re-rooted at the config's folder),
// allowed values and regexes, baseline matching, and the order of reasons. The CLI side is in config-settings.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../src/config/types.js';
import { applyFilters } from '../src/filters/apply.js';
import { pathIgnorer } from '../src/filters/paths.js';
import { fingerprintOf } from '../src/findings.js';
import type { Located } from '../src/types.js';

function config(overrides: Partial<Config> = {}): Config {
  return { ...defaultConfig('/repo'), ...overrides };
}

function located(file: string, secret = 'AKIAEXAMPLEEXAMPLE12', overrides: Partial<Located> = {}): Located {
  return { ruleId: 'aws-access-key-id', kind: 'access-key-id', line: 1, column: 1, endLine: 1, endColumn: 21, secret, entropy: 4, confidence: 'high', keyId: null, file, commit: null, ...overrides };
}

describe('pathIgnorer', () => {
  const table: Array<[string[], string, boolean]> = [
    [['samples/'], 'samples/a.txt', true],
    [['samples/'], 'samples/deep/a.txt', true],
    [['samples/'], 'src/samples/a.txt', true],
    [['samples/'], 'samplesx/a.txt', false],
    [['/samples/'], 'src/samples/a.txt', false],
    [['/samples/'], 'samples/a.txt', true],
    [['samples'], 'samples', true],
    [['*.pem'], 'a/b/c/key.pem', true],
    [['*.pem'], 'key.pem.txt', false],
    [['test/**/fixtures/**'], 'test/unit/fixtures/x.json', true],
    [['test/**/fixtures/**'], 'src/test/unit/fixtures/x.json', false],
    [['src/*.env'], 'src/a.env', true],
    [['src/*.env'], 'src/deep/a.env', false],
    [['*'], '.env', true],
    [['.env*'], 'config/.env.local', true],
    [['samples/', '!samples/keep/'], 'samples/keep/a.txt', false],
    [['samples/', '!samples/keep/'], 'samples/other/a.txt', true],
    [['samples/', '!samples/keep/', 'samples/keep/again.txt'], 'samples/keep/again.txt', true],
    [['!samples/'], 'samples/a.txt', false],
    [['docs/{a,b}.md'], 'docs/b.md', true],
  ];
  for (const [globs, file, ignored] of table) {
    it(`${JSON.stringify(globs)} ${ignored ? 'ignores' : 'keeps'} ${file}`, () => {
      expect(pathIgnorer(config({ ignorePaths: globs }))!(file)).toBe(ignored);
    });
  }

  it('is null when there are no globs', () => {
    expect(pathIgnorer(config())).toBeNull();
  });

  it('re-roots paths at the config folder: a config above the working directory, and one below it', () => {
    const above = pathIgnorer(config({ root: '/repo', base: '/repo/pkg', ignorePaths: ['/pkg/fixtures/'] }))!;
    expect(above('fixtures/a.txt')).toBe(true);
    expect(above('src/a.txt')).toBe(false);
    const below = pathIgnorer(config({ root: '/repo/pkg', base: '/repo', ignorePaths: ['/fixtures/', '*.txt'] }))!;
    expect(below('pkg/fixtures/a.json')).toBe(true);
    // Outside the config's folder, its globs do not apply, not even "*.txt".
    expect(below('other/a.txt')).toBe(false);
    expect(below('../elsewhere/a.txt')).toBe(false);
  });

  it('does not ignore paths at or below a path named on the command line that the globs cover', () => {
    const ignore = pathIgnorer(config({ ignorePaths: ['samples/', '*.pem'] }), { base: '/repo', namedPaths: ['samples', 'src/'] })!;
    expect(ignore('samples/a.txt')).toBe(false);
    expect(ignore('samples/deep/b.pem')).toBe(false);
    // "src" is not ignored itself, so the globs still apply inside it.
    expect(ignore('src/key.pem')).toBe(true);
    expect(ignore('samplesx/a.pem')).toBe(true);
    const file = pathIgnorer(config({ ignorePaths: ['samples/'] }), { base: '/repo', namedPaths: ['./samples/one.ini'] })!;
    expect(file('samples/one.ini')).toBe(false);
    expect(file('samples/two.ini')).toBe(true);
  });
});

describe('applyFilters', () => {
  it('returns the same array when nothing can apply', () => {
    const items = [located('a.txt')];
    expect(applyFilters(items, config(), null)).toBe(items);
    expect(applyFilters(items, config(), { fingerprints: new Set() })).toBe(items);
  });

  it('marks path, allowlist and baseline, cheapest first, keeps inline, never drops anything', () => {
    const baselined = located('b.txt', 'AKIABASELINEDKEY0001');
    const items = [
      located('samples/a.txt', 'AKIAALLOWEDALLOWED01'),
      located('a.txt', 'AKIAALLOWEDALLOWED01'),
      baselined,
      located('c.txt', 'AKIANOTHINGNOTHING01'),
      { ...located('d.txt', 'AKIABASELINEDKEY0001'), allowedBy: 'inline' },
      located('e.txt', 'AKIABASELINEDKEY0001'),
    ];
    const out = applyFilters(items, config({ ignorePaths: ['samples/'], allowSecrets: [{ value: 'AKIAALLOWEDALLOWED01' }] }), {
      fingerprints: new Set([fingerprintOf('aws-access-key-id', 'b.txt', 'AKIABASELINEDKEY0001'), fingerprintOf('aws-access-key-id', 'd.txt', 'AKIABASELINEDKEY0001')]),
    });
    expect(out.map((item) => item.allowedBy)).toEqual(['path', 'allowlist', 'baseline', undefined, 'inline', undefined]);
    expect(out).toHaveLength(items.length);
    expect(items[0].allowedBy).toBeUndefined();
  });

  it('matches the baseline on rule + file + secret only, not line, column or commit', () => {
    const baseline = { fingerprints: new Set([fingerprintOf('aws-access-key-id', 'a.txt', 'AKIAKEYKEYKEYKEY0001')]) };
    const moved = located('a.txt', 'AKIAKEYKEYKEYKEY0001', { line: 99, column: 7, commit: { sha: 'b'.repeat(40), author: 'x', email: 'x@x', date: '2025-01-01T00:00:00Z', message: 'rebased' } });
    const otherRule = located('a.txt', 'AKIAKEYKEYKEYKEY0001', { ruleId: 'other-rule' });
    const otherFile = located('copy/a.txt', 'AKIAKEYKEYKEYKEY0001');
    expect(applyFilters([moved, otherRule, otherFile], config(), baseline).map((item) => item.allowedBy)).toEqual(['baseline', undefined, undefined]);
  });

  it('allows values and regexes globally or per rule, and through the paired key ID', () => {
    const secret = located('a.txt', 'wJalrSECRETSECRETSECRETSECRETSECRET00001', { ruleId: 'aws-secret-access-key', kind: 'secret-access-key', keyId: 'AKIAPAIREDPAIRED0001' });
    const id = located('a.txt', 'AKIAPAIREDPAIRED0001');
    const reasons = (overrides: Partial<Config>) => applyFilters([id, secret], config(overrides), null).map((item) => item.allowedBy ?? '-');
    expect(reasons({ allowSecrets: [{ value: 'AKIAPAIREDPAIRED0001' }] })).toEqual(['allowlist', 'allowlist']);
    expect(reasons({ allowSecrets: [{ value: 'AKIAPAIREDPAIRED0001', ruleId: 'aws-access-key-id' }] })).toEqual(['allowlist', '-']);
    expect(reasons({ allowSecrets: [{ value: secret.secret, ruleId: 'aws-secret-access-key' }] })).toEqual(['-', 'allowlist']);
    expect(reasons({ allowSecrets: [{ value: secret.secret, ruleId: 'aws-access-key-id' }] })).toEqual(['-', '-']);
    expect(reasons({ allowRegexes: [{ regex: 'SECRET0{4}1$' }] })).toEqual(['-', 'allowlist']);
    expect(reasons({ allowRegexes: [{ regex: '^AKIAPAIRED', ruleId: 'aws-secret-access-key' }] })).toEqual(['-', 'allowlist']);
    expect(reasons({ allowRegexes: [{ regex: 'paired' }] })).toEqual(['-', '-']);
  });
});
