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

  it('answer as the walks do when asked in ascending order, near and far (the gallop from the last answer)', () => {
    const next = seeded(6);
    let asked = 0;
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let i = Math.floor(next() * 3000); i > 0; i--) text += next() < 0.1 ? '\n' : 'x';
      const steps = lineSteps(text);
      for (let offset = 0; offset <= text.length; offset += Math.floor(next() * (next() < 0.9 ? 30 : 600))) {
        // Now and then a step back, as a window's start after its hit's end.
        const at = next() < 0.1 ? Math.max(0, offset - Math.floor(next() * 200)) : offset;
        const count = Math.floor(next() * 6);
        expect(steps.back(at, count, -1), `back ${at} ${count}`).toBe(linesBack(text, at, count, -1));
        expect(steps.forward(at, count, text.length), `forward ${at} ${count}`).toBe(linesForward(text, at, count, text.length));
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(10_000);
  });
});
