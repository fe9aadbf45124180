// Shannon entropy (src/engine/entropy.ts) is counted in a table for ASCII values: it must give the very bits the
// Map count gave (the value is reported, and compared with each rule's minimum), for any value, also one whose
// non-ASCII character sends it to the Map after the table has counted part of it.
import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../src/engine/entropy.js';
import { seeded } from './support/random.js';

/** The count as it was: a Map, summed in order of first occurrence. */
function mapEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) counts.set(value.charCodeAt(i), (counts.get(value.charCodeAt(i)) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

describe('shannonEntropy', () => {
  it('gives the bits of a Map count, for ASCII and other values, one after another', () => {
    const next = seeded(42);
    const alphabets = ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'ab', 'A', '\x00\x7f~ ', 'aé€😀\u0080'];
    for (let round = 0; round < 5000; round++) {
      const alphabet = [...alphabets[Math.floor(next() * alphabets.length)]];
      let value = '';
      for (let i = Math.floor(next() * 200); i > 0; i--) value += alphabet[Math.floor(next() * alphabet.length)];
      expect(Object.is(shannonEntropy(value), mapEntropy(value)), JSON.stringify(value)).toBe(true);
    }
  });
});
