// Commits and their tree changes, from one streamed `git log --diff-merges=separate --root --raw -z
// --no-abbrev --no-renames`. Tree changes come from comparing trees (no content diffs), which is why this is
// cheap: on the benchmark repository 20,000 commits take about half a second. Merges are compared with each
// parent in turn; git omits the comparison with a parent whose tree is identical, which the attribution step
// relies on (fewer blocks than parents means some parent already had every path exactly as the merge has it).
// Planning asks for merges combined instead (LogRead.merges): one block of the paths a merge changed from
// every parent.
//
// The output is parsed by its structure alone, never by what a byte of data looks like (a subject, a name or a
// path may hold any byte git allows). Under -z every field ends with a NUL, and git never writes a NUL inside
// one (it cuts subjects and names at a NUL; paths cannot hold one). A commit comparison is
//   "<sha> <parent>..." NUL author NUL email NUL date NUL subject NUL      five fields, counted
//   then for each changed path: ["\n"]":<modes> <shas> <status>" NUL path NUL
// so the token after a header's fifth field or after a path is either a change (it starts with ':') or the
// next header, which starts with a hex sha. Data is only ever read as a counted field or as the path after a
// change, so no subject or file name can pass for structure. Anything else is refused (exit 2).
import { isUtf8 } from 'node:buffer';
import { RuntimeError } from '../../errors.js';
import { ObjectNumbers } from './object-numbers.js';
import { git, gitStream, gitVersion } from './run.js';
import { words } from '../../words/index.js';

export const ZERO_SHA = /^0+$/;
export const GITLINK_MODE = '160000';
export const SYMLINK_MODE = '120000';

export interface Change {
  status: string;
  oldMode: string;
  newMode: string;
  /** null when the path did not exist on that side. */
  oldSha: string | null;
  newSha: string | null;
  path: string;
}

export interface LogCommit {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** Strict ISO 8601 author date. */
  date: string;
  subject: string;
  /** One list of changes per parent git compared with (a root commit: one list, against nothing). */
  blocks: Change[][];
}

const FORMAT = '--format=%H %P%x00%an%x00%ae%x00%aI%x00%s';
/** Fields of a header after the ids: author, email, date, subject. */
const DATA_FIELDS = 4;
const IDS = /^\n?([0-9a-f]{40}(?:[0-9a-f]{24})?)((?: [0-9a-f]{40}(?:[0-9a-f]{24})?)*) ?$/;

/**
 * How merges are compared with their parents, whatever log.diffMerges says: each parent separately (what
 * attribution reads), or combined: only the paths where the merge differs from every parent, in one change
 * each (what planning reads, LogRead.merges). --diff-merges exists from git 2.31; before it -m always meant
 * "separately" and -c "combined" (and log.diffMerges did not exist). run.ts pins log.diffMerges=separate too,
 * so even a misread version gives the same answer.
 */
async function mergeArgs(cwd: string, merges: 'separate' | 'combined'): Promise<string> {
  const [major, minor] = await gitVersion(cwd);
  if (major > 2 || (major === 2 && minor >= 31)) return `--diff-merges=${merges}`;
  return merges === 'separate' ? '-m' : '-c';
}

export interface LogRead {
  /** Revisions for `git log` (e.g. ['--all'] or ['base..head']). */
  revs: readonly string[];
  /** More revisions on stdin (stash reflog entries, or every commit of an earlier read with `--no-walk`). */
  stdinRevs?: readonly string[] | Buffer;
  /** More options: `--no-walk=unsorted`, `--find-object=<blob>`. */
  options?: readonly string[];
  /**
   * 'combined': a merge's changes are only the paths where it differs from every parent (one block). Every blob
   * any commit holds is still set by some commit listed (a root, a commit against its one parent, or a merge
   * that differs from all), and git/git's merges compared with each parent separately list hundreds of millions
   * of changes (34 s of git's time on a git/git-sized history, against 4.6 s combined). Default 'separate'.
   */
  merges?: 'separate' | 'combined';
}

/**
 * Streams the log, handing each commit (all its comparisons) to `onCommit` as soon as it is complete, in git's
 * order: nothing is kept once handed over, so memory does not grow with the history (on git/git the merges'
 * comparisons with their second parent list hundreds of millions of changes).
 */
export async function streamLog(cwd: string, read: LogRead, onCommit: (commit: LogCommit) => void): Promise<void> {
  const given = stdinOf(read);
  await startLog(cwd, await logArgs(cwd, read, given.length > 0), given, onCommit).finished;
}

/** A second reader from the log's other end: once the log proves long, never, or from the first commit. */
export type LogReaders = 'auto' | 'one' | 'two';

/**
 * The same log read from both ends at once, by two gits: one lists the commits in git's order, the other the same
 * list oldest first (--reverse), and both stop where they meet. The tree comparisons are most of a long history's
 * scan and one git makes them on one core; two make them on both (a git/git-sized history: BENCHMARKS.md).
 *
 * Every commit of the list is handed over exactly once: the first reader hands over a prefix of the list in its
 * order (`fromEnd` false), the second the rest, last first (`fromEnd` true). A reader's next commit that the
 * other has handed over already is where they meet: the prefix and the suffix then cover the list. A reader that
 * ends on its own has handed over the whole list. Both start from the same commits, resolved once, so a ref
 * moved in between cannot give them different lists; a reader that fails before they meet fails the read. The
 * second reader starts only once the log proves long (SECOND_READER_AFTER); it then meets the first wherever the
 * two are.
 */
export async function streamLogBothEnds(cwd: string, read: LogRead, onCommit: (commit: LogCommit, fromEnd: boolean) => void, readers: LogReaders | number = 'auto'): Promise<void> {
  const given = stdinOf(read);
  // `--all` and the stash's entries as the commits they start from (tags peeled): the list git log makes from them.
  const starts = await git(cwd, ['rev-list', '--no-walk=unsorted', ...read.revs, ...(given.length > 0 ? ['--stdin'] : []), '--'], given);
  if (starts.length === 0) return; // (git log given no revision would read HEAD)
  const args = await logArgs(cwd, { ...read, revs: [] }, true);
  // The second reader starts once the first has handed over this many commits (a number: the tests' choice).
  const secondAfter = typeof readers === 'number' ? readers : readers === 'two' ? 0 : readers === 'one' ? Infinity : SECOND_READER_AFTER;
  const delivered = new ObjectNumbers();
  let met = false;
  const started: LogReader[] = [];
  const finishing: Array<Promise<void>> = [];
  const meet = (): void => {
    met = true;
    for (const reader of started) reader.stop();
  };
  const begin = (fromEnd: boolean): void => {
    const reader = startLog(cwd, fromEnd ? ['--reverse', ...args] : args, starts, (commit) => {
      if (met) return;
      if (!delivered.add(commit.sha)) meet();
      else onCommit(commit, fromEnd);
      if (!fromEnd && delivered.size === secondAfter && started.length === 1 && !met) begin(true);
    });
    started.push(reader);
    finishing.push(reader.finished.then(meet));
  };
  begin(false);
  if (secondAfter === 0) begin(true);
  try {
    // A reader started while waiting is waited for too.
    for (let count = 0; count < finishing.length; ) {
      count = finishing.length;
      await Promise.all(finishing);
    }
  } catch (error) {
    meet();
    throw error;
  }
}

/**
 * A log shorter than this is read by one git: a second one then costs more (its own walk of the whole history, and
 * a core taken from the blobs read beside the log) than it saves (the keyword-rare bench history, 20,000 commits:
 * 2.38 s with two against 2.23 s with one). A git/git-sized history, 200,000 commits: 8.8 s with two against
 * 9.5-10.1 s with one, alternating (BENCHMARKS.md, seventh session).
 */
const SECOND_READER_AFTER = 40_000;

/** What git reads on stdin for `read.stdinRevs`: a line each (empty when there are none). */
function stdinOf(read: LogRead): string | Buffer {
  const revs = read.stdinRevs ?? [];
  return Buffer.isBuffer(revs) ? revs : revs.length > 0 ? revs.join('\n') + '\n' : '';
}

async function logArgs(cwd: string, read: LogRead, stdin: boolean): Promise<string[]> {
  const args = [await mergeArgs(cwd, read.merges ?? 'separate'), '--root', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-show-signature', '--no-notes', '--encoding=UTF-8', FORMAT, ...(read.options ?? []), ...read.revs];
  if (stdin) args.push('--stdin');
  // `--` ends the revisions: without it git refuses a sha (not a range) that is also a file name in the work tree
  // ("ambiguous argument"), and a repository can hold a file named after one of its commits.
  args.push('--');
  return args;
}

interface LogReader {
  /** Settles after git's exit and the last commit handed over; rejects as gitStream's `done` does. */
  finished: Promise<void>;
  /** Hands over no more commits and ends git. */
  stop(): void;
}

function startLog(cwd: string, args: readonly string[], stdin: string | Buffer, onCommit: (commit: LogCommit) => void): LogReader {
  const { child, done, stop } = gitStream(cwd, ['log', ...args]);
  child.stdin.end(stdin);
  let stopped = false;
  const parser = new LogParser((commit) => {
    if (!stopped) onCommit(commit);
  });
  const reading = new Promise<void>((resolve, reject) => {
    let failed = false;
    child.stdout.on('data', (piece: Buffer) => {
      if (failed || stopped) return;
      try {
        parser.push(piece);
      } catch (error) {
        failed = true;
        stop();
        reject(error);
      }
    });
    child.stdout.on('end', resolve);
    child.stdout.on('close', resolve);
  });
  // parser.finish after git's exit status: a git that died says so, not "output ended inside a commit".
  const finished = Promise.all([done, reading]).then(() => {
    if (!stopped) parser.finish();
  });
  return {
    finished,
    stop: () => {
      stopped = true;
      stop();
    },
  };
}

const COLON = 0x3a;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Six octal digits: a file mode as git writes it. */
function isMode(data: Buffer, at: number): boolean {
  for (let i = at; i < at + 6; i++) if (data[i] < 0x30 || data[i] > 0x37) return false;
  return true;
}

function outOfStep(): Error {
  return new RuntimeError(words().git.logOutOfStep);
}

type Expect = 'header' | 'field' | 'change-or-header' | 'path';

/**
 * Push parser over NUL-terminated tokens, by position (see the top of this file). A commit is handed to the
 * sink once the next commit starts or the output ends: git writes all comparisons of a merge one after the
 * other. Without a sink, commits are collected (unit tests). Exported for unit tests.
 */
export class LogParser {
  readonly commits: LogCommit[] = [];
  private current: LogCommit | null = null;
  private rest: Buffer = Buffer.alloc(0);
  private expect: Expect = 'header';
  private ids: RegExpExecArray | null = null;
  private fields: string[] = [];
  private block: Change[] = [];
  /** The change whose path(s) come next, and how many. */
  private change: Change | null = null;
  private paths = 0;
  /** The empty token after a merge's header (combined changes) has been seen. */
  private combinedGap = false;

  constructor(private readonly sink: (commit: LogCommit) => void = (commit) => this.commits.push(commit)) {}

  push(piece: Buffer): void {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, piece]) : piece;
    let at = 0;
    for (;;) {
      const end = data.indexOf(0, at);
      if (end === -1) break;
      this.token(data, at, end);
      at = end + 1;
    }
    this.rest = Buffer.from(data.subarray(at));
  }

  /** The commits, once git has exited 0; output that stops inside a commit is an error. */
  finish(): LogCommit[] {
    if (this.rest.length > 0 || this.expect === 'field' || this.expect === 'path') throw new RuntimeError(words().git.logEnded);
    if (this.current !== null) this.sink(this.current);
    this.current = null;
    return this.commits;
  }

  private token(data: Buffer, start: number, end: number): void {
    switch (this.expect) {
      case 'field':
        this.fields.push(data.toString('utf8', start, end));
        if (this.fields.length === DATA_FIELDS) this.endHeader();
        return;
      case 'path':
        (this.change as Change).path = decodePath(data, start, end); // a rename's or copy's second path wins
        if (--this.paths === 0) this.expect = 'change-or-header';
        return;
      case 'change-or-header':
        // In this position a token that starts with ':' is a change (a header starts with a hex sha).
        if (data[start] === COLON || (data[start] === NEWLINE && data[start + 1] === COLON)) this.startChange(data, start, end);
        // A merge's combined changes follow its header after an empty token (where a change has its "\n").
        else if (start === end && this.block.length === 0 && !this.combinedGap) this.combinedGap = true;
        else this.header(data, start, end);
        return;
      case 'header':
        this.header(data, start, end);
    }
  }

  /**
   * ":<old mode> <new mode> <old sha> <new sha> <status>[score]", split like the old parser, then checked; a
   * merge's combined change has one colon, mode and sha per parent before the merge's own, and a status letter
   * per parent ("::100644 100644 100644 <sha> <sha> <sha> MM"): the change is kept against the first parent.
   */
  private startChange(data: Buffer, start: number, end: number): void {
    let from = data[start] === NEWLINE ? start + 1 : start;
    let parents = 0;
    while (from < end && data[from] === COLON) {
      from++;
      parents++;
    }
    // Fields: a mode per side (the parents', then the result's), a sha per side, the status, one space between.
    // Read by position, each checked (lengths and spaces tell a change from anything else here; regexes measured
    // slower), and each kept field a flat copy: a sha split out of the line kept the whole line alive in the plan
    // (20 MiB of a git/git-sized scan).
    const sides = parents + 1;
    const modesAt = from;
    for (let i = 0; i < sides; i++, from += 7) if (from + 6 >= end || data[from + 6] !== SPACE || !isMode(data, from)) throw outOfStep();
    const shasAt = from;
    const width = data.indexOf(SPACE, from) - from;
    if ((width !== 40 && width !== 64) || shasAt + sides * (width + 1) >= end) throw outOfStep();
    for (let i = 0; i < sides; i++, from += width + 1) if (data.indexOf(SPACE, from) !== from + width) throw outOfStep();
    const status = data.toString('latin1', from, end);
    if (!(status >= 'A' && status < '[') || status.includes(' ') || (parents > 1 && !/^[A-Z]+$/.test(status))) throw outOfStep();
    const oldSha = data.toString('latin1', shasAt, shasAt + width);
    const newSha = data.toString('latin1', shasAt + parents * (width + 1), shasAt + parents * (width + 1) + width);
    this.change = {
      status: status[0],
      oldMode: data.toString('latin1', modesAt, modesAt + 6),
      newMode: data.toString('latin1', modesAt + parents * 7, modesAt + parents * 7 + 6),
      oldSha: ZERO_SHA.test(oldSha) ? null : oldSha,
      newSha: ZERO_SHA.test(newSha) ? null : newSha,
      path: '',
    };
    this.block.push(this.change);
    // A combined change names its path once (no renames: --no-renames).
    this.paths = parents === 1 && (status[0] === 'R' || status[0] === 'C') ? 2 : 1;
    this.expect = 'path';
  }

  private header(data: Buffer, start: number, end: number): void {
    this.combinedGap = false;
    const ids = IDS.exec(data.toString('latin1', start, end));
    if (ids === null) throw outOfStep();
    this.ids = ids;
    this.fields = [];
    this.expect = 'field';
  }

  private endHeader(): void {
    const [, sha, parents] = this.ids as RegExpExecArray;
    const [author, email, date, subject] = this.fields;
    let commit = this.current;
    if (commit?.sha !== sha) {
      if (commit !== null) this.sink(commit);
      commit = { sha, parents: parents.split(' ').filter((part) => part !== ''), author, email, date, subject, blocks: [] };
      this.current = commit;
    }
    this.block = [];
    commit.blocks.push(this.block);
    this.expect = 'change-or-header';
  }
}

/**
 * A path as a string that keeps it apart from every other path: UTF-8 when it is valid UTF-8 (nearly always),
 * else each byte that is not part of valid UTF-8 becomes a lone surrogate U+DC80..U+DCFF, which valid UTF-8
 * never decodes to ("surrogateescape"). Plain decoding would turn every invalid byte into U+FFFD, and two
 * different file names of one commit could then pass for one (one's key judged by the other's history).
 */
export function decodePath(data: Buffer, start = 0, end = data.length): string {
  const bytes = data.subarray(start, end);
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let at = 0;
  while (at < bytes.length) {
    const length = utf8Length(bytes, at);
    if (length === 0) {
      out += String.fromCharCode(0xdc00 | bytes[at]);
      at++;
    } else {
      out += bytes.toString('utf8', at, at + length);
      at += length;
    }
  }
  return out;
}

/** The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlongs, no surrogates), or 0. */
function utf8Length(bytes: Buffer, at: number): number {
  const first = bytes[at];
  if (first < 0x80) return 1;
  const cont = (index: number, low = 0x80, high = 0xbf): boolean => index < bytes.length && bytes[index] >= low && bytes[index] <= high;
  if (first >= 0xc2 && first <= 0xdf) return cont(at + 1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return cont(at + 1, low, high) && cont(at + 2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return cont(at + 1, low, high) && cont(at + 2) && cont(at + 3) ? 4 : 0;
  }
  return 0;
}
