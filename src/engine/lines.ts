// Offsets → 1-based line and column. Built lazily, only for texts that produced a candidate, because most
// scanned texts produce none. Lines end at LF; a CR before it is just a character at the end of the line, so
// CRLF files get the same lines and columns as LF files.

export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  private build(): number[] {
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }

  /** 0-based line index of `offset`. */
  lineOf(offset: number): number {
    const starts = (this.starts ??= this.build());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts![line] + 1 };
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
