// Spawning git directly with node:child_process: the pre-commit path cannot afford a git library's import, and
// the history path streams gigabytes, so every git call in keywarden goes through these functions
// (docs/ARCHITECTURE.md, "Dependencies").
//
// This is also the one place where git is made to answer the same whatever the user's or the repository's
// configuration says, and to run nothing a configuration names. Every call is read-only and passes
// --no-optional-locks so that not even a stat refresh touches the index. Each command also passes the flags
// its output relies on (--no-renames, --no-ext-diff, --no-textconv, --no-abbrev, ...); the settings below
// cover what has no flag on every supported git (2.25 on), and what no command of ours should ever honour.
// A `-c` given here outlasts the same key in any config file and in GIT_CONFIG_PARAMETERS/GIT_CONFIG_COUNT
// (git applies command-line settings last). Keys an older git does not know are ignored by it.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { RuntimeError, UsageError } from '../../errors.js';
import { words } from '../../words/index.js';

const PINNED: ReadonlyArray<[string, string]> = [
  ['core.quotePath', 'false'],
  // Replace refs can swap any commit or blob for another (--no-replace-objects below); a config that says
  // core.useReplaceRefs=true would turn them back on.
  ['core.useReplaceRefs', 'false'],
  ['color.ui', 'never'],
  ['color.diff', 'never'],
  // Never run the repository's fsmonitor hook (reading the index would): empty is "off" both where the
  // setting is a hook path (before 2.36) and where it is a boolean.
  ['core.fsmonitor', ''],
  // Above this size diff calls any file binary (git's default).
  ['core.bigFileThreshold', '512m'],
  // A UTF-16 output encoding would put NULs inside the fields the log parser separates by NUL.
  ['i18n.logOutputEncoding', 'UTF-8'],
  // Verifying signatures runs gpg.program and writes its output into the log.
  ['log.showSignature', 'false'],
  // first-parent or combined would drop what a merge's conflict resolution adds (log.ts also passes the flag).
  ['log.diffMerges', 'separate'],
  // diff.relative from a subfolder would hide every change outside it.
  ['diff.relative', 'false'],
  // The staged patch as its parser reads it: git's own headers and prefixes, ' ' before every context line,
  // a submodule as one line (not its own diff), and the default algorithm deciding which lines are added.
  ['diff.noprefix', 'false'],
  ['diff.mnemonicPrefix', 'false'],
  ['diff.srcPrefix', 'a/'],
  ['diff.dstPrefix', 'b/'],
  ['diff.suppressBlankEmpty', 'false'],
  ['diff.submodule', 'short'],
  ['diff.algorithm', 'myers'],
  // Not pinned, because every command passes its flag: renames (--no-renames / -M), external diff
  // (--no-ext-diff), textconv (--no-textconv), abbreviation (--no-abbrev), notes, context (-U0). The order
  // of files (diff.orderFile) changes nothing: raw and patch parts follow the same order.
];

const GLOBAL_ARGS = ['--no-pager', '--no-optional-locks', '--no-replace-objects', ...PINNED.flatMap(([key, value]) => ['-c', `${key}=${value}`])];

/**
 * Grafts (.git/info/grafts, deprecated) rewrite parents and can hide commits; replace refs are off above.
 * A graft file that cannot exist turns them off: keywarden reads the commits' real parents, as a push or a
 * clone would. Shallow clones keep working (git reads .git/shallow separately). The sources say when a
 * repository has grafts (repo.ts).
 */
const NO_GRAFTS = '/dev/null/keywarden-ignores-grafts';

let childEnv: NodeJS.ProcessEnv | null = null;

/** The environment of every git child: the user's, with what would change git's answers taken out. */
function gitEnv(): NodeJS.ProcessEnv {
  if (childEnv !== null) return childEnv;
  // LC_ALL=C: git's messages in English, as gitFailure and repo.ts read them.
  // A scan never fetches and never writes into .git: in a partial clone git would otherwise fetch each missing
  // blob from the promisor remote as it is read (network access, and a new pack in .git/objects).
  // GIT_NO_LAZY_FETCH turns that off where git knows it (2.44, and the 2024-05 security releases from 2.39.4
  // on); older git honours GIT_ALLOW_PROTOCOL (since 2.1), and an empty list allows no transport at all, so a
  // lazy fetch fails before it connects. Missing blobs are then noted and make the exit code 2 (missing-blobs.ts).
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_GRAFT_FILE: NO_GRAFTS, LC_ALL: 'C', GIT_NO_LAZY_FETCH: '1', GIT_ALLOW_PROTOCOL: '' };
  // GIT_DIFF_OPTS overrides -U0 of the staged diff; GIT_EXTERNAL_DIFF is refused by --no-ext-diff already.
  delete env.GIT_DIFF_OPTS;
  delete env.GIT_EXTERNAL_DIFF;
  childEnv = env;
  return env;
}

/** Every git child still running, for stopEveryGit; once it was called, no new one starts. */
const running = new Set<ChildProcessWithoutNullStreams>();
let abandoned = false;

function spawnGit(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  if (abandoned) throw new RuntimeError(words().git.stopped);
  const child = spawn('git', [...GLOBAL_ARGS, ...args], { cwd, stdio: 'pipe', env: gitEnv() });
  running.add(child);
  child.on('close', () => running.delete(child));
  child.on('error', () => running.delete(child));
  return child;
}

/**
 * Ends every git child at once, when the scan is abandoned (the pre-receive hook's time budget ran out):
 * nothing of theirs is read any more, and none must outlive keywarden holding the repository's files.
 */
export function stopEveryGit(): void {
  abandoned = true;
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/**
 * Runs git to completion and collects its output (small outputs only). Never throws on a non-zero exit;
 * rejects when git ends by a signal (its output is then incomplete whatever it was).
 */
export function gitRaw(cwd: string, args: readonly string[], input?: string | Buffer): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(cwd, args);
    } catch (error) {
      reject(spawnError(error));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (part: Buffer) => out.push(part));
    child.stderr.on('data', (part: Buffer) => err.push(part));
    child.on('error', (error) => reject(spawnError(error)));
    child.on('close', (code, signal) => {
      if (code === null) reject(killedBy(args, signal));
      else resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code });
    });
    child.stdin.on('error', () => {}); // git may exit before reading all its input; the exit code says why
    child.stdin.end(input ?? '');
  });
}

/** Runs git and returns stdout, or throws a one-line RuntimeError naming the command. */
export async function git(cwd: string, args: readonly string[], input?: string | Buffer): Promise<Buffer> {
  const result = await gitRaw(cwd, args, input);
  if (result.code !== 0) throw gitFailure(cwd, args, result.stderr);
  return result.stdout;
}

/**
 * Runs git to completion, synchronously, with the same pinned settings and environment: for the few small
 * questions outside a scan (`init`'s repository facts, the Action's event planning). Never throws on a
 * non-zero exit; stdout and stderr trimmed.
 */
export function gitSync(cwd: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync('git', [...GLOBAL_ARGS, ...args], { cwd, encoding: 'utf8', env: gitEnv() });
  if (result.error) throw new RuntimeError(words().git.cannotRun((result.error as NodeJS.ErrnoException).code ?? result.error.message));
  return { status: result.status ?? -1, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

export interface GitStream {
  child: ChildProcessWithoutNullStreams;
  /**
   * Settles when git exits: resolves only on exit code 0 or after `stop()`. Any other end (an error exit, a
   * signal from outside, a crash) rejects, so output cut short is never taken for the whole answer.
   */
  done: Promise<void>;
  /** Ends git on purpose (keywarden no longer needs its output): `done` then resolves. */
  stop(): void;
}

/** Starts a long-running git whose stdout the caller streams. */
export function gitStream(cwd: string, args: readonly string[]): GitStream {
  const child = spawnGit(cwd, args);
  const err: Buffer[] = [];
  let stopped = false;
  child.stderr.on('data', (part: Buffer) => err.push(part));
  child.stdin.on('error', () => {});
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(spawnError(error)));
    child.on('close', (code, signal) => {
      if (stopped || code === 0) resolve();
      else if (code === null) reject(killedBy(args, signal));
      else reject(gitFailure(cwd, args, Buffer.concat(err).toString('utf8')));
    });
  });
  const stop = (): void => {
    stopped = true;
    child.kill();
  };
  return { child, done, stop };
}

let version: Promise<[number, number]> | null = null;

/**
 * git's major and minor version, asked once per process and only by the commands that need it (not the
 * pre-commit path). [0, 0] when the answer cannot be read: callers then use what every git has.
 */
export function gitVersion(cwd: string): Promise<[number, number]> {
  version ??= gitRaw(cwd, ['--version']).then(
    (result) => {
      const match = /(\d+)\.(\d+)/.exec(result.stdout.toString('utf8'));
      return match === null ? [0, 0] : [Number(match[1]), Number(match[2])];
    },
    () => [0, 0],
  );
  return version;
}

function spawnError(error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new RuntimeError(words().git.notInstalled);
  return new RuntimeError(words().git.cannotRun(error instanceof Error ? error.message : String(error)));
}

function command(args: readonly string[]): string {
  return args.find((arg) => !arg.startsWith('-')) ?? '';
}

function killedBy(args: readonly string[], signal: NodeJS.Signals | null): Error {
  return new RuntimeError(words().git.killed(command(args), signal));
}

/** git's own first "fatal:" line is the clearest explanation there is; keep just that. */
export function gitFailure(cwd: string, args: readonly string[], stderr: string): Error {
  // Outside a repository `git diff` falls back to --no-index mode and rejects --cached instead of saying so.
  if (/not a git repository/i.test(stderr) || /unknown option `cached'/.test(stderr)) return new UsageError(words().errors.notRepository(cwd));
  const line = stderr.split('\n').find((text) => /^(fatal|error):/.test(text)) ?? stderr.split('\n').find((text) => text.trim() !== '') ?? 'failed';
  return new RuntimeError(words().git.failed(command(args), line.replace(/^(fatal|error):\s*/, '')));
}
