// `scan --history`: every commit reachable from every ref (branches, tags, remotes, the stash and its older
// entries), each unique blob read and scanned once, findings attributed to the commits that introduced them.
// The work is in src/git/scan-commits.ts; this file says what to scan and what to tell the user.
import { readBlobs } from '../git/cat-file.js';
import { MissingBlobs } from '../git/missing-blobs.js';
import { blobsOnlyRefsReach } from '../git/ref-objects.js';
import { scanCommits } from '../git/scan-commits.js';
import { graftsNote, inspectRepository, SHALLOW_NOTE, stashEntries } from '../git/repo.js';
import { gitVersion } from '../git/run.js';
import type { Detect, Located, Note, Source } from '../types.js';
import type { SourceContext } from './context.js';
import { locate, oversizeNote, skipNote } from './locate.js';

/** Scans what blobsOnlyRefsReach lists; findings have no commit and are named `<ref>` or `<ref>:<path>`. */
async function scanRefObjects(context: SourceContext, detect: Detect, stats: { bytes: number; files: number }, notes: Note[]): Promise<Located[]> {
  const blobs = await blobsOnlyRefsReach(context.cwd);
  if (blobs.length === 0) return [];
  const names = new Map<string, string>();
  for (const blob of blobs) if (!names.has(blob.sha)) names.set(blob.sha, blob.path);
  const missing = new MissingBlobs();
  const pending: Array<Promise<Located[]>> = [];
  await readBlobs(context.cwd, [...names.keys()], {
    maxSize: context.config.maxFileSize,
    onBlob(blob) {
      const name = names.get(blob.sha) ?? blob.sha;
      if (blob.missing) missing.add(blob.sha, name);
      else if (blob.data === null) notes.push(oversizeNote(name, blob.size, context.config.maxFileSize));
      else {
        const data = blob.data;
        pending.push(detect({ path: name, data }).then((result) => {
          if (result.skipped) {
            notes.push(skipNote(name, result.skipped));
            return [];
          }
          stats.files++;
          stats.bytes += data.length;
          return locate(result.candidates, name, null);
        }));
      }
    },
  });
  const note = missing.note(context.options.allowMissing);
  if (note !== null) notes.push(note);
  return (await Promise.all(pending)).flat();
}

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
      // Blobs and trees that a ref points at directly: in every clone, in no commit.
      located.push(...(await scanRefObjects(context, detect, stats, notes)));
      if (stats.commits === 0 && stats.files === 0) notes.push({ level: 'info', message: 'nothing to scan: the repository has no commits' });
      return located;
    },
  };
}
