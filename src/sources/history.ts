// `scan --history`: every commit reachable from every ref (branches, tags, remotes, the stash and its older
// entries), each unique blob read and scanned once, findings attributed to the commits that introduced them.
// The work is in src/git/scan-commits.ts; this file says what to scan and what to tell the user.
import { scanCommits } from '../git/scan-commits.js';
import { graftsNote, inspectRepository, SHALLOW_NOTE, stashEntries } from '../git/repo.js';
import { gitVersion } from '../git/run.js';
import type { Detect, Located, Note, Source } from '../types.js';
import type { SourceContext } from './context.js';

export async function createHistorySource(context: SourceContext): Promise<Source> {
  void gitVersion(context.cwd); // asked now, beside the next call, for git log's options (log.ts)
  const info = await inspectRepository(context.cwd);
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Note[] = [];
  return {
    mode: 'history',
    target: 'all refs',
    root: info.root,
    stats,
    notes,
    async run(detect: Detect): Promise<Located[]> {
      if (info.shallow) notes.push({ level: 'warn', message: SHALLOW_NOTE });
      if (info.grafts !== null) notes.push({ level: 'warn', message: graftsNote(info.grafts) });
      const stash = await stashEntries(context.cwd);
      const located = await scanCommits(context, detect, { revs: ['--all'], stdinRevs: stash, wholeRepository: true }, stats, notes);
      if (stats.commits === 0) notes.push({ level: 'info', message: 'nothing to scan: the repository has no commits' });
      return located;
    },
  };
}
