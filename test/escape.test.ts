// The escaping rules (src/text/escape.ts) one by one, and the writers that use them fed values no git
// repository can hold (a newline in a commit subject, `<` in an author) — test/escaping.test.ts runs the
// same checks end to end on a real hostile repository.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../src/action/summary.js';
import { shellQuote } from '../src/text/shell-quote.js';
import { textReporter } from '../src/reporters/text.js';
import { escapeMarkdown, escapeText, markdownCode } from '../src/text/escape.js';
import { forgedCommands, terminalProblem } from './support/hostile.js';
import { elements, renderGfm } from './support/markdown.js';
import { CONTEXT, finding, report } from './support/sample-report.js';

const HOSTILE = [
  '\x1b]0;title\x07\x1b[2J',
  'a\nFAKE 0 findings',
  'line\rover',
  'tab\there',
  'nul\0del\x7fc1\x85\x9b',
  'bidi \u202eevil\u202c \u2066x\u2069 \u200e\u200f\u061c',
  'sep\u2028\u2029',
  '::set-output name=a::b',
  '  ::error::indented',
  'x ##[error]legacy',
  'back\\slash \\x1b',
  '<img src=x onerror=alert(1)> <a href="https://evil.example">x</a>',
  '[Approve](https://evil.example/a) ![i](https://evil.example/i.png)',
  'https://evil.example www.evil.example mail@evil.example @octocat #1',
  '`code` **bold** _it_ ~~s~~ $x$ | pipe',
  '&amp; &#60;script&#62; "quoted" \'single\'',
];

describe('escapeText', () => {
  it.each([
    ['\x1b[2J', '\\x1b[2J'],
    ['a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['\0\x7f\x85\x9b', '\\x00\\x7f\\x85\\x9b'],
    ['\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029', '\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029'],
    ['back\\slash', 'back\\\\slash'],
    ['::set-output name=a::b', '\\x3a:set-output name=a::b'],
    ['a ::error::x', 'a \\x3a:error::x'],
    ['std::string', 'std::string'],
    ['x ##[error]y', 'x #\\x23[error]y'],
    ['plain: café, 日本, emoji 👍 (ok)', 'plain: café, 日本, emoji 👍 (ok)'],
  ])('%j → %j', (input, shown) => {
    expect(escapeText(input)).toBe(shown);
  });

  it('leaves nothing a terminal or the runner acts on', () => {
    for (const text of HOSTILE) {
      expect(terminalProblem(escapeText(text)), text).toBeNull();
      expect(forgedCommands(escapeText(text)), text).toEqual([]);
    }
  });
});

describe('escapeMarkdown and markdownCode', () => {
  it('render as the literal text, with no element or link of their own', () => {
    for (const text of HOSTILE) {
      for (const markdown of [escapeMarkdown(text), markdownCode(text), `| a |\n| --- |\n| ${markdownCode(text)} |`]) {
        const html = renderGfm(markdown);
        const tags = elements(html).map((element) => element.name);
        expect(tags.filter((name) => !['p', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(name)), `${markdown}\n${html}`).toEqual([]);
        expect(html).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      }
    }
    // In a table, one cell: a | in data neither splits nor ends it.
    expect(elements(renderGfm(`| a |\n| --- |\n| ${markdownCode('x | y')} |`)).filter((element) => element.name === 'td')).toHaveLength(1);
  });

  it('keeps plain values as plain code spans', () => {
    expect(markdownCode('config/prod.env:2')).toBe('`config/prod.env:2`');
    expect(markdownCode('<img src=x>')).toBe('`<img src=x>`');
    expect(renderGfm(markdownCode('<img src=x>'))).toBe('<p><code>&lt;img src=x&gt;</code></p>');
  });
});

describe('writers', () => {
  const commit = { sha: 'a'.repeat(40), author: 'Eve <img src=y>\x1b[31m', email: 'e@x\x07', date: '2024-01-01T00:00:00Z', message: 'subject\n::error::forged <img src=x> [Approve](https://evil.example/a)' };
  const hostile = report([finding({ file: 'evil\x1b[2J\nFAKE 0 findings.env', commit }), finding({ file: '::warning::x.env', line: 9, commit })], 'range');

  it('the job summary: every cell is text', () => {
    const md = summaryMarkdown(hostile, { describe: 'the commits of <b>x</b>', repositoryUrl: 'https://github.com/acme/app', sha: null, sarifPath: 'k.sarif', playbook: '' });
    const html = renderGfm(md);
    for (const element of elements(html)) {
      expect(['h2', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'code']).toContain(element.name);
      if (element.name === 'a') expect(element.target).toMatch(/^https:\/\/github\.com\/acme\/app\/blob\/a{40}\//);
    }
    expect(elements(html).filter((element) => element.name === 'tr')).toHaveLength(3);
    expect(html).toContain('[Approve](https://evil.example/a)');
  });

  it('the text report, coloured or not', () => {
    for (const color of [false, true]) {
      const out = textReporter(hostile, { ...CONTEXT, color });
      const visible = out.replace(/\x1b\[[0-9;]*m/g, ''); // keywarden's own colours
      expect(terminalProblem(visible)).toBeNull();
      expect(forgedCommands(visible)).toEqual([]);
    }
  });

  it('shell quoting: a name with controls is $\'…\' that bash reads back to the same name', () => {
    for (const name of [...HOSTILE, "it's", 'plain.env']) {
      const quoted = shellQuote(name);
      expect(terminalProblem(quoted), quoted).toBeNull();
      if (name.includes('\0')) continue; // no shell argument can hold NUL (and no file name either)
      expect(spawnSync('bash', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' }).stdout).toBe(name);
    }
  });
});
