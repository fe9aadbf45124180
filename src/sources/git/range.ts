// `scan --range BASE..HEAD` (a pull request) and `scan --since REF` (REF..HEAD): the history scan restricted to
// the commits git lists for the range. An introduction is still judged against each commit's real parents,
// even a parent outside the range (the PR's base), so a key already on the base branch is not blamed on the PR.
// The range is read as `git rev-list` reads one (A..B, A...B, A^!, A^-N, A^@, ^A, --not: git/revisions.ts);
// every revision in it is resolved to a commit first, and git log gets only shas with their range marks.
import { UsageError } from '../../errors.js';
import { graftsNote, inspectRepository, resolveCommit, shallowNote, type RepoInfo } from './repo.js';
import { checkRef, parseRange, type RangeWord } from './revisions.js';
import { git, gitVersion } from './run.js';
import { scanCommitMessages } from './messages.js';
import { scanCommits } from './commits/scan-commits.js';
import type { Detect, Located, Note, Source } from '../../types.js';
import { words as catalogue } from '../../words/index.js';
import type { SourceContext } from '../context.js';

export async function createRangeSource(context: SourceContext): Promise<Source> {
  const { options, cwd } = context;
  if (options.range === undefined) checkRef('--since', options.since as string);
  const target = options.range ?? `${options.since}..HEAD`;
  const words = parseRange(target);
  void gitVersion(cwd); // asked now, beside the next calls, for git log's options (log.ts)
  const info = await inspectRepository(cwd);
  const revs = await Promise.all(words.map((word) => toLogRevs(cwd, word, info)));
  if (info.shallow) await checkConnected(cwd, words, revs);
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Note[] = [];
  return {
    mode: 'range',
    root: info.root,
    target,
    stats,
    notes,
    presence: async (findings, detect, maxSize) => (await import('./presence.js')).presenceOf(cwd, findings, detect, maxSize),
    async run(detect: Detect): Promise<Located[]> {
      if (info.shallow) notes.push({ level: 'info', message: shallowNote() });
      if (info.grafts !== null) notes.push({ level: 'warn', message: graftsNote(info.grafts) });
      // Not the whole repository: the log stops at the range's base, so the attribution shortcut that needs
      // every ancestor in the log (introductions.ts) is off, and each parent's tree is asked when in doubt.
      const located = await scanCommits(context, detect, { revs: revs.flat(), wholeRepository: false }, stats, notes);
      // The range's commit messages are pushed with it (git/messages.ts); tags are not part of a range.
      for (const found of await scanCommitMessages(context, detect, { revs: revs.flat() }, notes)) located.push(found);
      if (stats.commits === 0) notes.push({ level: 'info', message: catalogue().notes.emptyRange(target) });
      return located;
    },
  };
}

/** One word of the range as git log arguments, each revision resolved to its commit's sha. */
async function toLogRevs(cwd: string, word: RangeWord, info: RepoInfo): Promise<string[]> {
  switch (word.kind) {
    case 'rev': {
      const sha = await resolveCommit(cwd, word.rev, info, word.negative ? 'base' : 'head');
      return [word.negative ? `^${sha}` : sha];
    }
    case 'range': {
      const [base, head] = await Promise.all([resolveCommit(cwd, word.base, info, 'base'), resolveCommit(cwd, word.head, info, 'head')]);
      return [`${base}${word.symmetric ? '...' : '..'}${head}`];
    }
    case 'commit':
      return [`${await resolveCommit(cwd, word.rev, info, 'commit')}^!`];
    case 'parents':
      return [`${await resolveCommit(cwd, word.rev, info, 'commit')}^@`];
    case 'parent-range': {
      // A^-N is A^N..A; spelt out here because git reads ^-N only from 2.28 on.
      const sha = await resolveCommit(cwd, word.rev, info, 'commit');
      const parent = await git(cwd, ['rev-parse', '--verify', '--quiet', `${sha}^${word.parent}`]).catch(() => null);
      if (parent === null) throw new UsageError(catalogue().revisions.noParent(word.rev, word.parent));
      return [`^${parent.toString('utf8').trim()}`, sha];
    }
  }
}

/**
 * In a shallow clone a base can exist (fetched by sha) and still be cut off from the head's history; git would
 * then list every commit down to the shallow boundary as part of the range. Each head must share history with
 * its base: for A..B and A...B, A with B; for `^A B`, B with at least one excluded revision.
 */
async function checkConnected(cwd: string, words: readonly RangeWord[], revs: readonly string[][]): Promise<void> {
  const connected = async (base: string, head: string): Promise<boolean> => (await git(cwd, ['merge-base', base, head]).catch(() => null)) !== null;
  const excluded = words.flatMap((word, i) => (word.kind === 'rev' && word.negative ? [revs[i][0].slice(1)] : []));
  for (const [i, word] of words.entries()) {
    if (word.kind === 'range') {
      const [base, head] = revs[i][0].split(word.symmetric ? '...' : '..');
      if (!(await connected(base, head))) throw new UsageError(catalogue().revisions.notConnected(word.base, word.head));
    } else if (word.kind === 'rev' && !word.negative && excluded.length > 0) {
      const links = await Promise.all(excluded.map((base) => connected(base, revs[i][0])));
      if (!links.includes(true)) throw new UsageError(catalogue().revisions.notConnectedExcluded(word.rev));
    }
  }
}
