// `keywarden init`: puts the pre-commit hook in place in the current repository and says what it did.
// A project with a package.json gets husky (the hook travels with the repository and every clone's
// `npm install` activates it); anything else gets hooks/pre-commit in the folder git runs hooks from.
// Exit 0 when the hook is set up (or was already), 2 when it cannot be (not a repository, a foreign hook).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ScanOptions } from '../cli/options.js';
import type { Io } from '../io.js';
import { repositoryTop } from './git.js';
import { installGitHook } from './git-hook.js';
import { setUpHusky } from './husky.js';

export async function runInit(options: ScanOptions, io: Io): Promise<number> {
  const top = repositoryTop(io.cwd);
  if (existsSync(path.join(top, 'package.json'))) {
    const result = setUpHusky(top, io.env);
    for (const line of result.done) io.stdout.write(`keywarden: ${line}\n`);
    for (const line of result.todo) io.stdout.write(`keywarden: to do: ${line}\n`);
    if (result.todo.some((line) => line.startsWith('husky'))) return 0;
  } else {
    for (const line of installGitHook(top, options.force)) io.stdout.write(`keywarden: ${line}\n`);
  }
  io.stdout.write('keywarden: every commit is now checked for AWS credentials; skip the check once with `git commit --no-verify`\n');
  return 0;
}
