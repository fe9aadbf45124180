// Runs the real built CLI (bin/keywarden.js → dist/) as a child process, as users and hooks do.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'keywarden.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd ?? ROOT, input: options.input ?? '', env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 };
  const result = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * Many command lines through the built bundle in one child process (bundle-rows.mjs): the bundle's answer to
 * each, for tables of rows that would otherwise pay a Node start-up per row. Status is the exit code main() set.
 */
export function runBundleRows(rows: string[][], options: { cwd?: string } = {}): CliResult[] {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'test', 'support', 'bundle-rows.mjs')], {
    cwd: options.cwd ?? ROOT,
    input: JSON.stringify(rows),
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`bundle-rows.mjs exited ${result.status}:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Parses a --format json run's stdout, failing loudly with the stderr when it is not JSON. */
export function jsonReport(result: CliResult): any {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON (status ${result.status}):\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  }
}
