// The log's commits, handed on as the log is read, to the pass that reads the same commits' messages
// (messages.ts). A whole history's messages were listed by a `git rev-list` of their own: a second walk of the
// history, about a second of a core on a git/git-sized one (BENCHMARKS.md, ninth session). The log lists the
// same commits (the same revisions, no path limits), each handed over exactly once (commits/plan.ts).
import type { Writable } from 'node:stream';
import type { IdSource } from './cat-file.js';

export class CommitFeed implements IdSource {
  readonly done: Promise<void>;
  private into: Writable | null = null;
  /** Ids not yet written ("sha\n" each): cat-file reads more slowly than the log lists. */
  private waiting = '';
  /** `into` asked to wait (write returned false) until it drains. */
  private full = false;
  private ended = false;
  private stopped = false;
  /** `into` was ended (once only). */
  private closed = false;
  private settle!: (error: unknown) => void;

  constructor() {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === null ? resolve() : reject(error));
    });
    this.done.catch(() => {}); // a reader that failed first no longer awaits it
  }

  /** A commit of the log. */
  push(sha: string): void {
    if (this.ended || this.stopped) return;
    this.waiting += `${sha}\n`;
    // Written in pieces, never a write per id: each queued write costs far more memory than its 41 bytes.
    if (!this.full && this.waiting.length >= PIECE) this.flush();
  }

  /** The log was read to its end: every commit has been pushed. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.full) this.flush();
    this.settle(null);
  }

  /** The log was not read to its end: the commits pushed are not all of them. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.waiting = '';
    this.close();
    this.settle(error);
  }

  pipe(into: Writable): void {
    this.into = into;
    into.on('drain', () => {
      this.full = false;
      this.flush();
    });
    this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.waiting = '';
  }

  /** Writes what waits, unless `into` is full; ends it once the log has ended and nothing waits. */
  private flush(): void {
    const into = this.into;
    if (into === null) return;
    if (this.waiting.length > 0 && !this.stopped) {
      const piece = this.waiting;
      this.waiting = '';
      this.full = !into.write(piece);
    }
    if (this.ended && !this.full && this.waiting.length === 0) this.close();
  }

  private close(): void {
    if (this.into === null || this.closed) return;
    this.closed = true;
    this.into.end();
  }
}

/** Ids written at once: about 400 (a pipe takes 64 KiB). */
const PIECE = 16 * 1024;
