// The join of string literals (views.ts JOIN_REST: `"wJal" + "rXUt…"`), in the concatenation view and in the
// value breaks that open windows around names, must find the matches the pattern with two optional blank
// runs side by side found, and in time linear in the blanks after a quote (that pattern took O(n²)).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { scanText } from '../src/engine/scan.js';
import { concatView, identityView, VALUE_BREAKS } from '../src/engine/views.js';
import { loadRules } from '../src/rules/load.js';
import { fakeSecret } from './support/fakes.js';
import { seeded } from './support/random.js';

const BLANK = String.raw`(?:[ \t]|\\?\r?\n)`;
const BEFORE = String.raw`(["'\`])(?<=[A-Za-z0-9/+].)${BLANK}*(?:\+|\.\.?|&|\|\|)?${BLANK}*\1(?=[A-Za-z0-9/+])`;
const OLD_BREAKS = new RegExp(`%(?:2[FfBb]|3[Dd])|\\\\[u/]|&(?:#|amp|quot|apos|lt|gt|sol|plus|equals|colon|lowbar|hyphen|period|NewLine|Tab)|${BEFORE}`, 'g');
const OLD_JOIN = new RegExp(BEFORE, 'g');

const spans = (regex: RegExp, text: string) => [...text.matchAll(regex)].map((m) => [m.index, m[0].length]);

describe('joined string literals', () => {
  it('are the matches of the pattern with two blank runs, in breaks and in the concatenation view', () => {
    const next = seeded(2024);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const quotes = ['"', "'", '`'];
    const blanks = () => Array.from({ length: Math.floor(next() * 4) }, () => pick([' ', '\t', '\n', '\r\n', '\\\n', '\\', '\r'])).join('');
    // Literals side by side: a key character, a quote, blanks, maybe an operator (or a wrong one), blanks, a quote.
    const join = () => `${pick(['ab', 'Z9', '/', '+', '', ' ', ','])}${pick(quotes)}${blanks()}${pick(['', '', '+', '.', '..', '&', '||', '|', '++', '...'])}${blanks()}${pick(quotes)}${pick(['cd', '7', '/', '', ' ', '"'])}`;
    let joins = 0;
    for (let round = 0; round < 4000; round++) {
      let text = '';
      for (let i = Math.floor(next() * 8); i > 0; i--) text += next() < 0.7 ? join() : pick(['%2F', '&amp;', '\\u', '\\/', 'x', '\n']);
      expect(spans(VALUE_BREAKS, text), JSON.stringify(text)).toEqual(spans(OLD_BREAKS, text));
      const before = spans(OLD_JOIN, text);
      joins += before.length;
      const view = concatView(identityView(text, 0));
      let expected = text;
      for (const [index, length] of [...before].reverse()) expected = expected.slice(0, index) + expected.slice(index + length);
      expect(view?.text ?? text, JSON.stringify(text)).toBe(expected);
    }
    expect(joins).toBeGreaterThan(300);
  });

  it('cost time linear in the blanks after a quote', () => {
    const text = `a"${' '.repeat(200_000)}\n${' \t'.repeat(100_000)}x`;
    const started = performance.now();
    VALUE_BREAKS.lastIndex = 0;
    expect(VALUE_BREAKS.exec(text)).toBeNull();
    VALUE_BREAKS.lastIndex = 0;
    expect(concatView(identityView(text, 0))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('a name whose value only a break shows', () => {
  // A name hit opens a window only within reach of a value sign (scan.ts valueHits): a long run, or a break a
  // view joins across (here `%2F`). A break's reach was skipped as "inside the last reach pushed" when it started
  // past that reach's start; but a stretch's breaks are pushed after its runs, and a break before a run reaches
  // further back than the run's reach does: with the name on the line above the value, exactly the run's reach
  // (radius + 1 lines) above a line of two long runs, then a long line, the key was missed.
  it('opens the window: the key is found wherever runs below it stand', () => {
    const rules = loadRules(defaultConfig(process.cwd()));
    const next = seeded(77);
    const run = (length: number) => Array.from({ length }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 62)]).join('');
    let cases = 0;
    for (let gap = 0; gap < 14; gap++) {
      for (const runs of [1, 2, 3]) {
        for (const tail of ['.'.repeat(5000), run(5000), 'short']) {
          const secret = fakeSecret().replace(/^(.{12}).(.{12}).(.*)$/, '$1/$2/$3');
          const text = ['config:', 'aws_secret_access_key:', `  "${secret.replaceAll('/', '%2F')}"`, ...Array.from({ length: gap }, (_, i) => `  line ${i}`), `checksum ${Array.from({ length: runs }, () => run(64)).join(' ')}`, tail, ''].join('\n');
          const found = scanText(text, rules, 'settings.yml').filter((candidate) => candidate.secret === secret);
          expect(found.length, `gap ${gap}, ${runs} runs, tail ${tail.slice(0, 8)}`).toBeGreaterThan(0);
          cases++;
        }
      }
    }
    expect(cases).toBe(126);
  });
});
