// `scan --commit-msg FILE` (the commit-msg hook): the message git is about to commit, from the file git passes
// the hook as $1. A key pasted into `git commit -m` or the editor is blocked before the commit exists.
// What git will commit is not fully known here: comment lines are dropped only when the message was edited
// (`--cleanup=default` keeps them with -m), so every line is scanned (more reported, never less). What follows
// git's scissors line is cut: `git commit -v` puts the staged diff there, and git never commits it (a commit
// that removes a key would otherwise be blocked by its own diff). The scissors line is recognised with git's
// default comment character '#' only: core.commentChar is not read (no git call on this path), so with another
// comment character the diff is scanned too, which again reports more, never less.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Detect, Located, Source } from '../types.js';
import type { SourceContext } from './context.js';
import { locate } from './locate.js';

/** A finding's `file` for a key in a commit message (here and in history scans: git/messages.ts); findings.ts holds it for the reporters. */
import { COMMIT_MESSAGE } from '../findings.js';
import { words } from '../words/index.js';
export { COMMIT_MESSAGE };

const SCISSORS = Buffer.from('# ------------------------ >8 ------------------------\n');

export async function createCommitMsgSource(context: SourceContext): Promise<Source> {
  const file = context.options.commitMsg as string;
  let data: Buffer;
  try {
    data = readFileSync(path.resolve(context.cwd, file));
  } catch (error) {
    throw new UsageError(words().errors.commitMsg(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  const stats = { bytes: 0, files: 0, commits: 0 };
  return {
    mode: 'commit-msg',
    target: COMMIT_MESSAGE,
    stats,
    notes: [],
    async run(detect: Detect): Promise<Located[]> {
      // Every line is scanned, however long the message: the hook must not pass a key it did not read.
      const message = beforeScissors(data);
      stats.bytes = message.length;
      stats.files = 1;
      const result = await detect({ path: COMMIT_MESSAGE, data: message });
      return locate(result.candidates, COMMIT_MESSAGE, null);
    },
  };
}

/** The message up to git's scissors line (a line of its own), as git cuts it with `commit -v`. */
export function beforeScissors(data: Buffer): Buffer {
  for (let at = data.indexOf(SCISSORS); at !== -1; at = data.indexOf(SCISSORS, at + 1)) {
    if (at === 0 || data[at - 1] === 0x0a) return data.subarray(0, at);
  }
  return data;
}
