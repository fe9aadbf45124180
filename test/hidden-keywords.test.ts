// Keywords hidden behind escapes (`\u0041KIA…`, `&#65;KIA…`, an HTML reference whose characters are JSON
// escapes) are looked for only in the stretches of text around a `\` or `&` (engine/scan.ts escapeRegions),
// where they were looked for in the decoded views of the whole text. Random texts of plain words, keywords
// (some characters escaped every way the views decode), stray escapes and long gaps: the region search must find
// every keyword the whole-text search finds that the plain text does not show, and nothing it does not.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { containsLiteral, findKeywords } from '../src/engine/prefilter.js';
import { hiddenKeywordHits } from '../src/engine/scan.js';
import { htmlView, identityView, jsonEscapeView, originalStart, type View } from '../src/engine/views.js';
import { jsonSegments } from '../src/engine/nested.js';
import { loadRules } from '../src/rules/load.js';
import { seeded } from './support/random.js';

const rules = loadRules(defaultConfig(process.cwd()));
const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
const longest = keywords.reduce((a, b) => (b.length > a.length ? b : a));

/** The search as it was: every view of the whole text. */
function wholeTextHits(text: string): number[] {
  if (!['&#', '\\u00', '\\u{', 'eyJ'].some((marker) => text.includes(marker))) return [];
  const identity = identityView(text, 0);
  const views: View[] = [];
  const json = jsonEscapeView(identity);
  if (json) views.push(json);
  for (const view of [identity, ...views]) {
    const html = htmlView(view);
    if (html) views.push(html);
  }
  const hits = views.flatMap((view) => findKeywords(view.text, rules).map((index) => originalStart(view, index)));
  for (const token of jsonSegments(text, 16384)) if (findKeywords(token.decoded, rules).length > 0) hits.push(token.index);
  return hits;
}

const hex = (char: string) => char.charCodeAt(0).toString(16).padStart(2, '0');
const NAMED: Record<string, string> = { '-': 'hyphen', _: 'lowbar', '.': 'period', '/': 'sol', '+': 'plus', '=': 'equals', ':': 'colon' };

/** One character written the ways the views decode: JSON `\u00XX` and `\u{…}`, HTML numeric and named, HTML inside JSON. */
function escaped(char: string, next: () => number): string {
  const ways = [
    () => `\\u00${hex(char)}`,
    () => `\\u{${'0'.repeat(Math.floor(next() * 5))}${hex(char)}}`,
    () => `&#x${'0'.repeat(Math.floor(next() * 5))}${hex(char)};`,
    () => `&#${char.charCodeAt(0)};`,
    () => (NAMED[char] ? `&${NAMED[char]};` : `&#${char.charCodeAt(0)}`),
    () => [...`&#x${hex(char)};`].map((c) => `\\u00${hex(c)}`).join(''),
    () => `\\u0026#${char.charCodeAt(0)};`,
  ];
  return ways[Math.floor(next() * ways.length)]();
}

function randomText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const parts: string[] = [];
  const count = 5 + Math.floor(next() * 30);
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.3) {
      const keyword = next() < 0.3 ? longest : pick(keywords);
      // Escape some characters: none, the first, the last, one, or all.
      const mode = Math.floor(next() * 5);
      const where = Math.floor(next() * keyword.length);
      parts.push([...keyword].map((char, k) => (mode === 1 && k === 0) || (mode === 2 && k === keyword.length - 1) || (mode === 3 && k === where) || mode === 4 ? escaped(char, next) : char).join(''));
    } else if (roll < 0.45) {
      parts.push(pick(['\\\\', '\\\\\\', '\\n', '\\"', '&amp;', '&', '\\', '\\u00', '&#', '\\\\u0041KIA', '&amp;#65;KIA', '\\u{', '\\u00\\u0041']));
    } else if (roll < 0.55) {
      // A gap wider than an escape's reach, so that stretches start and end between escapes.
      parts.push(' '.repeat(50 + Math.floor(next() * 400)) + 'x'.repeat(Math.floor(next() * 200)));
    } else {
      parts.push(pick(['the ', 'x = ', '\n', '"', "'", 'AKI', 'A', 'KIA', 'aw', 's', ';', '#', 'u00', '{', '}', '41', '65']));
    }
  }
  return (next() < 0.8 ? '\\u0020 ' : '') + parts.join('');
}

describe('keywords hidden behind escapes', () => {
  it('are found around escapes exactly as in the views of the whole text', () => {
    const next = seeded(1302);
    let hidden = 0;
    for (let round = 0; round < 3000; round++) {
      const text = randomText(next);
      const plain = new Set(findKeywords(text, rules));
      const whole = new Set(wholeTextHits(text));
      const found = new Set(hiddenKeywordHits(text, rules));
      for (const at of found) expect(whole.has(at), `${JSON.stringify(text)}: ${at} found, not in the whole-text search`).toBe(true);
      for (const at of whole) {
        if (plain.has(at)) continue;
        hidden++;
        expect(found.has(at), `${JSON.stringify(text)}: ${at} hidden, not found`).toBe(true);
      }
    }
    // The texts do hide keywords, many of them.
    expect(hidden).toBeGreaterThan(2000);
  });
});

describe('containsLiteral', () => {
  it('answers as text.includes, texts dense in the anchor character included', () => {
    const next = seeded(77);
    const alphabet = ['e', 'y', 'J', 'ey', 'eyJ', '&', '#', '\\', 'u', '0', '{', 'A', 'K', 'I', ' ', '\n'];
    const literals = ['eyJ', '&#', '\\u00', '\\u{', 'AKIA', 'J', 'JJJ', 'bedrock-api-key-', ''];
    for (let round = 0; round < 3000; round++) {
      // Long texts of few characters exhaust the budget of anchor hits, short ones do not.
      const parts: string[] = [];
      const count = next() < 0.2 ? 2000 + Math.floor(next() * 3000) : Math.floor(next() * 60);
      for (let i = 0; i < count; i++) parts.push(alphabet[Math.floor(next() * alphabet.length)]);
      const text = parts.join('');
      for (const literal of literals) expect(containsLiteral(text, literal), `${JSON.stringify(text.slice(0, 80))} ${literal}`).toBe(text.includes(literal));
    }
  });
});
