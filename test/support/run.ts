// Runs keywarden in-process: run(argv, io) (src/main.ts) with an in-memory Io, returning what runCli
// (cli.ts) returns, without the ~60-100 ms of a Node start-up per call. For what the CLI decides: its output,
// report and exit code. Tests whose behaviour is the process itself (the real binary's exit, signals, hooks
// run by git, an environment its git children or the AWS SDK must see) spawn the built CLI with runCli.
import type { Io } from '../../src/io/io.js';
import { run } from '../../src/main.js';
import { ROOT, type CliResult } from './cli.js';
import { fakeIo } from './io.js';

/**
 * Variables keywarden reads through Io.env (and GITHUB_ACTIONS, which nothing in-process reads either way).
 * Any other (PATH, GIT_*, HOME, NODE_OPTIONS, AWS_*) would reach only a spawned CLI: git children and the AWS
 * SDK read the real process's environment, which an in-process run must not change (other tests share it).
 * Such a test uses runCli.
 */
const IO_ENV = new Set(['NO_COLOR', 'FORCE_COLOR', 'TERM', 'CI', 'KEYWARDEN_READ_PACKS', 'KEYWARDEN_FILE_THREADS', 'GITHUB_ACTIONS']);

export interface RunOptions {
  /** The working folder (never process.chdir): ROOT by default, as runCli. */
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
}

export async function runKeywarden(args: string[], options: RunOptions = {}): Promise<CliResult> {
  for (const key of Object.keys(options.env ?? {})) {
    if (!IO_ENV.has(key)) throw new Error(`runKeywarden: ${key} would not reach git or the AWS SDK in-process; use runCli`);
  }
  const env: Io['env'] = { ...process.env, NO_COLOR: '1', ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // No io.abandon: ending the run early is the process's business (the pre-receive time budget is tested on the binary).
  const fake = fakeIo(options.cwd ?? ROOT, options.input ?? '', env);
  const status = await run(args, fake.io);
  return { status, stdout: fake.stdout(), stderr: fake.stderr() };
}
