// `keywarden init` without a package.json: copy hooks/pre-commit into the folder git runs hooks from
// (core.hooksPath when set, else .git/hooks, found with `git rev-parse --git-path hooks` so linked worktrees
// work). Someone else's hook is never overwritten: init stops and says so, or with --force keeps it as
// `pre-commit.before-keywarden`, which hooks/pre-commit runs after a clean scan (chaining, not clobbering).
// keywarden's own hook (marked `keywarden-hook`) is refreshed in place, so init twice changes nothing.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuntimeError, UsageError } from '../errors.js';
import { guide } from '../words/guide.js';
import { hooksFolder } from './git.js';

const MARKER = 'keywarden-hook';
export const CHAINED_SUFFIX = '.before-keywarden';

/** hooks/ ships next to dist/ in the package: dist/init/git-hook.js → ../../hooks. */
export type HookName = 'pre-commit' | 'commit-msg' | 'pre-push';

/** What each hook init installs runs, for its messages. */
const RUNS: Partial<Record<HookName, string>> = { 'pre-commit': 'keywarden scan --staged', 'commit-msg': 'keywarden scan --commit-msg' };

export function shippedHook(name: HookName): string {
  const file = fileURLToPath(new URL(`../../hooks/${name}`, import.meta.url));
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new RuntimeError(guide().init.hookMissing(name, file));
  }
}

/** Installs hooks/<name> (pre-commit: the staged scan; commit-msg: the message scan) into the hooks folder. */
export function installGitHook(top: string, force: boolean, name: 'pre-commit' | 'commit-msg' = 'pre-commit'): string[] {
  const folder = hooksFolder(top);
  const target = path.join(folder, name);
  const shown = path.relative(top, target).split(path.sep).join('/') || target;
  const script = shippedHook(name);
  const runs = RUNS[name] as string;
  const done: string[] = [];

  if (existsSync(target)) {
    const existing = readFileSync(target, 'utf8');
    if (existing.includes(MARKER)) {
      if (existing === script) return [guide().init.alreadyHook(shown, name)];
      write(target, script);
      return [guide().init.updatedHook(name, shown)];
    }
    if (!force) {
      throw new UsageError(guide().init.foreignHook(shown, runs, `${name}${CHAINED_SUFFIX}`));
    }
    const chained = target + CHAINED_SUFFIX;
    if (existsSync(chained)) throw new UsageError(guide().init.bothExist(shown, `${shown}${CHAINED_SUFFIX}`));
    renameSync(target, chained);
    chmodSync(chained, 0o755);
    done.push(guide().init.keptExisting(`${shown}${CHAINED_SUFFIX}`));
  }
  mkdirSync(folder, { recursive: true });
  write(target, script);
  done.push(guide().init.installed(name, shown, runs));
  return done;
}

function write(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o755 });
  chmodSync(file, 0o755);
}
