// Which commits a workflow run should scan, from the event that started it:
//   pull_request(_target)  the PR's commits: pull_request.base.sha..pull_request.head.sha
//   push                   the pushed commits: before..after; a new branch (before = 000…) is scanned from
//                          where it leaves the default branch (origin/<default_branch>), or whole when it
//                          has no such base (the default branch's first push, or a checkout without it)
//   anything else          the working tree, or every commit with mode: history
// The action never deepens a shallow clone itself (that needs the network and the checkout's credentials):
// when a commit it needs is missing it stops with a message that says how to fix the checkout.
import { readFileSync } from 'node:fs';
import { RuntimeError, UsageError } from '../errors.js';
import { git } from '../init/git.js';

export interface ScanPlan {
  /** keywarden scan arguments that select what is scanned. */
  args: string[];
  /** One line for the log and the summary. */
  describe: string;
}

interface Payload {
  pull_request?: { number?: number; base?: { sha?: string; ref?: string }; head?: { sha?: string; ref?: string } };
  before?: string;
  after?: string;
  ref?: string;
  deleted?: boolean;
  repository?: { default_branch?: string };
}

const ZERO = /^0+$/;

export function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Payload;
  } catch (error) {
    throw new RuntimeError(`cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(error as Error).message.split('\n')[0]}`);
  }
}

export function planScan(event: string, payload: Payload, mode: 'auto' | 'files' | 'history', workspace: string): ScanPlan {
  if (mode === 'history') return { args: ['--history'], describe: 'every commit on every ref (mode: history)' };
  if (mode === 'files') return { args: ['.'], describe: 'the working tree (mode: files)' };
  if (event === 'pull_request' || event === 'pull_request_target') {
    const base = payload.pull_request?.base?.sha;
    const head = payload.pull_request?.head?.sha;
    if (!base || !head) throw new UsageError(`the ${event} event payload has no pull_request.base.sha / head.sha`);
    requireCommits(workspace, [base, head], `pull request #${payload.pull_request?.number ?? '?'}`);
    return { args: ['--range', `${base}..${head}`], describe: `the commits of pull request #${payload.pull_request?.number ?? '?'} (${short(base)}..${short(head)})` };
  }
  if (event === 'push') {
    const after = payload.after;
    if (!after || ZERO.test(after) || payload.deleted) return { args: [], describe: 'nothing: the push deleted a ref' };
    const before = payload.before;
    if (before && !ZERO.test(before)) {
      requireCommits(workspace, [before, after], 'the pushed range');
      return { args: ['--range', `${before}..${after}`], describe: `the pushed commits (${short(before)}..${short(after)})` };
    }
    requireCommits(workspace, [after], 'the pushed branch');
    const branch = payload.repository?.default_branch;
    const pushed = payload.ref?.replace(/^refs\/heads\//, '');
    if (branch && pushed !== branch) {
      const base = git(workspace, ['merge-base', after, `refs/remotes/origin/${branch}`]);
      if (base.status === 0 && base.stdout) {
        return { args: ['--range', `${base.stdout}..${after}`], describe: `the new branch ${pushed}'s commits since it left ${branch} (${short(base.stdout)}..${short(after)})` };
      }
    }
    return { args: ['--history'], describe: `the whole history (new branch ${pushed ?? ''} with no base on ${branch ?? 'the default branch'})` };
  }
  return { args: ['.'], describe: `the working tree (${event || 'no'} event)` };
}

/** A missing commit is almost always a shallow checkout (actions/checkout fetches one commit by default). */
function requireCommits(workspace: string, shas: string[], what: string): void {
  const missing = shas.filter((sha) => git(workspace, ['cat-file', '-e', `${sha}^{commit}`]).status !== 0);
  if (missing.length === 0) return;
  const shallow = git(workspace, ['rev-parse', '--is-shallow-repository']).stdout === 'true';
  const why = shallow ? 'the checkout is shallow' : 'the checkout does not have it';
  throw new RuntimeError(
    `cannot scan ${what}: commit ${missing.map(short).join(', ')} is not in the repository (${why}). Set \`fetch-depth: 0\` on actions/checkout so the whole history is there.`,
  );
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
