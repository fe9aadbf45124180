// `scan --range BASE..HEAD` (a pull request) and `scan --since REF` (REF..HEAD): the history scan restricted to
// the commits git lists for the range. An introduction is still judged against each commit's real parents,
// even a parent outside the range (the PR's base), so a key already on the base branch is not blamed on the PR.
import { UsageError } from '../errors.js';
import { graftsNote, inspectRepository, resolveCommit, SHALLOW_NOTE } from '../git/repo.js';
import { git, gitVersion } from '../git/run.js';
import { scanCommits } from '../git/scan-commits.js';
import type { Detect, Located, Note, Source } from '../types.js';
import type { SourceContext } from './context.js';

export async function createRangeSource(context: SourceContext): Promise<Source> {
  const { options, cwd } = context;
  const target = options.range ?? `${options.since}..HEAD`;
  const match = /^(.*?)(\.\.\.?)(.*)$/.exec(target);
  if (match === null) throw new UsageError(`--range expects BASE..HEAD, got "${target}"`);
  void gitVersion(cwd); // asked now, beside the next calls, for git log's options (log.ts)
  const info = await inspectRepository(cwd);
  const base = await resolveCommit(cwd, match[1] === '' ? 'HEAD' : match[1], info, 'base');
  const head = await resolveCommit(cwd, match[3] === '' ? 'HEAD' : match[3], info, 'head');
  if (info.shallow) {
    // In a shallow clone the base can exist (fetched by sha) and still be cut off from the head's history;
    // git would then list every commit down to the shallow boundary as part of the range.
    const mergeBase = await git(cwd, ['merge-base', base, head]).catch(() => null);
    if (mergeBase === null) throw new UsageError(`base "${match[1]}" is not connected to "${match[3] || 'HEAD'}" in this shallow clone: fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`);
  }
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Note[] = [];
  return {
    mode: 'range',
    root: info.root,
    target,
    stats,
    notes,
    async run(detect: Detect): Promise<Located[]> {
      if (info.shallow) notes.push({ level: 'info', message: SHALLOW_NOTE });
      if (info.grafts !== null) notes.push({ level: 'warn', message: graftsNote(info.grafts) });
      const located = await scanCommits(context, detect, { revs: [`${base}${match[2]}${head}`], wholeRepository: false }, stats, notes);
      if (stats.commits === 0) notes.push({ level: 'info', message: `nothing to scan: ${target} holds no commits` });
      return located;
    },
  };
}
