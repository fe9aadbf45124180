// Object ids numbered 0, 1, 2... in the order met, each kept once as its binary bytes in one buffer and found
// through a hash table of typed arrays: 20 bytes and a slot an id, where a string and a map entry cost about 90
// (200,000 commits or blobs of a git/git-sized scan were tens of MiB that way).
import { randomBytes } from 'node:crypto';
import { RuntimeError } from '../../errors.js';
import { words } from '../../words/index.js';

/**
 * Presence numbers rev-list's commits with it; the log read from both ends (log.ts) tells with it where its two
 * readers meet; a history scan keeps the blobs it has scanned in one.
 */
export class ObjectNumbers {
  size = 0;
  /** Bytes an id (20, or 32 for SHA-256), set by the first. */
  private width = 0;
  private ids = Buffer.alloc(0);
  /** number + 1 (0: free) at hash & mask, linear probing; grown at half full. */
  private slots = new Int32Array(1024);
  private readonly scratch = Buffer.alloc(32);

  /** The number of the hex id at data[start, start + hexLength), given one if new (an id that is not hex is refused). */
  at(data: Buffer, start: number, hexLength: number): number {
    this.decode((i) => data[start + i], hexLength);
    return this.number(true);
  }

  /** Numbers the hex id `sha`; false when it had a number already. */
  add(sha: string): boolean {
    const size = this.size;
    this.decode((i) => sha.charCodeAt(i), sha.length);
    this.number(true);
    return this.size > size;
  }

  /** The number of the hex id `sha`, given one if new. */
  numberOf(sha: string): number {
    this.decode((i) => sha.charCodeAt(i), sha.length);
    return this.number(true);
  }

  /** The hex id numbered `number`. */
  hexAt(number: number): string {
    return this.ids.toString('hex', number * this.width, (number + 1) * this.width);
  }

  /** The number of the hex id `sha`, or undefined. */
  find(sha: string): number | undefined {
    if (sha.length !== this.width * 2 || !this.decode((i) => sha.charCodeAt(i), sha.length, false)) return undefined;
    const number = this.number(false);
    return number === -1 ? undefined : number;
  }

  has(sha: string): boolean {
    return this.find(sha) !== undefined;
  }

  /** Hex into scratch; false (or a refusal, when `strict`) for anything but 40 or 64 hex digits of this table's width. */
  private decode(charAt: (i: number) => number, hexLength: number, strict = true): boolean {
    const width = hexLength / 2;
    let ok = (width === 20 || width === 32) && (this.size === 0 || width === this.width);
    for (let i = 0; ok && i < width; i++) {
      const high = nibble(charAt(2 * i));
      const low = nibble(charAt(2 * i + 1));
      if (high < 0 || low < 0) ok = false;
      else this.scratch[i] = (high << 4) | low;
    }
    if (!ok && strict) throw new RuntimeError(words().git.logOutOfStep);
    if (ok && this.size === 0) this.width = width;
    return ok;
  }

  /** The number of the id in scratch: inserted if new and `insert`, else -1 when absent. */
  private number(insert: boolean): number {
    const width = this.width;
    const mask = this.slots.length - 1;
    for (let slot = hashOf(this.scratch, 0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return insert ? this.insert(slot) : -1;
      if (this.scratch.compare(this.ids, (held - 1) * width, held * width, 0, width) === 0) return held - 1;
    }
  }

  private insert(slot: number): number {
    const width = this.width;
    if ((this.size + 1) * width > this.ids.length) {
      const grown = Buffer.alloc(Math.max(1024 * width, this.ids.length * 2));
      this.ids.copy(grown);
      this.ids = grown;
    }
    this.scratch.copy(this.ids, this.size * width, 0, width);
    this.slots[slot] = ++this.size;
    if (this.size * 2 > this.slots.length) this.rehash();
    return this.size - 1;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 1; n <= this.size; n++) {
      let slot = hashOf(this.ids, (n - 1) * this.width) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    this.slots = slots;
  }
}

/**
 * A hash of an id's first eight bytes, mixed with a seed drawn per run: an object id is a hash already, but a
 * repository may hold objects ground to share their first bytes, to make every lookup probe every slot.
 */
function hashOf(bytes: Buffer, at: number): number {
  const h = Math.imul(bytes.readUInt32LE(at) ^ SEED, 0x9e3779b1) ^ bytes.readUInt32LE(at + 4);
  return Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
}

const SEED = randomBytes(4).readUInt32LE(0);

/** A hex digit's value, or -1. */
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}
