// Inline ignores: `keywarden:allow` on the line, `keywarden:allow-next-line` above it, in any comment syntax.
// The table tests the filter itself; the CLI tests show that ignored findings are counted and listed, not lost.
import { describe, expect, it } from 'vitest';
import { markInlineIgnores } from '../src/filters/inline.js';
import type { Candidate } from '../src/types.js';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

function candidate(line: number, endLine = line): Candidate {
  return { ruleId: 'aws-access-key-id', kind: 'access-key-id', line, column: 1, endLine, endColumn: 21, secret: 'AKIA', entropy: 4, confidence: 'high', keyId: null };
}

/** Marks one candidate on the line holding `KEY` and says whether it was allowed. */
function allowedIn(text: string): boolean {
  const line = text.split('\n').findIndex((l) => l.includes('KEY')) + 1;
  expect(line).toBeGreaterThan(0);
  return markInlineIgnores([candidate(line)], text)[0].allowedBy === 'inline';
}

describe('markInlineIgnores', () => {
  const allowed: Array<[string, string]> = [
    ['# shell / YAML / TOML / Python', 'aws_access_key_id = KEY  # keywarden:allow'],
    ['// C, JS, Go', 'const id = "KEY"; // keywarden:allow'],
    ['/* block */', 'const id = "KEY"; /* keywarden:allow: test fixture */'],
    ['<!-- HTML / XML / Markdown -->', '<key>KEY</key> <!-- keywarden:allow -->'],
    ['-- SQL / Lua / Haskell', "INSERT INTO keys VALUES ('KEY'); -- keywarden:allow"],
    ['; INI / Lisp / assembly', 'key = KEY ; keywarden:allow'],
    ['REM batch', 'set KEY=1 & REM keywarden:allow'],
    ['inside a string', 'fixture("KEY", "keywarden:allow")'],
    ['before the secret', '/* keywarden:allow */ KEY'],
    ['with a reason after it', 'KEY # keywarden:allow because it is the documented test key'],
    ['in upper case', 'KEY # KEYWARDEN:ALLOW'],
    ['CRLF line endings', 'first\r\nKEY # keywarden:allow\r\nlast\r\n'],
    ['allow-next-line with #', '# keywarden:allow-next-line\nKEY'],
    ['allow-next-line with //', 'x\n  // keywarden:allow-next-line\n  const k = "KEY";\ny'],
    ['allow-next-line with <!-- -->', '<!-- keywarden:allow-next-line -->\n<key>KEY</key>'],
    ['allow-next-line with CRLF', '-- keywarden:allow-next-line\r\nKEY\r\n'],
  ];
  for (const [name, text] of allowed) it(`allows: ${name}`, () => expect(allowedIn(text)).toBe(true));

  const notAllowed: Array<[string, string]> = [
    ['no directive', 'KEY # fine'],
    ['directive on another line', 'KEY\n# keywarden:allow'],
    ['allow-next-line two lines above', '# keywarden:allow-next-line\n\nKEY'],
    ['allow-next-line on the same line does not allow that line', 'KEY # keywarden:allow-next-line'],
    ['allow-next-line below', 'KEY\n# keywarden:allow-next-line'],
    ['a longer word', 'KEY # keywarden:allowed'],
    ['another tool', 'KEY # gitleaks:allow'],
    ['a misspelling', 'KEY # keywarden: allow'],
  ];
  for (const [name, text] of notAllowed) it(`does not allow: ${name}`, () => expect(allowedIn(text)).toBe(false));

  it('applies to every line of a finding that spans lines, and allow-next-line to its first line', async () => {
    const text = 'token = """\nKEYPART1\nKEYPART2 # keywarden:allow\n"""';
    expect(markInlineIgnores([candidate(2, 3)], text)[0].allowedBy).toBe('inline');
    expect(markInlineIgnores([candidate(3, 4)], '# keywarden:allow-next-line\nx\nstart\nend')[0].allowedBy).toBeUndefined();
    expect(markInlineIgnores([candidate(2, 3)], '# keywarden:allow-next-line\nstart\nend')[0].allowedBy).toBe('inline');
  });

  it('marks only the candidates on allowed lines, returns new objects and keeps other reasons', async () => {
    const input = [candidate(1), candidate(2), { ...candidate(3), allowedBy: 'path' }];
    const out = markInlineIgnores(input, 'a # keywarden:allow\nb\nc # keywarden:allow');
    expect(out.map((c) => c.allowedBy)).toEqual(['inline', undefined, 'path']);
    expect(input[0].allowedBy).toBeUndefined();
  });

  it('stays fast on a 5 MB single line with many candidates', async () => {
    const text = 'x'.repeat(5_000_000) + ' // keywarden:allow';
    const many = Array.from({ length: 500 }, () => candidate(1));
    const started = performance.now();
    expect(markInlineIgnores(many, text).every((c) => c.allowedBy === 'inline')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('returns the same array when the text has no directive', async () => {
    const input = [candidate(1)];
    expect(markInlineIgnores(input, 'KEY')).toBe(input);
  });
});

describe('inline ignores with the CLI', () => {
  it('counts ignored findings in the summary, lists them with --verbose and reports the rest', async () => {
    const dir = tempDir();
    const [kept, sameLine, nextLine, html] = [fakeKeyId(), fakeKeyId(), fakeKeyId(), fakeKeyId()];
    writeFileSync(path.join(dir, 'settings.py'), `LIVE = "${kept}"\nTEST = "${sameLine}"  # keywarden:allow\n# keywarden:allow-next-line\nOTHER = "${nextLine}"\n`);
    writeFileSync(path.join(dir, 'page.html'), `<p>${html}</p> <!-- keywarden:allow -->\n`);

    const json = await runKeywarden(['scan', '--format', 'json', dir]);
    expect(json.status).toBe(1);
    const found = jsonReport(json).findings.map((f: { secret: string }) => f.secret);
    expect(found).toContain(kept);
    for (const ignored of [sameLine, nextLine, html]) expect(found).not.toContain(ignored);

    const text = await runKeywarden(['scan', dir]);
    expect(text.stdout).toMatch(/3 allowed by inline/);
    const verbose = await runKeywarden(['scan', '--verbose', dir]);
    expect(verbose.stderr.match(/allowed by inline: /g)).toHaveLength(3);
    expect(verbose.stderr).toMatch(/allowed by inline: .*settings\.py:2:/);
    expect(verbose.stderr).toMatch(/allowed by inline: .*settings\.py:4:/);
  });

  it('exits 0 when every finding is ignored inline, and the count says so', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.sql'), `-- keywarden:allow-next-line\nINSERT INTO k VALUES ('${fakeKeyId()}');\nSELECT '${fakeKeyId()}'; -- keywarden:allow\n`);
    const result = await runKeywarden(['scan', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No AWS credentials found. (2 allowed by inline)');
  });

  it('works the same in git scans: --staged and --history (detection on worker threads)', async () => {
    const repo = Repo.init();
    const [allowed, next, live] = [fakeKeyId(), fakeKeyId(), fakeKeyId()];
    repo.commit('fixtures', { 'conf.yml': `id: ${allowed} # keywarden:allow\n# keywarden:allow-next-line\nother: ${next}\n` });
    const history = await runKeywarden(['scan', '--history'], { cwd: repo.dir });
    expect(history.status, history.stdout + history.stderr).toBe(0);
    expect(history.stdout).toContain('(2 allowed by inline)');

    repo.write('conf.yml', `id: ${allowed} # keywarden:allow\n# keywarden:allow-next-line\nother: ${next}\nlive: ${live}\n`);
    repo.git('add', 'conf.yml');
    const staged = await runKeywarden(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(staged.status).toBe(1);
    expect(jsonReport(staged).findings.map((f: { secret: string }) => f.secret)).toEqual([live]);
  });
});
