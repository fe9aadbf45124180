// Whether git tracks the files a folder scan found keys in. A key in a file git ignores, or has never been
// told about, will not be committed (yet), but it is on disk: the finding says so (`tracked`, `ignored` in
// JSON, a note in text). Only files with candidates are asked about, one repository at a time:
//   git ls-files -t --cached --others --exclude-standard -- FILES   tracked (a tag other than ?) or untracked (?)
//   git check-ignore --stdin -z                                      which of the unlisted ones are ignored
// Both read .gitignore, .git/info/exclude and core.excludesFile and run no program; the index's fsmonitor
// hook is turned off for the call. A folder that is not in a work tree, or a repository git cannot read, is
// left unmarked: the finding is reported as ever, without the fields.
import path from 'node:path';
import { gitRaw } from './run.js';
import type { Located, Note } from '../../types.js';
import { words } from '../../words/index.js';

export interface WorktreeStatus {
  tracked: boolean;
  ignored: boolean;
}

/** Empty core.fsmonitor is "off" both where it is a hook path (before git 2.36) and where it is a boolean. */
const NO_FSMONITOR = ['-c', 'core.fsmonitor='];
/** Bytes of paths per ls-files call, well under any system's argument limit. */
const ARGV_BUDGET = 64 * 1024;

/**
 * The status of each file (absolute paths), asked from `folder`'s repository with paths relative to it;
 * files git could not answer for are absent from the map.
 */
export async function worktreeStatus(folder: string, files: readonly string[]): Promise<Map<string, WorktreeStatus>> {
  const status = new Map<string, WorktreeStatus>();
  // git's own folder is no one's work tree (only walked with --no-default-ignores).
  const relative = new Map<string, string>();
  for (const file of files) {
    const name = path.relative(folder, file).split(path.sep).join('/');
    if (name !== '' && !name.startsWith('../') && !name.split('/').includes('.git')) relative.set(name, file);
  }
  const listed = new Map<string, boolean>();
  for (const batch of batches([...relative.keys()])) {
    // Literal pathspecs: a file named `*.env` or `:(glob)x` is that file, not a pattern.
    const result = await gitRaw(folder, ['--literal-pathspecs', ...NO_FSMONITOR, 'ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard', '--', ...batch]);
    if (result.code !== 0) return status; // not a work tree (or git cannot read it): nothing to say
    for (const record of result.stdout.toString('utf8').split('\0')) {
      // "<tag> <path>": H, S, M, R, C, K for what the index holds, ? for an untracked file.
      if (record.length < 3 || record[1] !== ' ') continue;
      const name = record.slice(2);
      if (relative.has(name)) listed.set(name, (listed.get(name) ?? false) || record[0] !== '?');
    }
  }
  for (const [name, tracked] of listed) status.set(relative.get(name)!, { tracked, ignored: false });
  const unlisted = [...relative.keys()].filter((name) => !listed.has(name));
  if (unlisted.length > 0) {
    // check-ignore takes paths, not pathspecs, but refuses pathspec magic (--literal-pathspecs too): "./" keeps
    // a name that starts with ':' a name, and git echoes each path as given. Exit 1 means none is ignored;
    // anything else but 0 is a failure, and then they stay unmarked.
    const result = await gitRaw(folder, [...NO_FSMONITOR, 'check-ignore', '-z', '--stdin'], unlisted.map((name) => `./${name}\0`).join(''));
    if (result.code === 0) {
      for (const echoed of result.stdout.toString('utf8').split('\0')) {
        const name = echoed.slice(2);
        if (echoed.startsWith('./') && relative.has(name)) status.set(relative.get(name)!, { tracked: false, ignored: true });
      }
    }
  }
  return status;
}

function* batches(names: string[]): Generator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const name of names) {
    if (batch.length > 0 && bytes + name.length > ARGV_BUDGET) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(name);
    bytes += name.length + 1;
  }
  if (batch.length > 0) yield batch;
}

/** One note per reported file that git does not track: the findings stay, the note says what that means. */
export function worktreeNotes(reported: readonly Located[]): Note[] {
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const item of reported) {
    if (item.tracked !== false || seen.has(item.file)) continue;
    seen.add(item.file);
    notes.push({
      level: 'info',
      message: item.ignored ? words().notes.ignoredByGit(item.file) : words().notes.untracked(item.file),
    });
  }
  return notes;
}
