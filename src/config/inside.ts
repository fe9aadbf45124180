// Files the repository provides must be the repository's own. A checkout can hold symbolic links to anywhere
// (`.keywarden.json -> ~/.aws/credentials`, `.keywarden-baseline.json -> /etc/shadow`), and a pull request can
// add them; following one would read a file of the machine's as configuration. So a configuration or baseline
// that lies in the repository must also resolve inside it. A file named on the command line by a path outside
// the repository is the user's own choice and is read as given. Checks cost one realpath(3) call, and a walk
// up the folders only when a link is involved.
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { words } from '../words/index.js';

/** Whether `file` is `folder` or below it, comparing paths as written (no file-system access). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * The folder a repository file must stay inside: the repository's top level when the source knows it (git
 * modes), else the nearest folder above `from` holding `.git`, else `from` itself (no repository).
 */
export function repositoryBoundary(from: string, top?: string): string {
  if (top !== undefined) return top;
  for (let dir = from; ; ) {
    if (hasGit(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

/**
 * Throws a one-line ConfigError when `file` (an absolute path inside `boundary`, as written) resolves outside
 * it. A missing file passes: the reader says "no such file". `what` names the file in the error.
 */
export function requireResolvesInside(file: string, boundary: string, label: string): void {
  const real = realPath(file);
  if (real === null || real === file) return;
  const realBoundary = realPath(boundary) ?? boundary;
  if (isInside(real, realBoundary)) return;
  throw new ConfigError(words().config.linkOutside(label));
}

/**
 * A file named on the command line (--config, --baseline): when the name is inside the repository (a hook's
 * `$top/.keywarden-baseline.json`, a CI script's `--baseline ci/accepted.json`), the file must resolve inside it.
 */
export function requireNamedInside(file: string, cwd: string, top: string | undefined, label: string): void {
  const real = realPath(file);
  if (real === null || real === file) return;
  const boundary = repositoryBoundary(cwd, top);
  if (isInside(file, boundary)) requireResolvesInside(file, boundary, label);
}

function realPath(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}

function hasGit(dir: string): boolean {
  try {
    return readdirSync(dir).includes('.git');
  } catch {
    return false;
  }
}
