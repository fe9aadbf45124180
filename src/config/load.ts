// Finds and reads the configuration: `--config FILE`, else the nearest `.keywarden.json` or `"keywarden"` key of
// a package.json, walking up from the working directory and stopping at the repository's top level or the
// file-system root. Git scans pass the top level they found (`top`): the walk never goes above it, and starts
// there when the working directory is outside the work tree (GIT_DIR/GIT_WORK_TREE). Without it, the folder
// holding `.git` is the top level. JSON only, read with JSON.parse: a config arriving in a scanned pull request
// must never run code, so `.keywarden.js` and friends are never imported; finding one where a JSON config was
// expected is an error that says so, rather than a silent fallback to defaults. A config found in the
// repository must resolve inside it (config/inside.ts). One directory listing per level keeps the pre-commit
// path to a handful of system calls.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { isInside, repositoryBoundary, requireNamedInside, requireResolvesInside } from './inside.js';
import { parseJsonText } from './json.js';
import { defaultConfig, type Config } from './types.js';
import { validateConfig } from './validate.js';
import { words } from '../words/index.js';

export const CONFIG_FILE = '.keywarden.json';

/**
 * Config forms other tools accept that keywarden deliberately does not: code, or formats it does not read.
 * (Not `keywarden.json`: that is a likely name for a saved JSON report.)
 */
const UNSUPPORTED = new Set(
  ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts', 'yaml', 'yml', 'toml', 'json5', 'jsonc']
    .flatMap((ext) => [`.keywarden.${ext}`, `keywarden.config.${ext}`, `.keywardenrc.${ext}`])
    .concat(['.keywardenrc', 'keywarden.config.json']),
);


/** One folder as discovery sees it: the names in it, and how to read one (with the checks its origin needs). */
export interface ConfigFolder {
  names: ReadonlySet<string>;
  /** The file's text; throws a one-line ConfigError when it cannot or must not be read. */
  read(name: string, label: string): string;
  /** How errors name the file. */
  label(name: string): string;
  /** Config.source for the file. */
  source(name: string): string;
}

/**
 * `top`: the repository's top level, when a git source found it. Paths in the returned config are relative to
 * `cwd` (Config.base) until the pipeline re-roots them at the source's top level.
 */
export function loadConfig(cwd: string, explicit?: string, top?: string): Config {
  const base = path.resolve(cwd);
  if (explicit !== undefined) return loadExplicit(base, explicit, top);
  for (let dir = top !== undefined && !isInside(base, top) ? top : base; ; ) {
    const names = listNames(dir);
    const found = configInFolder(diskFolder(dir, names, base, top), dir, base);
    if (found) return found;
    const parent = path.dirname(dir);
    if (dir === top || names.has('.git') || parent === dir) return defaultConfig(base);
    dir = parent;
  }
}

/**
 * The configuration a folder holds: its .keywarden.json, else the "keywarden" key of its package.json; null
 * when it has neither. A config in a form keywarden does not read is an error. `root` is the folder (globs are
 * relative to it) and `base` the folder scanned paths are relative to.
 */
export function configInFolder(folder: ConfigFolder, root: string, base: string): Config | null {
  if (folder.names.has(CONFIG_FILE)) {
    const label = folder.label(CONFIG_FILE);
    return validateConfig(parseJsonText(folder.read(CONFIG_FILE, label), label), { label, prefix: '', source: folder.source(CONFIG_FILE), root, base });
  }
  if (folder.names.has('package.json')) {
    const label = folder.label('package.json');
    const found = packageConfig(folder.read('package.json', label), label, false, folder.source('package.json'), root, base);
    if (found) return found;
  }
  const unsupported = [...folder.names].filter((name) => UNSUPPORTED.has(name)).sort();
  if (unsupported.length > 0) throw new ConfigError(`${folder.label(unsupported[0])}: ${words().config.notRead(CONFIG_FILE)}`);
  return null;
}

/** A folder on disk. A file found there that is a link must resolve inside the repository. */
function diskFolder(dir: string, names: ReadonlySet<string>, base: string, top: string | undefined): ConfigFolder {
  return {
    names,
    label: (name) => display(path.join(dir, name), base),
    source: (name) => path.join(dir, name),
    read(name, label) {
      const file = path.join(dir, name);
      if (isLink(file)) requireResolvesInside(file, repositoryBoundary(dir, top), label);
      return readText(file, label);
    },
  };
}

/**
 * `--config FILE` is often shared (an organisation's file, one kept in ci/), so its globs are relative to the
 * working directory, where the scanned paths are, rather than to wherever the file happens to live.
 */
function loadExplicit(base: string, explicit: string, top: string | undefined): Config {
  const file = path.resolve(base, explicit);
  const label = display(file, base);
  refuseCode(file, label);
  requireNamedInside(file, base, top, label);
  return namedConfigFromText(readText(file, label), label, file, base);
}

/**
 * The configuration in the text of a file named as the config (--config, the Action's `config` input):
 * a package.json's "keywarden" key, or the whole file. Globs are relative to `base`, the working directory.
 */
export function namedConfigFromText(text: string, label: string, file: string, base: string): Config {
  refuseCode(file, label);
  if (path.basename(file) === 'package.json') {
    const found = packageConfig(text, label, true, file, base, base);
    if (!found) throw new ConfigError(words().config.noKeywardenKey(label));
    return found;
  }
  return validateConfig(parseJsonText(text, label), { label, prefix: '', source: file, root: base, base });
}

/** A named config that is code is refused before it is read: it is never run. */
function refuseCode(file: string, label: string): void {
  if (/\.[cm]?[jt]s$/i.test(file)) throw new ConfigError(`${label}: ${words().config.notRead(CONFIG_FILE)}`);
}

/**
 * The "keywarden" key of a package.json, or null when it has none. A package.json that is not valid JSON is
 * someone else's problem (npm will say so) unless it mentions keywarden, or was named with --config.
 */
function packageConfig(text: string, label: string, explicit: boolean, source: string, root: string, base: string): Config | null {
  if (!explicit && !text.includes('"keywarden"')) return null;
  const value = parseJsonText(text, label);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, 'keywarden')) return null;
  return validateConfig((value as Record<string, unknown>).keywarden, { label, prefix: 'keywarden.', source, root, base });
}

function readText(file: string, label: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${label}: ${code === 'ENOENT' ? words().config.noSuchFile : code === 'EISDIR' ? words().config.isFolder : words().config.cannotRead(code ?? String(error))}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function listNames(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    // An unreadable folder on the way up (permissions) holds no config we could read.
    return new Set();
  }
}

/** Relative to the working directory, as users typed or see it; absolute when that is shorter to read. */
function display(file: string, base: string): string {
  const relative = path.relative(base, file);
  if (relative === '' || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}
