// `scan --pre-receive`: git's server-side pre-receive hook. git runs it in the bare repository (GIT_DIR set)
// with one `<old> SP <new> SP <ref>` line per pushed ref on standard input, before any ref is updated, and with
// the pushed objects in a quarantine folder that git names to its children (GIT_QUARANTINE_PATH,
// GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES). keywarden's git calls inherit that environment
// (git/run.ts keeps it), so they see the pushed objects beside the repository's own.
//
// What is scanned: the commits reachable from the pushed tips and from no existing ref. While the hook runs no
// ref has moved, so `--not --all` subtracts exactly what the repository already had, the pushed refs' old tips
// included: a new branch, a force push, a tag, several refs at once all come down to that one log. Deletions
// (new = 0…) bring nothing. Every commit in between is scanned, so a key added by one pushed commit and
// removed by a later one is still found (the key is in the history the server would keep).
//
// The configuration and baseline come from the default branch as the repository has it now (HEAD, through git
// objects: sources/git/commit-settings.ts), never from the push, which would otherwise silence the scan of itself.
import { ConfigError, RuntimeError } from '../../errors.js';
import { baseCommitSettings } from './commit-settings.js';
import { graftsNote, inspectRepository } from './repo.js';
import { git, gitRaw, gitVersion } from './run.js';
import { scanCommitMessages } from './messages.js';
import { scanCommits } from './commits/scan-commits.js';
import { DEFAULT_BASELINE } from '../../config/baseline.js';
import type { Preloaded } from '../../config/types.js';
import type { ScanRequest } from '../../commands/requests.js';
import type { Detect, Located, Note, Source } from '../../types.js';
import type { SourceContext } from '../context.js';
import { words } from '../../words/index.js';

/** One line of the hook's input. */
export interface RefUpdate {
  old: string;
  new: string;
  ref: string;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

/**
 * git's pre-receive input, read strictly: each line is two object names (SHA-1 or SHA-256) and a ref name,
 * separated by single spaces. Anything else is not git talking: an error (the push is then rejected).
 */
export function parseRefUpdates(text: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const [old, next, ...rest] = line.split(' ');
    const ref = rest.join(' ');
    if (rest.length !== 1 || !OBJECT_ID.test(old ?? '') || !OBJECT_ID.test(next ?? '') || old.length !== next.length || !ref.startsWith('refs/') || /[\x00-\x1f\x7f]/.test(ref)) {
      throw new RuntimeError(words().preReceive.badLine(index + 1));
    }
    updates.push({ old, new: next, ref });
  }
  return updates;
}

/** The pushed tips to scan from: every update that is not a deletion. */
export function pushedTips(updates: readonly RefUpdate[]): RefUpdate[] {
  return updates.filter((update) => !ZERO.test(update.new));
}

export async function createPreReceiveSource(context: SourceContext): Promise<Source> {
  const { cwd } = context;
  void gitVersion(cwd); // asked now, beside the next call, for git log's options (log.ts)
  const info = await inspectRepository(cwd);
  const updates = parseRefUpdates(await readAll(context.stdin));
  const tips = pushedTips(updates);
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Note[] = [];
  return {
    mode: 'pre-receive',
    root: info.root,
    target: updates.length === 0 ? 'no refs' : updates.map((update) => update.ref).join(' '),
    stats,
    notes,
    async run(detect: Detect): Promise<Located[]> {
      if (info.grafts !== null) notes.push({ level: 'warn', message: graftsNote(info.grafts) });
      const commits = await tipCommits(cwd, tips);
      if (commits.length === 0) return [];
      // Not the whole repository: the log stops at what the existing refs hold (see range.ts).
      const revs = [...new Set(commits), '--not', '--all'];
      const located = await scanCommits(context, detect, { revs, wholeRepository: false }, stats, notes);
      // The pushed commits' messages too (git/messages.ts): a key in one is pushed like a key in a file.
      for (const found of await scanCommitMessages(context, detect, { revs }, notes)) located.push(found);
      return located;
    },
  };
}

/**
 * The commit each pushed tip is or peels to (an annotated tag). A tip that is missing, or that is a tag of a
 * tree or a blob, cannot be scanned as commits are: the push is rejected rather than let through unscanned.
 */
async function tipCommits(cwd: string, tips: readonly RefUpdate[]): Promise<string[]> {
  if (tips.length === 0) return [];
  // One batch call for all tips: "<sha> commit <size>" per line, or "<input> missing" when it peels to no commit.
  const out = (await git(cwd, ['cat-file', '--batch-check'], tips.map((tip) => `${tip.new}^{commit}\n`).join(''))).toString('utf8').split('\n');
  const commits: string[] = [];
  for (const [i, tip] of tips.entries()) {
    const [sha, type] = (out[i] ?? '').split(' ');
    if (type === 'commit' && OBJECT_ID.test(sha)) {
      commits.push(sha);
      continue;
    }
    const kind = await gitRaw(cwd, ['cat-file', '-t', tip.new]);
    throw new RuntimeError(kind.code === 0 ? words().preReceive.notCommit(tip.ref, kind.stdout.toString('utf8').trim()) : words().preReceive.missingObject(tip.ref, tip.new.slice(0, 12)));
  }
  return commits;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === 'string' ? Buffer.from(part) : part);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The configuration and baseline of the default branch (the commit HEAD names now: no ref has moved yet),
 * read as git objects, never from the push. --config and --baseline name files in that commit; a path outside
 * the repository (an administrator's /etc/keywarden.json) is read from disk as given. The baseline defaults to
 * the default branch's .keywarden-baseline.json, as the pre-commit hook's does to the work tree's. An empty
 * repository (HEAD unborn: the first push) has neither, and is scanned with the defaults.
 */
export async function defaultBranchSettings(cwd: string, options: Pick<ScanRequest, 'config' | 'baseline'>, notes: Note[]): Promise<Preloaded> {
  const head = await gitRaw(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const sha = head.stdout.toString('utf8').trim();
  if (head.code !== 0 || !OBJECT_ID.test(sha)) {
    const preloaded: Preloaded = {};
    if (options.config === undefined) preloaded.config = (await import('../../config/types.js')).defaultConfig(cwd);
    if (options.baseline === undefined) preloaded.baseline = null;
    return preloaded;
  }
  try {
    const { preloaded, warnings } = await baseCommitSettings(cwd, sha, null, { config: options.config, baseline: options.baseline ?? DEFAULT_BASELINE });
    // With no head to compare, the only warnings are "the commit has no FILE" for a file named by option.
    const named = [options.config, options.baseline];
    for (const warning of warnings) if (named.includes(warning.file)) notes.push({ level: 'warn', message: words().settings.defaultBranchLacks(sha.slice(0, 12), warning.file) });
    return preloaded;
  } catch (error) {
    // A configuration the default branch holds but keywarden cannot read stops every push until it is fixed:
    // the message says which commit, so the administrator knows where to look.
    if (error instanceof ConfigError) throw new ConfigError(words().settings.defaultBranchConfig(error.message));
    throw error;
  }
}
