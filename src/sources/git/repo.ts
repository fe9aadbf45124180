// Questions asked of the repository before a scan: is this a repository, is it shallow, does a ref exist.
// Each answer is one short git call; failures become one-line errors (exit 2).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { suggest } from '../../config/validate.js';
import { RuntimeError, UsageError } from '../../errors.js';
import { words } from '../../words/index.js';
import { git, gitFailure, gitRaw } from './run.js';

export interface RepoInfo {
  shallow: boolean;
  /** The top level, which git's paths are relative to. */
  root: string;
  /** The repository's grafts file when it has one (git is told to ignore it: run.ts). */
  grafts: string | null;
}

export async function inspectRepository(cwd: string): Promise<RepoInfo> {
  const out = (await git(cwd, ['rev-parse', '--is-shallow-repository', '--git-dir', '--show-cdup', '--git-common-dir'])).toString('utf8').split('\n');
  return { shallow: out[0].trim() === 'true', root: rootFromCdup(cwd, out[2] ?? ''), grafts: graftsFile(cwd, out[3] ?? '') };
}

/** Where git would look for grafts: $GIT_GRAFT_FILE, else info/grafts in the common git folder. */
function graftsFile(cwd: string, commonDir: string): string | null {
  const file = process.env.GIT_GRAFT_FILE || path.resolve(cwd, commonDir.trim() || '.git', 'info', 'grafts');
  return existsSync(file) ? file : null;
}

export function graftsNote(file: string): string {
  return words().revisions.graftsNote(file);
}

/** The repository's top level (git reports paths relative to it), found from cwd without another git call. */
export async function repositoryRoot(cwd: string): Promise<string> {
  return rootFromCdup(cwd, (await git(cwd, ['rev-parse', '--show-cdup'])).toString('utf8').split('\n')[0]);
}

/**
 * `--show-cdup` is the way up to the top level ("../../", or empty there), the work tree's absolute path when
 * cwd is outside it (GIT_DIR/GIT_WORK_TREE set; git has done so since long before 2.25), and nothing in a bare
 * repository. Resolving it against cwd keeps cwd's own spelling of the path (symbolic links and all).
 */
function rootFromCdup(cwd: string, cdup: string): string {
  return cdup === '' ? cwd : path.resolve(cwd, cdup);
}

/** Resolves a revision to a commit sha, or throws a UsageError saying what is wrong with it. */
export async function resolveCommit(cwd: string, rev: string, info: RepoInfo, role: string): Promise<string> {
  const sha = await findCommit(cwd, rev, role);
  if (sha === null) throw await unknownRevision(cwd, rev, info, role);
  return sha;
}

/** The commit a revision names, or null when it names none. `rev` never reaches git as an option. */
export async function findCommit(cwd: string, rev: string, role: string): Promise<string | null> {
  // rev-parse honours --end-of-options from git 2.30 only (before, it ignores it): this check is what protects.
  if (rev.startsWith('-')) throw new UsageError(words().revisions.notRevision(role, rev));
  const result = await gitRaw(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (result.code === 0) return result.stdout.toString('utf8').trim();
  if (result.code !== 1) throw new RuntimeError(words().git.failed('rev-parse', result.stderr.split('\n')[0]));
  return null;
}

/**
 * Why a revision names no commit, as one line: not in a shallow clone, an object that is not a commit (a tag of
 * a tree or blob), or unknown, with the closest ref name when one is near (the same suggest() as config keys).
 */
export async function unknownRevision(cwd: string, rev: string, info: RepoInfo, role: string): Promise<UsageError> {
  if (info.shallow) return new UsageError(words().revisions.shallow(role, rev));
  const object = await gitRaw(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{}`]); // a tag peeled
  if (object.code === 0) return new UsageError(words().revisions.notCommit(role, rev, await objectType(cwd, object.stdout.toString('utf8').trim())));
  const hint = suggest(rev, await refNames(cwd));
  return new UsageError(words().revisions.unknown(role, rev, hint));
}

async function objectType(cwd: string, sha: string): Promise<string> {
  const result = await gitRaw(cwd, ['cat-file', '-t', sha]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : 'object';
}

/** Short names of every ref, and HEAD, for suggestions only (a ref name holds no newline: check-ref-format). */
async function refNames(cwd: string): Promise<string[]> {
  const result = await gitRaw(cwd, ['for-each-ref', '--format=%(refname:short)']);
  const names = result.code === 0 ? result.stdout.toString('utf8').split('\n').filter((name) => name !== '') : [];
  return ['HEAD', ...names];
}

/** The stash's older entries live only in its reflog; `--all` sees just the newest. */
export async function stashEntries(cwd: string): Promise<string[]> {
  const args = ['reflog', 'show', '--format=%H', 'refs/stash', '--'];
  const result = await gitRaw(cwd, args);
  // No stash is "bad revision" (git's messages are in English: run.ts); any other failure is one.
  if (result.code !== 0 && /bad revision|unknown revision/.test(result.stderr)) return [];
  if (result.code !== 0) throw gitFailure(cwd, args, result.stderr);
  return result.stdout.toString('utf8').split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
}

export function shallowNote(): string {
  return words().revisions.shallowNote;
}
