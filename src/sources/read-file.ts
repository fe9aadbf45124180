// One file's bytes for a folder scan, on the main thread (files.ts) or a worker (files-pool/): opened once,
// size-checked on its descriptor before reading, and a note instead when it is too large or unreadable.
import fs from 'node:fs';
import { skipNote } from '../findings.js';
import type { Note } from '../types.js';
import { words } from '../words/index.js';
import { oversizeNote } from './locate.js';

/**
 * Without blocking: what was a file when the folder was listed may be a FIFO by now (swapped in on purpose),
 * and opening a FIFO with no writer waits for one forever. (Windows has no O_NONBLOCK, and no FIFOs there.)
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** The file's bytes, or null with a note when it is too large, unreadable, or no longer a regular file. */
export function readTarget(absolute: string, display: string, maxFileSize: number, notes: Note[]): Buffer | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(absolute, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      notes.push(skipNote(display, words().notes.why.notRegularFile));
      return null;
    }
    const size = stat.size;
    if (size > maxFileSize) {
      notes.push(oversizeNote(display, size, maxFileSize));
      return null;
    }
    const data = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = fs.readSync(fd, data, filled, size - filled, filled);
      if (read === 0) break; // the file shrank while we read it
      filled += read;
    }
    return filled === size ? data : data.subarray(0, filled);
  } catch (error) {
    notes.push({ level: 'warn', message: words().notes.couldNotRead(display, (error as NodeJS.ErrnoException).code ?? String(error)) });
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
