// ObjectNumbers numbers object ids (presence's commits, the blobs a history scan has read, where the two log
// readers meet): each id once, kept as binary, found again from its hex in any case, and nothing but hex ids of
// one width accepted. Ids that share their first bytes (a repository can grind them) must still be told apart.
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/sources/git/commits/collect-garbage.js';
import { ObjectNumbers } from '../src/sources/git/object-numbers.js';

describe('ObjectNumbers', () => {
  it('numbers each id once, in the order met, and finds it by its hex (SHA-1 and SHA-256)', () => {
    for (const bytes of [20, 32]) {
      const table = new ObjectNumbers();
      const ids = Array.from({ length: 5000 }, (_, i) => {
        const id = randomBytes(bytes);
        if (i % 3 === 0) id.fill(0x5a, 0, 8); // a third share their first eight bytes
        return id.toString('hex');
      });
      ids.forEach((id, i) => {
        expect(table.add(id)).toBe(true);
        expect(table.size).toBe(i + 1);
      });
      expect(table.add(ids[17])).toBe(false);
      expect(table.at(Buffer.from(`x${ids[42]}`, 'latin1'), 1, bytes * 2)).toBe(42);
      ids.forEach((id, i) => expect(table.find(id)).toBe(i));
      expect(table.find(ids[7].toUpperCase())).toBe(7);
      expect(table.has(randomBytes(bytes).toString('hex'))).toBe(false);
      expect(table.has(ids[3].slice(0, 40 - (bytes === 20 ? 2 : 0)))).toBe(false);
      expect(table.size).toBe(5000);
    }
  });

  it('refuses an id that is not hex, or not of the width of those before it', () => {
    const table = new ObjectNumbers();
    expect(() => table.add('z'.repeat(40))).toThrow(/git/);
    expect(() => table.add('ab'.repeat(10))).toThrow(/git/);
    table.add('ab'.repeat(20));
    expect(() => table.add('ab'.repeat(32))).toThrow(/git/);
    expect(table.find('ab'.repeat(32))).toBeUndefined();
    expect(table.find('zz'.repeat(20))).toBeUndefined();
    // Every digit counts, the last as much as the first; and f's are digits like any other.
    expect(() => table.add(`${'ab'.repeat(19)}ag`)).toThrow(/git/);
    expect(() => table.at(Buffer.from(`${'ab'.repeat(19)}a\u00e9`.slice(0, 40), 'latin1'), 0, 40)).toThrow(/git/);
    expect(table.add('f'.repeat(40))).toBe(true);
    expect(table.find('F'.repeat(40))).toBe(1);
    expect(table.hexAt(1)).toBe('f'.repeat(40));
    expect(table.hexAt(0)).toBe('ab'.repeat(20));
  });
});

describe('collectGarbage', () => {
  it('gives back a heap of garbage at once', () => {
    // Measured against what this thread held before (a test runner's worker holds tens of MB of its own).
    const held = v8.getHeapStatistics().used_heap_size;
    let garbage: unknown[] | null = Array.from({ length: 900_000 }, (_, i) => ({ i, text: `value ${i}`.repeat(4) }));
    const made = v8.getHeapStatistics().used_heap_size - held;
    expect(made).toBeGreaterThan(64 * 1024 * 1024);
    garbage = null;
    collectGarbage();
    expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(held + made / 4);
    expect(garbage).toBeNull();
  });
});
