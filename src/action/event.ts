// Which commits a workflow run should scan, from the event that started it:
//   pull_request(_target)  the PR's commits: pull_request.base.sha..pull_request.head.sha
//   push                   a fast-forward: before..after. Any other push (a force push, whose `before` a full
//                          checkout usually no longer has; a new branch, before = 000…; a tag) scans what the
//                          push brought that no other ref holds (pushed.ts). A deleted ref: nothing, with a note.
//   anything else          the working tree, or every commit with mode: history
// The action never deepens a shallow clone itself (that needs the network and the checkout's credentials): a
// pull request whose commits are missing stops with a message that says how to fix the checkout; a push scans
// what is there and warns.
import { guide } from '../words/guide.js';
import { readFileSync } from 'node:fs';
import { RuntimeError, UsageError } from '../errors.js';
import { gitSync as git } from '../sources/git/run.js';
import { planPushed, refLabel, short, type PlanNote } from './pushed.js';

export interface ScanPlan {
  /** keywarden scan arguments that select what is scanned; empty when there is nothing to scan. */
  args: string[];
  /** One line for the log and the summary. */
  describe: string;
  /** Said on the run page (notice or warning annotations) and, for warnings, in the summary. */
  notes: PlanNote[];
}

interface Payload {
  pull_request?: { number?: number; base?: { sha?: string; ref?: string }; head?: { sha?: string; ref?: string } };
  before?: string;
  after?: string;
  ref?: string;
  deleted?: boolean;
}

const ZERO = /^0+$/;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Payload;
  } catch (error) {
    throw new RuntimeError(guide().action.errors.payload(path, (error as Error).message.split('\n')[0]));
  }
}

/** The events whose payload names a pull request's base and head (and whose configuration comes from the base). */
export function isPullRequest(event: string): boolean {
  return event === 'pull_request' || event === 'pull_request_target';
}

export async function planScan(event: string, payload: Payload, mode: 'auto' | 'files' | 'history', workspace: string): Promise<ScanPlan> {
  const w = guide().action.plan;
  if (mode === 'history') return { args: ['--history'], describe: w.history, notes: [] };
  if (mode === 'files') return { args: ['.'], describe: w.files, notes: [] };
  if (isPullRequest(event)) {
    const base = payload.pull_request?.base?.sha;
    const head = payload.pull_request?.head?.sha;
    if (!base || !head) throw new UsageError(guide().action.errors.noBaseHead(event));
    requireCommits(workspace, [base, head], guide().action.errors.pullRequest(String(payload.pull_request?.number ?? '?')));
    return { args: ['--range', `${base}..${head}`], describe: w.pullRequest(String(payload.pull_request?.number ?? '?'), `${short(base)}..${short(head)}`), notes: [] };
  }
  if (event === 'push') return planPush(payload, workspace);
  return { args: ['.'], describe: w.workingTree(event), notes: [] };
}

async function planPush(payload: Payload, workspace: string): Promise<ScanPlan> {
  const name = refLabel(typeof payload.ref === 'string' ? payload.ref : '');
  const { after, before } = payload;
  if (after !== undefined && !SHA.test(after)) throw new UsageError(guide().action.errors.notCommitId('after', JSON.stringify(String(after).slice(0, 80))));
  if (before !== undefined && !SHA.test(before)) throw new UsageError(guide().action.errors.notCommitId('before', JSON.stringify(String(before).slice(0, 80))));
  if (!after || ZERO.test(after) || payload.deleted) {
    return { args: [], describe: guide().action.plan.deleted(name), notes: [{ level: 'notice', message: guide().action.plan.deletedNote(name) }] };
  }
  // A fast-forward: before is in the checkout and an ancestor of after (a force push's is not, or is gone).
  const old = before && !ZERO.test(before) && git(workspace, ['cat-file', '-e', `${before}^{commit}`]).status === 0 ? before : null;
  if (old !== null && git(workspace, ['merge-base', '--is-ancestor', old, after]).status === 0) {
    return { args: ['--range', `${old}..${after}`], describe: guide().action.plan.pushed(`${short(old)}..${short(after)}`), notes: [] };
  }
  return planPushed(workspace, after, typeof payload.ref === 'string' ? payload.ref : '', old);
}

/** A missing commit is almost always a shallow checkout (actions/checkout fetches one commit by default). */
function requireCommits(workspace: string, shas: string[], what: string): void {
  const missing = shas.filter((sha) => git(workspace, ['cat-file', '-e', `${sha}^{commit}`]).status !== 0);
  if (missing.length === 0) return;
  const shallow = git(workspace, ['rev-parse', '--is-shallow-repository']).stdout === 'true';
  throw new RuntimeError(guide().action.errors.missingCommits(what, missing.map(short).join(', '), shallow));
}
