// Helpers for the hook tests: real `git commit` / `git push` whose failure is an expected outcome, and
// projects where `keywarden` resolves the way users install it (node_modules/.bin or a folder on PATH),
// always to this checkout's bin/keywarden.js and so to the freshly built dist/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';
import { GIT_ENV, tempDir, type Repo } from './repo.js';

export interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr: git shows a hook's output on stderr, but either is what the user sees. */
  output: string;
}

export function tryGit(repo: Repo, args: string[], env: Record<string, string> = {}): Outcome {
  const result = spawnSync('git', args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  if (result.error) throw result.error;
  const stdout = String(result.stdout);
  const stderr = String(result.stderr);
  return { status: result.status ?? -1, stdout, stderr, output: stdout + stderr };
}

export function head(repo: Repo): string {
  return repo.git('rev-parse', 'HEAD').trim();
}

/** A folder holding a `keywarden` symlink to this checkout's bin, to put first on PATH ("installed globally"). */
export function globalKeywarden(): string {
  const bin = tempDir('keywarden-bin-');
  symlinkSync(path.join(ROOT, 'bin', 'keywarden.js'), path.join(bin, 'keywarden'));
  return bin;
}

/** node_modules/.bin/keywarden and node_modules/husky as `npm install -D keywarden husky` would leave them, offline. */
export function installLocally(dir: string, options: { husky: boolean; keywarden?: boolean }): void {
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  if (options.keywarden ?? true) symlinkSync(path.join(ROOT, 'bin', 'keywarden.js'), path.join(dir, 'node_modules', '.bin', 'keywarden'));
  if (options.husky) symlinkSync(path.join(ROOT, 'node_modules', 'husky'), path.join(dir, 'node_modules', 'husky'));
}

export function credentialsFile(keyId: string, secret: string): string {
  return `[default]\nregion = eu-west-1\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
}
