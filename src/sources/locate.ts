// Small pieces every source shares: placing candidates in a file (and commit), and the note for a skipped chunk.
import type { Candidate, Commit, Located, Note, SkipReason } from '../types.js';

export function locate(candidates: readonly Candidate[], file: string, commit: Commit | null): Located[] {
  return candidates.map((candidate) => ({ ...candidate, file, commit }));
}

export function skipNote(display: string, reason: SkipReason): Note {
  const why = reason === 'binary' ? 'binary content' : 'over the size limit (--max-file-size)';
  return { level: 'info', verbose: true, message: `skipped ${display}: ${why}` };
}
