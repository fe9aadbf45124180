// Offsets → 1-based line and column. Built lazily, only for texts that produced a candidate, because most
// scanned texts produce none. Lines end at LF; a CR before it is just a character at the end of the line, so
// CRLF files get the same lines and columns as LF files.
//
// The index is sparse: for every block of BLOCK characters it keeps how many line breaks come before the
// block and where the line running into it starts, and a question counts breaks within one block. An array
// of every line start cost 8 bytes or more per line: 100+ MB for a 200 MB file of short lines, more than the
// file (issue #10: a blob's scan must stay within about twice its size).

/** Characters per block: a question reads at most this many; the index holds 8 bytes per block. */
const BLOCK = 1 << 16;

export class LineIndex {
  /** Per block: line breaks before its first character, and the offset where the line holding it starts. */
  private breaks: Int32Array | null = null;
  private starts: Int32Array | null = null;
  constructor(private readonly text: string) {}

  private build(): void {
    const blocks = Math.floor(this.text.length / BLOCK) + 1;
    const breaks = new Int32Array(blocks);
    const starts = new Int32Array(blocks);
    let count = 0;
    let lineStart = 0;
    let block = 1;
    for (let i = this.text.indexOf('\n'); ; i = this.text.indexOf('\n', i + 1)) {
      const at = i === -1 ? this.text.length : i;
      // Blocks that begin at or before this break (and after the previous one) lie in the current line.
      for (; block < blocks && block * BLOCK <= at; block++) {
        breaks[block] = count;
        starts[block] = lineStart;
      }
      if (i === -1) break;
      count++;
      lineStart = i + 1;
    }
    this.breaks = breaks;
    this.starts = starts;
  }

  /** 0-based line index of `offset`. */
  lineOf(offset: number): number {
    return this.locate(offset).line;
  }

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const { line, start } = this.locate(offset);
    return { line: line + 1, column: offset - start + 1 };
  }

  private locate(offset: number): { line: number; start: number } {
    if (this.breaks === null) this.build();
    const block = Math.min(Math.floor(Math.max(0, offset) / BLOCK), this.breaks!.length - 1);
    let line = this.breaks![block];
    let start = this.starts![block];
    for (let i = this.text.indexOf('\n', block * BLOCK); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      line++;
      start = i + 1;
    }
    return { line, start };
  }
}

// The two helpers below scan character by character between the bounds instead of calling
// lastIndexOf/indexOf, which would run to the ends of a 5 MB single-line file on every call.

/** Offset of the start of the line `count` lines above the one holding `offset`, but not before `floor`. */
export function linesBack(text: string, offset: number, count: number, floor: number): number {
  const stop = Math.max(floor, 0);
  let seen = 0;
  for (let i = offset - 1; i >= stop; i--) {
    if (text.charCodeAt(i) === 10 && ++seen > count) return i + 1;
  }
  return stop;
}

/** Offset of the end (the LF, exclusive) of the line `count` lines below the one holding `offset`, but not after `ceiling`. */
export function linesForward(text: string, offset: number, count: number, ceiling: number): number {
  const stop = Math.min(ceiling, text.length);
  let seen = 0;
  for (let i = offset; i < stop; i++) {
    if (text.charCodeAt(i) === 10 && ++seen > count) return i;
  }
  return stop;
}

/**
 * linesBack and linesForward, answered for one text many times over (windows around every hit of a file that
 * names AWS on every line): a table of where each line starts, so that each answer is a binary search instead
 * of a walk over `count` lines. Texts over TABLE_MAX characters walk as before (the table costs 4 bytes a line).
 */
export interface LineSteps {
  back(offset: number, count: number, floor: number): number;
  forward(offset: number, count: number, ceiling: number): number;
}

const TABLE_MAX = 8 * 1024 * 1024;

export function lineSteps(text: string): LineSteps {
  if (text.length > TABLE_MAX) return { back: (offset, count, floor) => linesBack(text, offset, count, floor), forward: (offset, count, ceiling) => linesForward(text, offset, count, ceiling) };
  const starts = lineStarts(text);
  const lines = starts.length;
  let last = 0;
  /** The line holding `offset` (a line's LF belongs to it). */
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lines - 1;
    // Hits, runs and windows ask in ascending order, a few lines apart: from the last answer, a gallop
    // bounds the search to the lines just ahead.
    if (starts[last] <= offset) {
      low = last;
      let step = 1;
      for (; low + step < lines && starts[low + step] <= offset; step *= 2) low += step;
      high = Math.min(high, low + step - 1);
    }
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    last = low;
    return low;
  };
  return {
    back(offset, count, floor) {
      const stop = Math.max(floor, 0);
      const line = lineOf(offset) - count;
      return line >= 0 ? Math.max(starts[line], stop) : stop;
    },
    forward(offset, count, ceiling) {
      const stop = Math.min(ceiling, text.length);
      const below = lineOf(offset) + count + 1;
      return below < lines ? Math.min(starts[below] - 1, stop) : stop;
    },
  };
}

/** Where each line of `text` starts (the first at 0), in one pass over its LFs. */
function lineStarts(text: string): Int32Array {
  let starts = new Int32Array(Math.max(64, text.length >> 7));
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (lines === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[lines++] = i + 1;
  }
  return starts.subarray(0, lines);
}
