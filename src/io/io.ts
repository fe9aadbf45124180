// What a run may touch of the outside world, handed in by the entry (cli.ts) so that everything below it
// is testable without a real process: only cli.ts reads process.* or sets the exit code.
import type { Readable } from 'node:stream';

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Ends the run now with this exit code, leaving unfinished work behind (detection on worker threads or the
   * main thread has no way to be cancelled): the pre-receive hook's time budget (src/commands/pre-receive.ts).
   * Absent where the caller is not a process of its own.
   */
  abandon?: (code: number) => void;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or FORCE_COLOR=0. */
export function wantsColor(stream: { isTTY?: boolean }, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
