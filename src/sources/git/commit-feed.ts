// The log's commits, handed on as the log is read, to the pass that reads the same commits' messages
// (messages.ts). A whole history's messages were listed by a `git rev-list` of their own: a second walk of the
// history, about a second of a core on a git/git-sized one (BENCHMARKS.md, ninth session). The log lists the
// same commits (the same revisions, no path limits), each handed over exactly once (commits/plan.ts).
import type { Writable } from 'node:stream';
import type { IdSource } from './cat-file.js';

export class CommitFeed implements IdSource {
  readonly done: Promise<void>;
  private into: Writable | null = null;
  private waiting: string[] = [];
  private ended = false;
  private stopped = false;
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
    if (this.into === null) this.waiting.push(sha);
    else this.into.write(`${sha}\n`);
  }

  /** The log was read to its end: every commit has been pushed. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.into?.end();
    this.settle(null);
  }

  /** The log was not read to its end: the commits pushed are not all of them. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.into?.end();
    this.settle(error);
  }

  pipe(into: Writable): void {
    this.into = into;
    if (this.waiting.length > 0 && !this.stopped) into.write(`${this.waiting.join('\n')}\n`);
    this.waiting = [];
    if (this.ended) into.end();
  }

  stop(): void {
    this.stopped = true;
    this.waiting = [];
  }
}
