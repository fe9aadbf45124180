// The few git questions `init` asks. init writes hook files and so does its own small I/O here rather than
// through a scan source; every failure becomes a one-line RuntimeError.
import { guide } from '../words/guide.js';
import path from 'node:path';
import { RuntimeError } from '../errors.js';
import { gitSync as git } from '../sources/git/run.js';

/** The working tree's top folder; a bare repository or a folder outside git is a usage error. */
export function repositoryTop(cwd: string): string {
  const result = git(cwd, ['rev-parse', '--show-toplevel']);
  if (result.status !== 0 || result.stdout === '') {
    throw new RuntimeError(guide().init.notRepository);
  }
  return result.stdout;
}

/** Where git looks for hooks: core.hooksPath when set, else the (worktree-aware) .git/hooks. */
export function hooksFolder(top: string): string {
  const result = git(top, ['rev-parse', '--git-path', 'hooks']);
  if (result.status !== 0) throw new RuntimeError(guide().init.noHooksFolder(result.stderr.split('\n')[0]));
  return path.resolve(top, result.stdout);
}

export function configValue(top: string, key: string): string | null {
  const result = git(top, ['config', '--get', key]);
  return result.status === 0 ? result.stdout : null;
}
