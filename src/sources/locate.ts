// Small pieces every source shares: placing candidates in a file (and commit), and the note for a file over the size limit.
import type { Candidate, Commit, Located, Note } from '../types.js';
import { skipNote } from '../findings.js';
import { words } from '../words/index.js';

export function locate(candidates: readonly Candidate[], file: string, commit: Commit | null): Located[] {
  return candidates.map((candidate) => ({ ...candidate, file, commit }));
}

/** The note for a file left unread because it is over --max-file-size (listed with --verbose). */
export function oversizeNote(display: string, size: number, limit: number): Note {
  return skipNote(display, words().notes.why.overLimit(size, limit));
}

