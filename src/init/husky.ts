// `keywarden init` in a project that uses husky: set it up the way husky 9 documents it
// (https://typicode.github.io/husky/get-started.html): a `prepare: "husky"` script, a plain-sh
// `.husky/pre-commit` file, and husky's own install step, which points core.hooksPath at `.husky/_`.
// init never installs packages (that needs the network and the project's package manager). A project that
// does not use husky gets none of this: a `prepare: "husky"` without husky would break its next
// `npm install`. Every step checks before it writes, so running init twice changes nothing, and an existing
// hook keeps its lines (keywarden's goes first: it is fast and should block before slower checks run).
// Whether the result is active is the caller's question (huskyActive): `npm install --save-dev husky` does not
// run the project's `prepare`, so husky declared is not husky active.
import { guide } from '../words/guide.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { configValue } from './git.js';

export const HOOK_COMMAND = 'keywarden scan --staged';
const HOOK_LINES = [`# keywarden: stop commits that add AWS credentials (skip once: git commit --no-verify)`, HOOK_COMMAND];
/** A hook already runs keywarden's staged scan when one of its lines calls it (directly or through npx). */
const CALLS_KEYWARDEN = /^\s*(?:npx\s+(?:--no-install\s+|--no\s+)?)?(?:\S*\/)?keywarden\s+scan\b.*--staged\b/m;
/** .husky/commit-msg: husky passes git's message file as $1. */
export const MESSAGE_HOOK_COMMAND = 'keywarden scan --commit-msg "$1"';
const MESSAGE_HOOK_LINES = ['# keywarden: stop commits whose message holds AWS credentials (skip once: git commit --no-verify)', MESSAGE_HOOK_COMMAND];
const CALLS_KEYWARDEN_MESSAGE = /^\s*(?:npx\s+(?:--no-install\s+|--no\s+)?)?(?:\S*\/)?keywarden\s+scan\b.*--commit-msg\b/m;
const RUNS_HUSKY = /(^|[\s;&|(])husky(\s|$|[;&|)])/;
const HUSKY_HOOKS_PATH = '.husky/_';

export interface HuskyResult {
  /** What was done, one sentence each, for the user. */
  done: string[];
}

/** The project uses husky: installed, declared as a dependency, or run by its prepare script. */
export function usesHusky(top: string, manifest: Manifest): boolean {
  const { json } = manifest;
  const prepare = json.scripts?.prepare;
  return huskyInstalled(top) || Boolean(json.dependencies?.husky ?? json.devDependencies?.husky) || (typeof prepare === 'string' && RUNS_HUSKY.test(prepare));
}

export function setUpHusky(top: string, manifest: Manifest, env: Record<string, string | undefined>): HuskyResult {
  const done: string[] = [];
  const prepare = manifest.json.scripts?.prepare;
  if (typeof prepare === 'string' && RUNS_HUSKY.test(prepare)) {
    done.push(guide().init.prepareRunsHusky(prepare));
  } else {
    const next = typeof prepare === 'string' && prepare.trim() !== '' ? `${prepare} && husky` : 'husky';
    manifest.json.scripts = { ...(manifest.json.scripts ?? {}), prepare: next };
    writeFileSync(manifest.file, JSON.stringify(manifest.json, null, manifest.indent) + (manifest.finalNewline ? '\n' : ''));
    done.push(guide().init.prepareSet(next));
  }

  done.push(addToHook(top, 'pre-commit', HOOK_LINES, CALLS_KEYWARDEN));
  done.push(addToHook(top, 'commit-msg', MESSAGE_HOOK_LINES, CALLS_KEYWARDEN_MESSAGE));
  if (huskyInstalled(top)) done.push(activateHusky(top, env));
  return { done };
}

/** husky's hooks run: core.hooksPath is .husky/_ and husky generated it (its `h` runner is there). */
export function huskyActive(top: string): boolean {
  return configValue(top, 'core.hooksPath') === HUSKY_HOOKS_PATH && existsSync(path.join(top, HUSKY_HOOKS_PATH, 'h'));
}

function huskyInstalled(top: string): boolean {
  return existsSync(path.join(top, 'node_modules', 'husky', 'package.json'));
}

export interface Manifest {
  file: string;
  json: { scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } & Record<string, unknown>;
  indent: string | number;
  finalNewline: boolean;
}

export function readManifest(file: string): Manifest {
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(guide().init.manifestNotJson((error as Error).message.split('\n')[0]));
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ConfigError(guide().init.manifestNotObject);
  const scripts = (json as Record<string, unknown>).scripts;
  if (scripts !== undefined && (scripts === null || typeof scripts !== 'object' || Array.isArray(scripts))) throw new ConfigError(guide().init.scriptsNotObject);
  const indent = /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? 2;
  return { file, json: json as Manifest['json'], indent, finalNewline: text.endsWith('\n') || text === '' };
}

/** Puts keywarden's lines at the top of .husky/<name>, unless a line there already runs that scan. */
function addToHook(top: string, name: 'pre-commit' | 'commit-msg', hookLines: readonly string[], callsKeywarden: RegExp): string {
  const hookPath = path.join(top, '.husky', name);
  const relative = `.husky/${name}`;
  const command = hookLines[hookLines.length - 1];
  if (!existsSync(hookPath)) {
    mkdirSync(path.dirname(hookPath), { recursive: true });
    writeFileSync(hookPath, hookLines.join('\n') + '\n', { mode: 0o755 });
    return guide().init.hookCreated(relative, command);
  }
  const text = readFileSync(hookPath, 'utf8');
  if (callsKeywarden.test(text)) return guide().init.hookAlreadyRuns(relative);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  // After a shebang, before everything else: an `exit` or a failing command later in the hook must not skip it.
  const at = lines[0]?.startsWith('#!') ? 1 : 0;
  const kept = lines.length;
  lines.splice(at, 0, ...hookLines);
  writeFileSync(hookPath, lines.join(newline) + newline);
  return guide().init.hookAdded(command, relative, kept);
}

/** Runs the project's own husky (what `npm install` runs through `prepare`), unless it is already active. */
function activateHusky(top: string, env: Record<string, string | undefined>): string {
  if (huskyActive(top)) return guide().init.huskyActive;
  const current = configValue(top, 'core.hooksPath');
  const bin = path.join(top, 'node_modules', 'husky', 'bin.js');
  const result = spawnSync(process.execPath, [bin], { cwd: top, encoding: 'utf8', env: { ...env } as NodeJS.ProcessEnv });
  const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || said !== '') return guide().init.huskySaid(said.split('\n')[0] || `exit ${result.status}`);
  return guide().init.huskyRan(current !== null && current !== HUSKY_HOOKS_PATH ? current : null);
}

export function dependsOnKeywarden(json: Manifest['json']): boolean {
  return Boolean(json.dependencies?.keywarden ?? json.devDependencies?.keywarden) || json.name === 'keywarden';
}
