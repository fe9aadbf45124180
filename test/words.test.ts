// The words catalogues (src/words): every message key in both languages, and every Japanese string in the
// glossary's terms (src/words/glossary.json), each term as AWS's Japanese documentation (the seeds) writes it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enGuide } from '../src/words/en-guide.js';
import { en } from '../src/words/en.js';
import { jaGuide } from '../src/words/ja-guide.js';
import { ja } from '../src/words/ja.js';
import { languageFromEnv } from '../src/words/index.js';
import { ROOT } from './support/cli.js';

interface Term {
  en: string;
  ja: string;
  forbidden: string[];
  /** Exact texts in which a forbidden variant is right (a console button's label, an AWS document's title). */
  exceptions?: Array<{ text: string; why: string }>;
  seeds: Array<{ file: string; quote: string }>;
  /** Where the word comes from when the seeds do not use it (a URL). */
  source?: string;
}
const glossary = JSON.parse(readFileSync(path.join(ROOT, 'src', 'words', 'glossary.json'), 'utf8')) as { terms: Term[] };
/** AWS's Japanese source documents, next to the repository's checkout (../shared/seeds from /work/main). */
const SEEDS = [path.join(ROOT, '..', 'shared', 'seeds'), path.join(ROOT, '..', '..', 'shared', 'seeds')].find((dir) => existsSync(dir));

/** Each key's path and what is there: 'function', 'string', 'null', 'array' or 'object' (then its keys too). */
function shape(value: unknown, at = ''): string[] {
  if (typeof value === 'function') return [`${at}: function`];
  if (value === null || typeof value !== 'object') return [`${at}: ${value === null ? 'null' : typeof value}`];
  // A list of lines may be longer in one language (lines are wrapped where each language reads best).
  if (Array.isArray(value)) return [`${at}: array`];
  return Object.keys(value)
    .sort()
    .flatMap((key) => shape((value as Record<string, unknown>)[key], `${at}.${key}`));
}

/**
 * Every string a catalogue can produce: its strings, and what each function returns for a few sets of
 * arguments (strings, numbers 1 and 2, false and null), so that the branches of most messages are seen.
 */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const out: string[] = [];
    for (const arg of ['X', 1, 2, false, null, ['X', 'Y']]) {
      try {
        out.push(...strings(fn(...Array.from({ length: Math.max(fn.length, 1) }, () => arg))));
      } catch {
        // an argument of the wrong type for this message: another set covers it
      }
    }
    return out;
  }
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('words catalogues', () => {
  it('have the same keys in English and Japanese, each a string, list or function in both', () => {
    // TypeScript checks this at build time (ja: Words, jaGuide: Guide); this checks the records typed as string maps too.
    expect(shape(ja)).toEqual(shape(en));
    expect(shape(jaGuide)).toEqual(shape(enGuide));
    // The two parts do not overlap: a key is in one of them.
    expect(Object.keys(en).filter((key) => key in enGuide)).toEqual([]);
  });

  it('translate every message: each Japanese string that is not a command has Japanese in it', () => {
    // Left as they are: command lines, and the short values a message was called with here.
    const command = /^(?:git|aws|npx|keywarden) /;
    const left = strings([ja, jaGuide]).filter((text) => text.replace(/\b(?:false|null|X|Y)\b/g, '').trim().length > 12 && !command.test(text.trim()) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(text));
    expect(left).toEqual([]);
  });
});

describe('glossary', () => {
  const japanese = strings([ja, jaGuide]);

  it('names each term once: no Japanese message uses a forbidden variant, but inside one of the term\'s exceptions', () => {
    const outside = (text: string, term: Term) => (term.exceptions ?? []).reduce((rest, exception) => rest.replaceAll(exception.text, ''), text);
    const found = glossary.terms.flatMap((term) => term.forbidden.flatMap((variant) => japanese.filter((text) => outside(text, term).includes(variant)).map((text) => `${variant} (use ${term.ja}): ${text}`)));
    expect(found).toEqual([]);
    // Each exception holds a forbidden variant, says why, and is used: none is left over from an old wording.
    const exceptions = glossary.terms.flatMap((term) => (term.exceptions ?? []).map((exception) => ({ term, exception })));
    expect(exceptions.length).toBeGreaterThan(0);
    const stale = exceptions.filter(({ term, exception }) => !term.forbidden.some((variant) => exception.text.includes(variant)) || exception.why.length < 20 || !japanese.some((text) => text.includes(exception.text)));
    expect(stale.map(({ exception }) => exception.text)).toEqual([]);
  });

  it('quotes a console button as the Japanese console labels it, in brackets: never 「無効化」 or 「非アクティブ化」 as a button', () => {
    // The Japanese IAM console's button is [非アクティブ化]; prose says 無効化. A bracketed [無効化] names no button.
    expect(japanese.filter((text) => /「(?:無効化|非アクティブ化)」|\[無効化\]/.test(text))).toEqual([]);
    expect(japanese.filter((text) => text.includes('[非アクティブ化]')).length).toBeGreaterThan(1);
  });

  it('lists only terms the Japanese messages use, none forbidden by another entry', () => {
    expect(glossary.terms.filter((term) => !japanese.some((text) => text.includes(term.ja))).map((term) => term.ja)).toEqual([]);
    const forbidden = glossary.terms.flatMap((term) => term.forbidden);
    expect(glossary.terms.filter((term) => forbidden.includes(term.ja)).map((term) => term.ja)).toEqual([]);
  });

  it.skipIf(SEEDS === undefined)('quotes the seed documents exactly: each quote is in its file and holds the term or its stem', () => {
    const wrong: string[] = [];
    for (const term of glossary.terms) {
      for (const seed of term.seeds) {
        const text = readFileSync(path.join(SEEDS!, seed.file), 'utf8');
        if (!text.includes(seed.quote)) wrong.push(`${term.ja}: not in ${seed.file}: ${seed.quote}`);
      }
      if (term.seeds.length === 0 && !/^https:\/\//.test(term.source ?? '')) wrong.push(`${term.ja}: no seed quoted and no source`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the language from the locale', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG, the first one set; English unless it names Japanese', () => {
    expect(languageFromEnv({})).toBe('en');
    expect(languageFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(languageFromEnv({ LANG: 'ja' })).toBe('ja');
    expect(languageFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'java' })).toBe('en');
    expect(languageFromEnv({ LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(languageFromEnv({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(languageFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });
});
