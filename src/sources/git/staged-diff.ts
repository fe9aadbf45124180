// What the index adds, from one streamed `git diff --cached --raw -p -z -U0 --full-index`: the raw part names
// each staged file (NUL-separated, so any file name survives) with its index blob id, and the patch part,
// which git writes in the same order, gives the added line numbers from the hunk headers.
//
// Patches are matched to raw entries by structure, never by the names in them: a name may hold "\n+++ b/" or
// "\ndiff --git " and git quotes names differently across versions and settings. Each raw entry gets exactly
// one patch, except one whose file type changes (file <-> symlink <-> submodule: both modes present, types
// differ), which git always writes as two, a deletion then a creation (diff.c run_diff; --no-ext-diff keeps it
// so). Unmerged entries, whose "* Unmerged path" line is not quoted, are filtered out (--diff-filter=u). Every
// patch is then checked against the entry it is matched to: its "index OLD..NEW" line (full ids, from
// --full-index) and mode lines must name that entry's blobs and modes, and the number of patches must come
// out exact. Any disagreement is an error (exit 2), never added lines read from the wrong patch.
//
// The output is parsed as it streams: a newly added 200 MB file is 200 MB of "+" lines, and only their count
// matters, so memory holds one header line at a time (issue #10: a blob's scan stays within twice its size).
import { RuntimeError } from '../../errors.js';
import { ZERO_SHA, type Change } from './log.js';
import { gitStream } from './run.js';
import { words } from '../../words/index.js';

/** A staged change: `path` is where the file is in the index. */
export interface StagedFile extends Change {
  /** For a rename or copy, where it came from. */
  fromPath: string | null;
  /** 1-based line numbers of the staged version that the index adds; null when git saw the file as binary. */
  added: LineRuns | null;
}

/**
 * A set of line numbers kept as runs [from, to]: a hunk adds consecutive lines, so a new file of millions of
 * lines is one run (a Set of them took more memory than the file, and a Set holds at most 2^24 entries).
 */
export class LineRuns {
  /** Flat [from, to, ...], sorted and disjoint once `tidy` has run. */
  private runs: number[] = [];
  private sorted = true;

  add(line: number): void {
    const last = this.runs.length - 1;
    if (last > 0 && line === this.runs[last] + 1) this.runs[last] = line;
    else {
      if (last > 0 && line <= this.runs[last]) this.sorted = false;
      this.runs.push(line, line);
    }
  }

  has(line: number): boolean {
    this.tidy();
    let low = 0;
    let high = this.runs.length / 2 - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (line < this.runs[mid * 2]) high = mid - 1;
      else if (line > this.runs[mid * 2 + 1]) low = mid + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<number> {
    this.tidy();
    for (let r = 0; r < this.runs.length; r += 2) for (let line = this.runs[r]; line <= this.runs[r + 1]; line++) yield line;
  }

  private tidy(): void {
    if (this.sorted) return;
    const pairs: Array<[number, number]> = [];
    for (let r = 0; r < this.runs.length; r += 2) pairs.push([this.runs[r], this.runs[r + 1]]);
    pairs.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [from, to] of pairs) {
      const last = merged.length - 1;
      if (last > 0 && from <= merged[last] + 1) merged[last] = Math.max(merged[last], to);
      else merged.push(from, to);
    }
    this.runs = merged;
    this.sorted = true;
  }
}

// No --no-relative (git 2.28+): run.ts pins diff.relative=false, and git before 2.28 has no such setting.
const DIFF_ARGS = ['diff', '--cached', '--raw', '-p', '-z', '-U0', '--inter-hunk-context=0', '--no-abbrev', '--full-index', '-M', '--diff-filter=du', '--no-color', '--no-ext-diff', '--no-textconv', '--ignore-submodules=none', '--submodule=short'];

/** Runs the staged diff and parses it as it arrives. */
export async function readStagedDiff(cwd: string): Promise<StagedFile[]> {
  const { child, done } = gitStream(cwd, DIFF_ARGS);
  child.stdin.end();
  const parser = new StagedDiffParser();
  let failure: unknown = null;
  const ended = new Promise<void>((resolve) => {
    child.stdout.on('data', (piece: Buffer) => {
      if (failure !== null) return;
      try {
        parser.push(piece);
      } catch (error) {
        failure = error;
        child.kill();
      }
    });
    child.stdout.on('end', resolve);
  });
  await Promise.all([ended, done.catch((error: unknown) => { if (failure === null) throw error; })]);
  if (failure !== null) throw failure;
  return parser.finish();
}

/** Parses the whole output at once (unit tests). */
export function parseStagedDiff(output: Buffer): StagedFile[] {
  const parser = new StagedDiffParser();
  parser.push(output);
  return parser.finish();
}

const NUL = 0;
const NEWLINE = 0x0a;
/** A raw token (a path) longer than this is not git's: stop rather than buffer it. */
const MAX_TOKEN = 1 << 20;
/** Of a patch line only this much is kept; the headers that are read are far shorter. */
const KEPT = 4096;
const FILE_TYPE = (mode: string): number => Number.parseInt(mode, 8) & 0o170000;

/** What one patch must say, and the file whose added lines it gives. */
interface Expected {
  file: number;
  oldMode: string | null;
  newMode: string | null;
  oldSha: string | null;
  newSha: string | null;
}

/** The raw-then-patch grammar as a push parser. Exported for unit tests. */
export class StagedDiffParser {
  private readonly files: StagedFile[] = [];
  private mode: 'raw' | 'patch' = 'raw';
  /** The current raw token or patch line (the first KEPT bytes of a line). */
  private parts: Buffer[] = [];
  private partBytes = 0;
  private lineBytes = 0;
  /** Raw part: the entry whose paths are being read, and how many are still to come. */
  private entry: StagedFile | null = null;
  private pathsLeft = 0;
  private expected: Expected[] = [];
  private patch = -1;
  /** Inside a hunk: lines of each side still to come, and the next staged line number. */
  private oldLeft = 0;
  private newLeft = 0;
  private lineNumber = 0;
  private readonly binary = new Set<number>();

  push(piece: Buffer): void {
    let at = 0;
    while (at < piece.length) {
      if (this.mode === 'raw') {
        const end = piece.indexOf(NUL, at);
        this.keep(piece, at, end === -1 ? piece.length : end, MAX_TOKEN, MAX_TOKEN);
        if (end === -1) return;
        at = end + 1;
        this.rawToken(this.take());
        continue;
      }
      // A hunk line: only its first byte matters, the rest is skipped without being kept.
      if (this.lineBytes === 0 && (this.oldLeft > 0 || this.newLeft > 0)) {
        this.bodyLine(piece[at]);
        this.lineBytes = 1;
      }
      const end = piece.indexOf(NEWLINE, at);
      const stop = end === -1 ? piece.length : end;
      if (this.lineBytes === 0 || this.parts.length > 0) this.keep(piece, at, stop, KEPT, Infinity);
      else this.lineBytes += stop - at;
      if (end === -1) return;
      at = end + 1;
      const line = this.take();
      if (line !== '') this.patchLine(line);
    }
  }

  finish(): StagedFile[] {
    if (this.mode === 'raw') {
      if (this.entry !== null || this.partBytes > 0) throw outOfStep('it ended inside the list of files');
      this.startPatch(); // no files staged (an empty diff)
    } else if (this.partBytes > 0) {
      this.patchLine(this.take());
    }
    if (this.oldLeft > 0 || this.newLeft > 0) throw outOfStep('it ended inside a hunk');
    if (this.patch !== this.expected.length - 1) throw outOfStep(`${this.patch + 1} patches for ${this.expected.length} expected`);
    // A text file with no hunks (pure rename, mode change) adds nothing; `added` stays null only for binary.
    this.files.forEach((file, position) => {
      if (file.added === null && !this.binary.has(position)) file.added = new LineRuns();
    });
    return this.files;
  }

  /** Counts bytes [from, to) of the current token or line and keeps the first `cap` of them (over `limit`: an error). */
  private keep(piece: Buffer, from: number, to: number, cap: number, limit: number): void {
    this.lineBytes += to - from;
    if (this.lineBytes > limit) throw outOfStep('a name is implausibly long');
    const end = Math.min(to, from + Math.max(0, cap - this.partBytes));
    if (end > from) {
      this.parts.push(piece.subarray(from, end));
      this.partBytes += end - from;
    }
  }

  private take(): string {
    const kept = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    // Raw tokens are names (UTF-8); a patch line is read as bytes (latin1) and only its ASCII parts are used.
    const text = kept.toString(this.mode === 'raw' ? 'utf8' : 'latin1');
    this.parts = [];
    this.partBytes = 0;
    this.lineBytes = 0;
    return text;
  }

  private rawToken(token: string): void {
    if (this.entry !== null) {
      // A path may itself start with ':' or be anything else: it is read by position, not by look.
      if (this.entry.fromPath === null && this.pathsLeft === 2) this.entry.fromPath = token;
      else this.entry.path = token;
      if (--this.pathsLeft === 0) this.entry = null;
      return;
    }
    // Between the raw part and the patch git writes one more NUL: an empty token.
    if (token === '') {
      this.startPatch();
      return;
    }
    const fields = token.startsWith(':') ? token.slice(1).split(' ') : [];
    if (fields.length !== 5 || !/^[0-7]{6}$/.test(fields[0]) || !/^[0-7]{6}$/.test(fields[1])) throw outOfStep(`unexpected raw line ${JSON.stringify(token.slice(0, 80))}`);
    const [oldMode, newMode, oldSha, newSha, status] = fields;
    const twoPaths = status[0] === 'R' || status[0] === 'C';
    this.entry = { status: status[0], oldMode, newMode, oldSha: ZERO_SHA.test(oldSha) ? null : oldSha, newSha: ZERO_SHA.test(newSha) ? null : newSha, path: '', fromPath: null, added: null };
    this.pathsLeft = twoPaths ? 2 : 1;
    this.files.push(this.entry);
  }

  /** The patches the raw entries call for, in order. */
  private startPatch(): void {
    this.mode = 'patch';
    this.files.forEach((file, index) => {
      const oldMode = file.oldMode === '000000' ? null : file.oldMode;
      const newMode = file.newMode === '000000' ? null : file.newMode;
      if (oldMode !== null && newMode !== null && FILE_TYPE(oldMode) !== FILE_TYPE(newMode)) {
        this.expected.push({ file: index, oldMode, newMode: null, oldSha: file.oldSha, newSha: null });
        this.expected.push({ file: index, oldMode: null, newMode, oldSha: null, newSha: file.newSha });
      } else this.expected.push({ file: index, oldMode, newMode, oldSha: file.oldSha, newSha: file.newSha });
    });
  }

  private patchLine(line: string): void {
    if (line.startsWith('diff --git ')) {
      if (++this.patch >= this.expected.length) throw outOfStep(`more patches than the ${this.expected.length} expected`);
      return;
    }
    const expected = this.expected[this.patch];
    if (expected === undefined) throw outOfStep(`a line before the first patch: ${JSON.stringify(line.slice(0, 40))}`);
    const file = this.files[expected.file];
    if (line.startsWith('@@ ')) {
      const header = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (header === null) throw outOfStep(`unexpected hunk header ${JSON.stringify(line.slice(0, 80))}`);
      this.oldLeft = header[1] === undefined ? 1 : Number(header[1]);
      this.newLeft = header[3] === undefined ? 1 : Number(header[3]);
      this.lineNumber = Number(header[2]);
      file.added ??= new LineRuns();
      return;
    }
    if (line.startsWith('index ')) {
      const ids = /^index ([0-9a-f]+)\.\.([0-9a-f]+)(?: ([0-7]{6}))?$/.exec(line);
      if (ids === null || ids[1] !== (expected.oldSha ?? zeros(ids[1])) || ids[2] !== (expected.newSha ?? zeros(ids[2])) || (ids[3] !== undefined && ids[3] !== expected.newMode)) {
        throw outOfStep(`the patch for ${file.path} names other blobs`);
      }
      return;
    }
    const mode = /^(new file mode|deleted file mode|old mode|new mode) ([0-7]{6})$/.exec(line);
    if (mode !== null) {
      const want = mode[1] === 'new file mode' || mode[1] === 'new mode' ? expected.newMode : expected.oldMode;
      const absent = mode[1] === 'new file mode' ? expected.oldMode : mode[1] === 'deleted file mode' ? expected.newMode : null;
      if (mode[2] !== want || absent !== null) throw outOfStep(`the patch for ${file.path} has other modes`);
      return;
    }
    if (line.startsWith('Binary files ') || line === 'GIT binary patch') this.binary.add(expected.file);
  }

  private bodyLine(kind: number): void {
    const file = this.files[this.expected[this.patch].file];
    if (kind === 0x2b /* + */) {
      file.added!.add(this.lineNumber++);
      this.newLeft--;
    } else if (kind === 0x2d /* - */) {
      this.oldLeft--;
    } else if (kind === 0x20 /* space */) {
      this.lineNumber++;
      this.oldLeft--;
      this.newLeft--;
    } else if (kind !== 0x5c /* \ */) {
      throw outOfStep('a hunk is shorter than its header says');
    }
    if (this.oldLeft < 0 || this.newLeft < 0) throw outOfStep('a hunk is longer than its header says');
  }
}

/** git writes the absent side as zeros, as long as the hash (40 or 64). */
function zeros(like: string): string {
  return '0'.repeat(like.length);
}

function outOfStep(why: string): RuntimeError {
  return new RuntimeError(words().git.stagedDiff(why));
}
