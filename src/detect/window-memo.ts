// Windows already read, and what they held. A history is mostly the same files again with small edits, and an
// AWS-heavy file (SDK code, moto-style fixtures quoting AWS's example keys on every page) opens windows all
// over: without this, every version of such a file costs every rule and view over every window again
// (BENCHMARKS.md, 2026-11-26, fifth session). With it, a window costs one hash unless its text is new.
//
// Exact, not a heuristic: what reading a window yields depends only on its own text and the rules (engine/scan.ts
// reads a window through views of `text.slice(from, to)` alone). Only a match's confidence can depend on more
// (the path, and `near` evidence around it in the whole text), so the reading kept is the matches before that
// step, and replaying one is the same as reading the window again. The key is a SHA-256 of the window's text:
// a window crafted to collide with a remembered one, to hide a key in it, would need a SHA-256 collision.
import * as crypto from 'node:crypto';
import type { WindowMemory, WindowReading } from '../engine/scan.js';

/** Windows shorter than this are read again: hashing them costs about as much as the rules do. */
const MIN_CHARS = 512;
/** Remembered windows per rule set (about 100 bytes each, more with matches), oldest forgotten first. */
const MAX_ENTRIES = 65536;
const NOTHING: WindowReading = Object.freeze({ matches: [], tokens: [] }) as unknown as WindowReading;

export class WindowMemo implements WindowMemory {
  /** Per rule set (scan.ts reads wide windows with a subset of the rules): window hash → its reading. */
  private readonly sets = new WeakMap<object, Map<string, WindowReading>>();
  /** Windows replayed and windows read (the tests check that replays happen). */
  recalled = 0;
  read = 0;

  /** The window's key, or null when it is too short to be worth remembering. */
  keyOf(text: string, from: number, to: number): string | null {
    if (to - from < MIN_CHARS) return null;
    return sha256Key(text.slice(from, to));
  }

  /** The reading of a window with this key, positions relative to the window's start. */
  recall(rules: object, key: string): WindowReading | undefined {
    const reading = this.sets.get(rules)?.get(key);
    if (reading !== undefined) this.recalled++;
    return reading;
  }

  remember(rules: object, key: string, reading: WindowReading): void {
    this.read++;
    // A match's strings are slices of the text it was read in, and a slice keeps its whole text alive: copied,
    // a remembered window costs its matches, not the megabytes of the file it came from.
    for (const match of reading.matches) {
      match.secret = detached(match.secret);
      if (match.keyId !== null) match.keyId = detached(match.keyId);
    }
    let set = this.sets.get(rules);
    if (set === undefined) this.sets.set(rules, (set = new Map()));
    if (set.size >= MAX_ENTRIES) set.delete(set.keys().next().value!);
    // Most windows hold nothing: they share one reading (never changed: scan.ts only reads a recalled one).
    set.set(key, reading.matches.length === 0 && reading.tokens.length === 0 ? NOTHING : reading);
  }
}

/**
 * 128 bits of SHA-256 (a collision is as far out of reach, and the key half as large in memory), as base64.
 * crypto.hash (Node 20.12+) makes no Hash object: 40% less time per window than createHash.
 */
const sha256Key: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'base64').slice(0, 22)
    : (text) => crypto.createHash('sha256').update(text).digest('base64').slice(0, 22);

/** A copy of `text` that shares no storage with it (UTF-16 both ways: exact for any string). */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
