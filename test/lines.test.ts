// Line steps (src/engine/lines.ts): the engine asks "N lines back / forward from here, within these bounds"
// thousands of times per text. The table of line starts must answer exactly as the walks it replaces, for
// every offset (a line's LF belongs to it), count, bound (below 0, past the end) and text (empty, no LF,
// LF first or last, CRLF).
import { describe, expect, it } from 'vitest';
import { lineSteps, linesBack, linesForward } from '../src/engine/lines.js';
import { seeded } from './support/random.js';

describe('line steps', () => {
  it('answer as the walks do, on random texts, offsets, counts and bounds', () => {
    const next = seeded(5);
    const texts = ['', '\n', '\n\n', 'abc', 'abc\n', '\nabc', 'a\r\nb\r\n', 'one\ntwo\n\nfour'];
    for (let t = 0; t < 2000; t++) {
      let text = '';
      for (let i = Math.floor(next() * 120); i > 0; i--) text += next() < 0.15 ? '\n' : next() < 0.05 ? '\r' : 'x';
      texts.push(text);
    }
    let asked = 0;
    for (const text of texts) {
      const steps = lineSteps(text);
      for (let q = 0; q < 40; q++) {
        const offset = Math.floor(next() * (text.length + 1));
        const count = Math.floor(next() * 6);
        const floor = Math.floor(next() * (text.length + 20)) - 10;
        const ceiling = Math.floor(next() * (text.length + 20)) - 10;
        expect(steps.back(offset, count, floor), `back ${JSON.stringify(text)} ${offset} ${count} ${floor}`).toBe(linesBack(text, offset, count, floor));
        expect(steps.forward(offset, count, ceiling), `forward ${JSON.stringify(text)} ${offset} ${count} ${ceiling}`).toBe(linesForward(text, offset, count, ceiling));
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(80_000);
  });
});
