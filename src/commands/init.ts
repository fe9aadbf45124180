// `keywarden init`: puts the pre-commit hook in place in the current repository, says what it did, and returns
// only with a hook that git runs on the next commit (or exit 2 saying why there is none).
// A project with a package.json that uses husky gets husky's .husky/pre-commit (it travels with the
// repository and every clone's `npm install` activates it). Until husky is active here (not installed yet:
// `npm install --save-dev husky` alone does not run the project's prepare script), and in every other
// repository, hooks/pre-commit goes into the folder git runs hooks from, which is active at once.
// Exit 0 when the hook is set up (or was already), 2 when it cannot be (not a repository, a foreign hook).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Io } from '../io/io.js';
import { repositoryTop } from '../init/git.js';
import { installGitHook } from '../init/git-hook.js';
import { dependsOnKeywarden, huskyActive, readManifest, setUpHusky, usesHusky } from '../init/husky.js';
import { escapeText } from '../text/escape.js';
import { UsageError } from '../errors.js';
import type { InitRequest } from './requests.js';
import { guide } from '../words/guide.js';

export async function runInit(options: InitRequest, io: Io): Promise<number> {
  const top = repositoryTop(io.cwd);
  // Lines may quote the repository's package.json (its prepare script) and paths: escaped (escapeText).
  const say = (line: string) => io.stdout.write(`keywarden: ${escapeText(line)}\n`);
  const todo: string[] = [];
  let husky: 'active' | 'waiting' | 'unused' = 'unused';
  let messages = true;
  const manifestPath = path.join(top, 'package.json');
  if (existsSync(manifestPath)) {
    const manifest = readManifest(manifestPath);
    if (usesHusky(top, manifest)) {
      for (const line of setUpHusky(top, manifest, io.env).done) say(line);
      husky = huskyActive(top) ? 'active' : 'waiting';
    }
    if (!dependsOnKeywarden(manifest.json)) {
      todo.push(guide().init.notDependency);
    }
  }
  if (husky !== 'active') {
    for (const line of installGitHook(top, options.force)) say(line);
    // The commit-msg hook is the second line of defence: someone else's commit-msg hook (Gerrit's Change-Id)
    // is left alone without --force, and init still succeeds with the pre-commit hook.
    try {
      for (const line of installGitHook(top, options.force, 'commit-msg')) say(line);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      todo.push(error.message);
      messages = false;
    }
    if (husky === 'waiting') say(guide().init.huskyWaiting);
    if (husky === 'unused' && existsSync(manifestPath)) say(guide().init.huskyUnused);
  }
  for (const line of todo) say(guide().init.todo(line));
  say(guide().init.active(messages));
  return 0;
}
