// What a push brought that the checkout's other refs do not hold: the commits reachable from the pushed tip
// (`after`) and from no other branch, remote branch or tag, nor from `before` when the checkout has it. This is
// the plan for every push that is not a plain fast-forward: a force push (whose `before` a full checkout
// usually no longer has), a new branch (before = 000…), a tag push.
//
// Two choices keep a push from going unscanned:
//   - A ref that already contains the pushed tip is not subtracted. It was pushed at the same time (git push
//     --follow-tags, --all, --mirror) or since; subtracting it would leave these commits to its run, whose
//     plan would subtract this ref in turn. Such a push is scanned twice rather than never.
//   - The result is expressed as one `--range BASE..TIP`, the range scan's own syntax (and the playbook's
//     rerun command), choosing BASE so that BASE..TIP is exactly that set (see chooseBase). Only when no single
//     base gives it exactly does the scan take more (said in a note), never less.
// A shallow checkout cuts the history: when the pushed commits reach the cut, where they start is unknown, so
// the commits present are scanned (the oldest whole) and a warning says so, instead of failing the step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RuntimeError } from '../errors.js';
import { gitRaw } from '../sources/git/run.js';
import { guide } from '../words/guide.js';
import { words } from '../words/index.js';

export interface PlanNote {
  level: 'notice' | 'warning';
  message: string;
}

export interface PushPlan {
  /** keywarden scan arguments; empty when there is nothing to scan. */
  args: string[];
  describe: string;
  notes: PlanNote[];
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Boundaries looked at one by one when no single one of them reaches the others (each is one git call). */
const MAX_BOUNDARIES = 16;

/**
 * @param tipRev the pushed object (`after`: a commit, or an annotated tag)
 * @param ref    the pushed ref as the event names it (refs/heads/x, refs/tags/v1), for messages
 * @param before the ref's previous commit when the checkout has it, else null
 */
export async function planPushed(workspace: string, tipRev: string, ref: string, before: string | null): Promise<PushPlan> {
  const name = refLabel(ref);
  const tip = await peelCommit(workspace, tipRev);
  if (tip === null) {
    const type = await objectType(workspace, tipRev);
    if (type === null) return missingTip(workspace, tipRev, name);
    // A ref that points at a blob or a tree brings content no commit holds: only --history reads it
    // (src/sources/git/ref-objects.ts), so it scans everything, as for a push whose start is unknown.
    if (type === 'blob' || type === 'tree') {
      return { args: ['--history'], describe: guide().action.pushed.everyRef(name, type), notes: [{ level: 'notice', message: guide().action.pushed.notCommitScanned(name, type, short(tipRev)) }] };
    }
    return { args: [], describe: guide().action.pushed.nothing(name, type), notes: [{ level: 'notice', message: guide().action.pushed.noCommits(name, type, short(tipRev)) }] };
  }
  // Every other ref that does not already contain the tip (see the top of the file), and the ref's old tip.
  // --no-contains (git 2.13) also drops refs that do not peel to a commit.
  const refs = await run(workspace, ['for-each-ref', '--format=%(objectname)', `--no-contains=${tip}`, 'refs/heads/', 'refs/remotes/', 'refs/tags/']);
  const others = shas(refs, 'for-each-ref');
  if (before !== null) others.push(before);

  // `^sha` lines on stdin work on every git version (--not on stdin needs git 2.42).
  const listed = await run(workspace, ['rev-list', '--boundary', '--stdin'], `${tip}\n${others.map((sha) => `^${sha}\n`).join('')}`);
  const commits: string[] = [];
  const boundaries: string[] = [];
  for (const line of lines(listed)) {
    const boundary = line.startsWith('-');
    const sha = boundary ? line.slice(1) : line;
    if (!SHA.test(sha)) throw new RuntimeError(guide().action.pushed.unexpectedLine('rev-list', JSON.stringify(line.slice(0, 80))));
    (boundary ? boundaries : commits).push(sha);
  }
  if (commits.length === 0) {
    const message = guide().action.pushed.nothingNewNote(name, short(tip));
    return { args: [], describe: guide().action.pushed.nothingNew(name), notes: [{ level: 'notice', message }] };
  }

  const notes: PlanNote[] = [];
  const cut = await shallowCut(workspace, commits);
  if (cut) {
    notes.push({
      level: 'warning',
      message: guide().action.pushed.shallowCut(name),
    });
  }
  const base = await chooseBase(workspace, tip, boundaries, others, cut);
  if (base === null) {
    // Nothing else in the checkout shares these commits (a first push, an unrelated history), or a shallow cut
    // with nothing to range from: every commit there is, which is these and what refs containing the tip add.
    return { args: ['--history'], describe: guide().action.pushed.everyCommit(name, commits.length), notes };
  }
  if (!base.exact) notes.push({ level: 'notice', message: guide().action.pushed.inexact(name, boundaries.length) });
  return { args: ['--range', `${base.sha}..${tip}`], describe: guide().action.pushed.brought(commits.length, name, `${short(base.sha)}..${short(tip)}`), notes };
}

/**
 * BASE such that BASE..TIP is the pushed set S (reachable from TIP, from none of the subtracted refs). The
 * boundaries are the parents of S's commits outside S; every path from TIP leaves S through one of them, so
 * any commit outside S that reaches all boundaries (and reaches nothing in S) is an exact base:
 *   one boundary, or one that the others are ancestors of (merge-base --independent), or a subtracted ref's
 *   tip that holds them all; with no boundary, S is TIP's whole history and any subtracted ref is disjoint
 *   from it. Otherwise the first boundary: a superset. null: no base (use the whole history).
 */
async function chooseBase(workspace: string, tip: string, boundaries: string[], others: string[], cut: boolean): Promise<{ sha: string; exact: boolean } | null> {
  if (boundaries.length === 0) {
    // In a shallow clone an unrelated base is refused by the range scan (it cannot tell it from a cut).
    if (others.length === 0 || cut) return null;
    return { sha: await commitOf(workspace, others[0]), exact: true };
  }
  if (boundaries.length === 1) return { sha: boundaries[0], exact: true };
  const independent = shas(await run(workspace, ['merge-base', '--independent', ...boundaries]), 'merge-base');
  if (independent.length === 1) return { sha: independent[0], exact: true };
  if (independent.length <= MAX_BOUNDARIES) {
    let holders: Set<string> | null = null;
    for (const boundary of independent) {
      const found = shas(await run(workspace, ['for-each-ref', '--format=%(objectname)', `--contains=${boundary}`, `--no-contains=${tip}`, 'refs/heads/', 'refs/remotes/', 'refs/tags/']), 'for-each-ref');
      holders = new Set(holders === null ? found : found.filter((sha) => holders!.has(sha)));
      if (holders.size === 0) break;
    }
    const [holder] = holders ?? [];
    if (holder !== undefined) return { sha: await commitOf(workspace, holder), exact: true };
  }
  return { sha: boundaries[0], exact: false };
}

/** Whether any listed commit is one where the shallow clone's history is cut (git's shallow file). */
async function shallowCut(workspace: string, commits: string[]): Promise<boolean> {
  const where = lines(await run(workspace, ['rev-parse', '--git-path', 'shallow']))[0];
  let text: string;
  try {
    text = readFileSync(path.resolve(workspace, where ?? ''), 'utf8');
  } catch {
    return false; // no shallow file: a complete clone
  }
  const cut = new Set(text.split('\n').filter((line) => SHA.test(line)));
  return commits.some((sha) => cut.has(sha));
}

async function peelCommit(workspace: string, rev: string): Promise<string | null> {
  const result = await gitRaw(workspace, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const sha = result.stdout.toString('utf8').trim();
  return result.code === 0 && SHA.test(sha) ? sha : null;
}

async function commitOf(workspace: string, rev: string): Promise<string> {
  const sha = await peelCommit(workspace, rev);
  if (sha === null) throw new RuntimeError(guide().action.pushed.cannotResolve(short(rev)));
  return sha;
}

async function objectType(workspace: string, rev: string): Promise<string | null> {
  const result = await gitRaw(workspace, ['cat-file', '-t', rev]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
}

async function missingTip(workspace: string, tip: string, name: string): Promise<never> {
  const shallow = (await gitRaw(workspace, ['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim() === 'true';
  throw new RuntimeError(
    guide().action.pushed.missingTip(name, short(tip), shallow),
  );
}

async function run(workspace: string, args: string[], input?: string): Promise<string> {
  const result = await gitRaw(workspace, args, input);
  if (result.code !== 0) throw new RuntimeError(words().git.failed(args[0], result.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${result.code}`));
  return result.stdout.toString('utf8');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

function shas(text: string, command: string): string[] {
  const found = lines(text);
  for (const sha of found) if (!SHA.test(sha)) throw new RuntimeError(guide().action.pushed.unexpectedLine(command, JSON.stringify(sha.slice(0, 80))));
  return found;
}

/** "branch main", "tag v1": what the user calls the pushed ref (control characters shown as ?: it is printed). */
export function refLabel(ref: string): string {
  const name = ref.replace(/[\x00-\x1f\x7f]/g, '?');
  if (name.startsWith('refs/heads/')) return `branch ${name.slice('refs/heads/'.length)}`;
  if (name.startsWith('refs/tags/')) return `tag ${name.slice('refs/tags/'.length)}`;
  return name === '' ? 'the pushed ref' : name;
}

export function short(sha: string): string {
  return sha.slice(0, 12);
}
