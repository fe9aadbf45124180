// Where a command's output goes: the report to stdout or --output FILE, notes to stderr. Shared by every
// command so `scan`, `baseline` and `remediate` behave the same way. Notes and the other stderr lines carry
// data (file names, paths): each line is escaped whole as it is written (escapeText: notes are single lines
// of keywarden's prose and data, so escaping at write time is exact and happens once), and every line starts
// with `keywarden: ` so none can read as a GitHub workflow command.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RuntimeError } from '../errors.js';
import { placeOf } from '../findings.js';
import type { Io } from './io.js';
import { escapeText } from '../text/escape.js';
import type { Located, Note } from '../types.js';
import { words } from '../words/index.js';

export function emit(text: string, options: { output?: string }, io: Io): void {
  if (options.output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path.resolve(io.cwd, options.output), text);
  } catch (error) {
    throw new RuntimeError(words().cli.errors.cannotWrite(options.output, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}

/** One line on stderr: `keywarden: ` and the text, escaped whole. */
export function writeLine(text: string, io: Pick<Io, 'stderr'>): void {
  io.stderr.write(`keywarden: ${escapeText(text)}\n`);
}

/** Notes on stderr: verbose-only ones (one per skipped file) with --verbose, else a count of them. */
export function writeNotes(notes: readonly Note[], options: { quiet: boolean; verbose: boolean }, io: Io): void {
  if (options.quiet) return;
  for (const note of notes) {
    if (note.verbose && !options.verbose) continue;
    writeLine(`${note.level === 'warn' ? words().output.warning : ''}${note.message}`, io);
  }
  if (options.verbose) return;
  const folders = notes.filter((note) => note.verbose && note.folder).length;
  const files = notes.filter((note) => note.verbose && !note.folder).length;
  const w = words().output;
  const counts = [...(files > 0 ? [w.skippedFiles(files)] : []), ...(folders > 0 ? [w.skippedFolders(folders)] : [])];
  if (counts.length > 0) writeLine(w.skipped(counts), io);
}

/** --verbose: one line per finding that an inline ignore, allowlist or the baseline accepted. */
export function writeAllowed(located: readonly Located[], redactText: (text: string) => string, io: Io): void {
  for (const item of located) {
    if (!item.allowedBy) continue;
    writeLine(words().output.allowed(words().report.allowedNames[item.allowedBy] ?? item.allowedBy, `${redactText(placeOf(item))}:${item.line}:${item.column}`, item.ruleId), io);
  }
}
