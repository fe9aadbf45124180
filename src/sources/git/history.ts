// `scan --history`: every commit reachable from every ref (branches, tags, remotes, the stash and its older
// entries), each unique blob read and scanned once, findings attributed to the commits that introduced them.
// `scan --history REF...`: the same for the whole history of those refs only (root commits included), for a
// user who cares about one branch. This file says what to scan (a CommitScan) and what to tell the user; the
// work is in commits/scan-commits.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RuntimeError, UsageError } from '../../errors.js';
import { findCommit, graftsNote, inspectRepository, shallowNote, stashEntries, unknownRevision, type RepoInfo } from './repo.js';
import { readBlobs } from './cat-file.js';
import { CommitFeed } from './commit-feed.js';
import { MissingBlobs } from './missing-blobs.js';
import { blobsOnlyRefsReach } from './ref-objects.js';
import { gitVersion } from './run.js';
import { scanCommitMessages, scanTagMessages } from './messages.js';
import { scanCommits } from './commits/scan-commits.js';
import { Ancestry, type BranchGraph } from './ancestry.js';
import { presenceOf, readBranchGraph } from './presence.js';
import type { Detect, Located, Note, Source } from '../../types.js';
import { words } from '../../words/index.js';
import type { SourceContext } from '../context.js';
import { locate, oversizeNote } from '../locate.js';

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
  const refs = context.options.historyRefs;
  // Each ref becomes its commit's sha before git log sees it (the values' shape: git/revisions.ts, via the CLI).
  const tips = await Promise.all(refs.map((ref) => resolveRef(context.cwd, ref, info)));
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Note[] = [];
  // Presence needs the branches' history (ancestry.ts). Every ref's history is this scan's own log:
  // its commits and parents are kept as it streams (a few MB for git/git), where walking it again with git took
  // seconds of a core at the very end. Of some refs only, or with a branch moved since, the branches are walked
  // (presence.ts), from the scan's first candidate on, beside the rest.
  const logAncestry = refs.length === 0 ? new Ancestry() : undefined;
  let branches: Promise<BranchGraph> | null = null;
  const failed = new AbortController();
  const firstHit = (): void => {
    branches ??= readBranchGraph(context.cwd, failed.signal, logAncestry);
    branches.catch(() => {}); // awaited by presence, if any finding is left to ask about
  };
  return {
    mode: 'history',
    target: refs.length === 0 ? 'all refs' : refs.join(' '),
    root: info.root,
    stats,
    notes,
    presence: (findings, detect, maxSize) => presenceOf(context.cwd, findings, detect, maxSize, branches ?? readBranchGraph(context.cwd, undefined, logAncestry)),
    async run(detect: Detect): Promise<Located[]> {
      if (info.shallow) notes.push({ level: 'warn', message: shallowNote() });
      if (info.grafts !== null) notes.push({ level: 'warn', message: graftsNote(info.grafts) });
      // `wholeRepository` stays on for given refs, and stays sound. It does two things (scan-commits.ts):
      //  - the pack reader (or the pack-order listing) goes over every blob of the repository, including blobs
      //    the refs do not reach; only blobs that the log names are planned and reported, so the others cost
      //    reading time, never a finding;
      //  - attribution skips listing a parent's tree when the log shows a single commit adding a blob
      //    (introductions.ts). That rests on "a parent's tree holds a blob only if some commit in the parent's
      //    ancestry added it, and the log lists that commit". The log of REF... has no exclusions, so it holds
      //    every ancestor of every commit it lists, back to the roots: the argument holds as for --all.
      // The stash is left out: it is not one of the refs asked for.
      const scan = refs.length === 0 ? { revs: ['--all'], stdinRevs: await stashEntries(context.cwd) } : { revs: tips };
      // Four passes, side by side (the messages' git processes run while the pack reader judges blobs, when
      // this thread has nothing else to do), each with notes of its own, joined in this order so that a report
      // does not depend on which pass ended first:
      //  - the commits' blobs;
      //  - the same commits' messages (their own pass: git/messages.ts), and every annotated tag's;
      //  - blobs and trees that a ref points at directly (a tag of a blob or a tree): in every clone, in no commit.
      // A whole history's messages are read from the commits its log lists (commit-feed.ts), which are the
      // revisions' own: no second walk. The commits' pass ends it once the log is read whole; should that pass
      // end otherwise (the log failed, or anything before it), the feed fails with it (a no-op once ended).
      const commits = refs.length === 0 ? new CommitFeed() : undefined;
      const passes: Array<(notes: Note[]) => Promise<Located[]>> = [
        (own) => scanCommits(context, detect, { ...scan, wholeRepository: true }, stats, own, { firstHit, ancestry: logAncestry, commits }).finally(() => commits?.fail(new RuntimeError(words().git.logUnread))),
        (own) => scanCommitMessages(context, detect, { ...scan, commits }, own),
      ];
      if (refs.length === 0) passes.push((own) => scanTagMessages(context, detect, own), (own) => scanRefObjects(context, detect, stats, own));
      const own = passes.map((): Note[] => []);
      // A scan that fails stops the walk its first candidate started: nothing will ask for presence.
      const located = (await Promise.all(passes.map((pass, i) => pass(own[i]))).catch((error: unknown) => {
        failed.abort();
        throw error;
      })).flat();
      for (const note of own.flat()) notes.push(note);
      if (stats.commits === 0 && stats.files === 0) notes.push({ level: 'info', message: words().notes.noCommits });
      return located;
    },
  };
}

/** A --history value's commit, or one line: unknown (with the nearest ref name), or a path given for a ref. */
async function resolveRef(cwd: string, ref: string, info: RepoInfo): Promise<string> {
  const sha = await findCommit(cwd, ref, 'ref');
  if (sha !== null) return sha;
  const error = await unknownRevision(cwd, ref, info, 'ref');
  if (existsSync(path.resolve(cwd, ref))) throw new UsageError(words().revisions.historyPath(error.message, ref));
  throw error;
}
