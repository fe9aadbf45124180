// Commit ids numbered 0, 1, 2... in the order met, each kept once in one buffer and found through a hash table
// of typed arrays: 200,000 commits as a string and a map entry each were tens of MiB of a git/git-sized scan.
import { RuntimeError } from '../../errors.js';
import { words } from '../../words/index.js';

/**
 * Presence numbers rev-list's output with it (that output and a string a commit were 60 MiB over the rest of a
 * git/git-sized scan's peak); the log read from both ends (log.ts) tells with it where its two readers meet.
 */
export class CommitNumbers {
  size = 0;
  private width = 0;
  private ids = Buffer.alloc(0);
  /** number + 1 (0: free) at hash & mask, linear probing; grown at half full. */
  private slots = new Int32Array(1024);
  private scratch = Buffer.alloc(32);

  /** The number of the id at data[start, start + width), given one if new. */
  at(data: Buffer, start: number, width: number): number {
    if (this.size === 0) this.width = width;
    else if (width !== this.width) throw new RuntimeError(words().git.logOutOfStep);
    const mask = this.slots.length - 1;
    for (let slot = hashOf((i) => data[start + i]) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return this.insert(data, start, slot);
      if (data.compare(this.ids, (held - 1) * width, held * width, start, start + width) === 0) return held - 1;
    }
  }

  /**
   * Numbers the hex id `sha`, kept as its binary bytes (half the memory); false when it had a number already.
   * One set of numbers holds ids one way only: through add, or through at and find.
   */
  add(sha: string): boolean {
    const size = this.size;
    this.at(this.scratch, 0, this.scratch.write(sha, 0, 'hex'));
    return this.size > size;
  }

  /** The number of a commit met in the output, or undefined. */
  find(sha: string): number | undefined {
    if (sha.length !== this.width) return undefined;
    const mask = this.slots.length - 1;
    for (let slot = hashOf((i) => sha.charCodeAt(i)) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return undefined;
      if (this.ids.toString('latin1', (held - 1) * this.width, held * this.width) === sha) return held - 1;
    }
  }

  private insert(data: Buffer, start: number, slot: number): number {
    const width = this.width;
    if ((this.size + 1) * width > this.ids.length) {
      const grown = Buffer.alloc(Math.max(1024 * width, this.ids.length * 2));
      this.ids.copy(grown);
      this.ids = grown;
    }
    data.copy(this.ids, this.size * width, start, start + width);
    this.slots[slot] = ++this.size;
    if (this.size * 2 > this.slots.length) this.rehash();
    return this.size - 1;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 1; n <= this.size; n++) {
      const at = (n - 1) * this.width;
      let slot = hashOf((i) => this.ids[at + i]) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    this.slots = slots;
  }
}

/** A hash of an id from its first 8 hex characters (an object id is a hash already). */
function hashOf(charAt: (i: number) => number): number {
  let h = 0;
  for (let i = 0; i < 8; i++) h = (h * 31 + charAt(i)) | 0;
  return (h ^ (h >>> 15)) >>> 0;
}

