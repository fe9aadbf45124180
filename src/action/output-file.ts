// The files the action writes where the workflow says (the SARIF report) are opened without following links
// the checkout made. A pull request can commit `reports -> /anywhere`; writing `reports/k.sarif` through it
// would create or overwrite a file outside the workspace. So the path must be inside the workspace or
// $RUNNER_TEMP; each existing folder on the way must resolve inside that same folder (missing ones are created
// in the real parent, one level at a time, never through a link); and the file itself is opened with
// O_NOFOLLOW (a link in its place fails) and without O_TRUNC, then checked (a regular file, the same inode as
// the name in the verified parent, which still resolves to itself) before it is truncated and written: a link
// swapped in between the checks and the open cannot make us truncate or fill a file elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../config/inside.js';
import { RuntimeError, UsageError } from '../errors.js';
import { guide } from '../words/guide.js';

export interface OutputFile {
  /** The path as resolved (for the step output and the summary). */
  path: string;
  write(text: string): void;
}

/**
 * Opens `file` (absolute) for writing inside one of `roots` (absolute folders that exist), or throws a one-line
 * error naming `what` when it is outside them or a link on the way leads out.
 */
export function openOutputFile(file: string, roots: readonly string[], what: string): OutputFile {
  const root = roots.find((folder) => isInside(file, folder) && file !== folder);
  const refuse = (why: string): never => {
    throw new UsageError(guide().action.errors.refused(what, file, why));
  };
  if (root === undefined) return refuse(guide().action.errors.outside);
  const realRoot = realpath(root, what);
  let folder = realRoot;
  let walked = '';
  for (const name of path.relative(root, path.dirname(file)).split(path.sep).filter(Boolean)) {
    const next = path.join(folder, name);
    walked = walked === '' ? name : `${walked}/${name}`;
    let stat: fs.Stats | null = null;
    try {
      stat = fs.lstatSync(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw failure(what, file, error);
    }
    if (stat === null) {
      try {
        fs.mkdirSync(next);
      } catch (error) {
        throw failure(what, file, error);
      }
      folder = next;
    } else if (stat.isDirectory()) {
      folder = next;
    } else if (stat.isSymbolicLink()) {
      const target = realpath(next, what);
      if (!isInside(target, realRoot) || !fs.statSync(target).isDirectory()) refuse(guide().action.errors.linkOut(walked));
      folder = target;
    } else {
      refuse(guide().action.errors.notFolder(walked));
    }
  }
  // Inside the workspace but inside its .git (a committed link `reports -> .git`): git's own files, hooks among them.
  if (isInside(folder, path.join(realRoot, '.git'))) refuse(guide().action.errors.insideGit);
  const final = path.join(folder, path.basename(file));
  let fd: number;
  try {
    fd = fs.openSync(final, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return refuse(guide().action.errors.isLink(path.basename(file)));
    throw failure(what, file, error);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) refuse(guide().action.errors.notRegular(path.basename(file)));
    const named = fs.lstatSync(final);
    if (named.ino !== opened.ino || named.dev !== opened.dev || realpath(folder, what) !== folder) refuse(guide().action.errors.folderChanged);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  return {
    path: file,
    write(text: string) {
      try {
        fs.ftruncateSync(fd, 0);
        fs.writeFileSync(fd, text);
      } catch (error) {
        throw failure(what, file, error);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

function realpath(file: string, what: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch (error) {
    throw failure(what, file, error);
  }
}

function failure(what: string, file: string, error: unknown): Error {
  if (error instanceof UsageError || error instanceof RuntimeError) return error;
  return new RuntimeError(guide().action.errors.cannotWrite(what, file, (error as NodeJS.ErrnoException).code ?? String(error)));
}
