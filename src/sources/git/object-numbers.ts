// Object ids numbered 0, 1, 2... in the order met, each kept once as its binary value in one typed array and
// found through a hash table of typed arrays: 20 bytes and a slot an id, where a string and a map entry cost
// about 90 (200,000 commits or blobs of a git/git-sized scan were tens of MiB that way). On the history's hot
// path (every change of the log is numbered), so ids are decoded and compared as 32-bit words, with no closure
// or call into Buffer per id: as fast as a Map of strings.
import { randomBytes } from 'node:crypto';
import { RuntimeError } from '../../errors.js';
import { words } from '../../words/index.js';
import { grown } from './typed-arrays.js';

/**
 * Presence numbers rev-list's commits with it; the log read from both ends (log.ts) tells with it where its two
 * readers meet; a history scan numbers its planned blobs and keeps those it has scanned in one.
 */
export class ObjectNumbers {
  size = 0;
  /** 32-bit words an id (5, or 8 for SHA-256), set by the first. */
  private width = 0;
  private ids = new Int32Array(0);
  /** number + 1 (0: free) at hash & mask, linear probing; grown at half full. */
  private slots = new Int32Array(1024);
  private readonly scratch = new Int32Array(8);
  private readonly bytes = Buffer.alloc(32);

  /** The number of the hex id at data[start, start + hexLength), given one if new (an id that is not hex is refused). */
  at(data: Buffer, start: number, hexLength: number): number {
    if (!this.fits(hexLength)) throw outOfStep();
    let bad = 0;
    for (let w = 0, at = start; w < hexLength / 8; w++) {
      let word = 0;
      for (const end = at + 8; at < end; at++) {
        const digit = nibble(data[at]);
        bad |= digit;
        word = (word << 4) | (digit & 15);
      }
      this.scratch[w] = word;
    }
    if (bad < 0) throw outOfStep();
    return this.number(true);
  }

  /** Numbers the hex id `sha`; false when it had a number already. */
  add(sha: string): boolean {
    const size = this.size;
    this.numberOf(sha);
    return this.size > size;
  }

  /** The number of the hex id `sha`, given one if new (an id that is not hex is refused). */
  numberOf(sha: string): number {
    if (!this.decode(sha)) throw outOfStep();
    return this.number(true);
  }

  /** The number of the hex id `sha`, or undefined. */
  find(sha: string): number | undefined {
    if (this.size === 0 || !this.decode(sha)) return undefined;
    const number = this.number(false);
    return number === -1 ? undefined : number;
  }

  has(sha: string): boolean {
    return this.find(sha) !== undefined;
  }

  /** The hex id numbered `number` (its words written out big-endian: one native hex conversion, not one a word). */
  hexAt(number: number): string {
    const width = this.width;
    for (let w = 0; w < width; w++) this.bytes.writeInt32BE(this.ids[number * width + w], w * 4);
    return this.bytes.toString('hex', 0, width * 4);
  }

  /** Can a hex id this long be held: 40 or 64 digits, of this table's width once it has one? */
  private fits(hexLength: number): boolean {
    const width = hexLength / 8;
    if ((width !== 5 && width !== 8) || (this.size > 0 && width !== this.width)) return false;
    this.width = width;
    return true;
  }

  /** `sha` into scratch; false for anything but hex of a width this table holds. */
  private decode(sha: string): boolean {
    if (!this.fits(sha.length)) return false;
    let bad = 0;
    for (let w = 0, at = 0; w < sha.length / 8; w++) {
      let word = 0;
      for (const end = at + 8; at < end; at++) {
        const digit = nibble(sha.charCodeAt(at));
        bad |= digit;
        word = (word << 4) | (digit & 15);
      }
      this.scratch[w] = word;
    }
    return bad >= 0;
  }

  /** The number of the id in scratch: inserted if new and `insert`, else -1 when absent. */
  private number(insert: boolean): number {
    const { width, ids, scratch } = this;
    const mask = this.slots.length - 1;
    for (let slot = hashOf(scratch, 0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return insert ? this.insert(slot) : -1;
      let w = 0;
      for (const at = (held - 1) * width; w < width && ids[at + w] === scratch[w]; w++);
      if (w === width) return held - 1;
    }
  }

  private insert(slot: number): number {
    const width = this.width;
    if ((this.size + 1) * width > this.ids.length) this.ids = grown(this.ids, Math.max(1024 * width, this.ids.length * 2));
    this.ids.set(this.scratch.subarray(0, width), this.size * width);
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
 * A hash of an id's first two words, mixed with a seed drawn per run: an object id is a hash already, but a
 * repository may hold objects ground to share their first bytes, to make every lookup probe every slot.
 */
function hashOf(ids: Int32Array, at: number): number {
  const h = Math.imul(ids[at] ^ SEED, 0x9e3779b1) ^ ids[at + 1];
  return Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
}

const SEED = randomBytes(4).readInt32LE(0);

/** A hex digit's value, or -1 (every bit set: ORed together, the digits of an id are negative if one is not hex). */
function nibble(code: number): number {
  return code < 128 ? NIBBLES[code] : -1;
}

const NIBBLES = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) NIBBLES['0123456789abcdef'.charCodeAt(digit)] = digit;
for (let digit = 10; digit < 16; digit++) NIBBLES['ABCDEF'.charCodeAt(digit - 10)] = digit;

function outOfStep(): Error {
  return new RuntimeError(words().git.logOutOfStep);
}
