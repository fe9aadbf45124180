// Where a command's output goes: the report to stdout or --output FILE, notes to stderr. Shared by every
// command so `scan`, `baseline` and `remediate` behave the same way.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanOptions } from './cli/options.js';
import { RuntimeError } from './errors.js';
import type { Io } from './io.js';
import type { Note } from './types.js';

export function emit(text: string, options: Pick<ScanOptions, 'output'>, io: Io): void {
  if (options.output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path.resolve(io.cwd, options.output), text);
  } catch (error) {
    throw new RuntimeError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Notes on stderr: verbose-only ones (one per skipped file) with --verbose, else a count of them. */
export function writeNotes(notes: readonly Note[], options: Pick<ScanOptions, 'quiet' | 'verbose'>, io: Io): void {
  if (options.quiet) return;
  for (const note of notes) {
    if (note.verbose && !options.verbose) continue;
    io.stderr.write(`keywarden: ${note.level === 'warn' ? 'warning: ' : ''}${note.message}\n`);
  }
  if (options.verbose) return;
  const folders = notes.filter((note) => note.verbose && note.folder).length;
  const files = notes.filter((note) => note.verbose && !note.folder).length;
  const counts = [
    ...(files > 0 ? [`${files} file${files === 1 ? '' : 's'} skipped (binary, over --max-file-size, or a submodule)`] : []),
    ...(folders > 0 ? [`${folders} folder${folders === 1 ? '' : 's'} skipped (.git, node_modules)`] : []),
  ];
  if (counts.length > 0) io.stderr.write(`keywarden: ${counts.join(', ')}; --verbose lists them and why\n`);
}
