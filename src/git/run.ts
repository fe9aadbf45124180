// Spawning git directly with node:child_process. The pre-commit path cannot afford simple-git's import, and
// the history path streams gigabytes, so every git call in keywarden goes through these two functions.
// Every call is read-only and passes --no-optional-locks so that not even a stat refresh touches the index.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { RuntimeError, UsageError } from '../errors.js';
import { gitChildEnv } from './child-env.js';

const GLOBAL_ARGS = ['--no-optional-locks', '-c', 'core.quotePath=false', '-c', 'color.ui=never'];

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs git to completion and collects its output (small outputs only). Never throws on a non-zero exit. */
export function gitRaw(cwd: string, args: readonly string[], input?: string | Buffer): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn('git', [...GLOBAL_ARGS, ...args], { cwd, stdio: 'pipe', env: gitChildEnv() });
    } catch (error) {
      reject(spawnError(error));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (part: Buffer) => out.push(part));
    child.stderr.on('data', (part: Buffer) => err.push(part));
    child.on('error', (error) => reject(spawnError(error)));
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 }));
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

/** Starts a long-running git whose stdout the caller streams. `done` settles when it exits (rejects on failure). */
export function gitStream(cwd: string, args: readonly string[]): { child: ChildProcessWithoutNullStreams; done: Promise<void> } {
  const child = spawn('git', [...GLOBAL_ARGS, ...args], { cwd, stdio: 'pipe', env: gitChildEnv() });
  const err: Buffer[] = [];
  child.stderr.on('data', (part: Buffer) => err.push(part));
  child.stdin.on('error', () => {});
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(spawnError(error)));
    child.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(gitFailure(cwd, args, Buffer.concat(err).toString('utf8')));
    });
  });
  return { child, done };
}

function spawnError(error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new RuntimeError('git is not installed or not on PATH');
  return new RuntimeError(`cannot run git: ${error instanceof Error ? error.message : String(error)}`);
}

/** git's own first "fatal:" line is the clearest explanation there is; keep just that. */
export function gitFailure(cwd: string, args: readonly string[], stderr: string): Error {
  // Outside a repository `git diff` falls back to --no-index mode and rejects --cached instead of saying so.
  if (/not a git repository/i.test(stderr) || /unknown option `cached'/.test(stderr)) return new UsageError(`not a git repository: ${cwd}`);
  const line = stderr.split('\n').find((text) => /^(fatal|error):/.test(text)) ?? stderr.split('\n').find((text) => text.trim() !== '') ?? 'failed';
  return new RuntimeError(`git ${args.find((arg) => !arg.startsWith('-')) ?? ''} failed: ${line.replace(/^(fatal|error):\s*/, '')}`);
}
