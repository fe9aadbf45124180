// Files a command will write (--output, --replacements) are checked before any scanning, so that a mistyped
// folder ends the run at once in one line, not after a ten-minute history scan whose report is then lost.
// Only a check: nothing is created or truncated here (a scan that then fails must not leave an empty report).
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { ScanOptions } from './options.js';
import { words } from '../words/index.js';

export function checkOutputPaths(options: Pick<ScanOptions, 'output' | 'replacements'>, cwd: string): void {
  if (options.output !== undefined) checkWritable('--output', options.output, cwd);
  if (options.replacements !== undefined) checkWritable('--replacements', options.replacements, cwd);
}

function checkWritable(flag: string, file: string, cwd: string): void {
  const target = path.resolve(cwd, file);
  const folder = path.dirname(target);
  const shown = path.dirname(file); // the folder as the user wrote it
  const fail = (why: string): never => {
    throw new UsageError(words().outputPath.error(flag, file, why));
  };
  const existing = stat(target);
  if (existing === 'missing') {
    const parent = stat(folder);
    if (parent === 'missing') fail(words().outputPath.noFolder(shown));
    if (typeof parent === 'string') fail(words().outputPath.folderUnreachable(shown, parent));
    if (!(parent as Stats).isDirectory()) fail(words().outputPath.notFolder(shown));
  } else if (typeof existing === 'string') {
    fail(words().outputPath.unreachable(existing));
  } else if (existing.isDirectory()) {
    fail(words().config.isFolder);
  }
  try {
    accessSync(existing === 'missing' ? folder : target, constants.W_OK);
  } catch {
    fail(existing === 'missing' ? words().outputPath.noPermission(shown) : words().outputPath.notWritable);
  }
}

/** The file's Stats, 'missing', or the error code that kept it from being read (EACCES, ELOOP...). */
function stat(file: string): Stats | string {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code;
  }
}
