// Finds and reads the configuration: `--config FILE`, else the nearest `.keywarden.json` or `"keywarden"` key of
// a package.json, walking up from the working directory and stopping at the repository's top level (the
// folder holding `.git`) or the file-system root. JSON only, read with JSON.parse: a config arriving in a
// scanned pull request must never run code, so `.keywarden.js` and friends are never imported; finding one
// where a JSON config was expected is an error that says so, rather than a silent fallback to defaults.
// One directory listing per level keeps the pre-commit path to a handful of system calls.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { defaultConfig, type Config } from './types.js';
import { validateConfig } from './validate.js';

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

const NOT_READ = `not read: keywarden's configuration is JSON only (${CONFIG_FILE} or "keywarden" in package.json) and a config file is never run; move the settings to ${CONFIG_FILE}`;

export function loadConfig(cwd: string, explicit?: string): Config {
  const base = path.resolve(cwd);
  if (explicit !== undefined) return loadExplicit(base, explicit);
  for (let dir = base; ; ) {
    const names = listNames(dir);
    if (names.has(CONFIG_FILE)) return readConfigFile(path.join(dir, CONFIG_FILE), base);
    if (names.has('package.json')) {
      const found = readPackageJson(path.join(dir, 'package.json'), base, false);
      if (found) return found;
    }
    const unsupported = [...names].filter((name) => UNSUPPORTED.has(name)).sort();
    if (unsupported.length > 0) {
      throw new ConfigError(`${display(path.join(dir, unsupported[0]), base)}: ${NOT_READ}`);
    }
    const parent = path.dirname(dir);
    if (names.has('.git') || parent === dir) return defaultConfig(base);
    dir = parent;
  }
}

/**
 * `--config FILE` is often shared (an organisation's file, one kept in ci/), so its globs are relative to the
 * working directory, where the scanned paths are, rather than to wherever the file happens to live.
 */
function loadExplicit(base: string, explicit: string): Config {
  const file = path.resolve(base, explicit);
  if (/\.[cm]?[jt]s$/i.test(file)) {
    throw new ConfigError(`${display(file, base)}: ${NOT_READ}`);
  }
  if (path.basename(file) === 'package.json') {
    const found = readPackageJson(file, base, true, base);
    if (!found) throw new ConfigError(`${display(file, base)}: has no "keywarden" key`);
    return found;
  }
  return readConfigFile(file, base, base);
}

function readConfigFile(file: string, base: string, root = path.dirname(file)): Config {
  const label = display(file, base);
  const value = parseJson(readText(file, label), label);
  return validateConfig(value, { label, prefix: '', source: file, root, base });
}

/**
 * The "keywarden" key of a package.json, or null when it has none. A package.json that is not valid JSON is
 * someone else's problem (npm will say so) unless it mentions keywarden, or was named with --config.
 */
function readPackageJson(file: string, base: string, explicit: boolean, root = path.dirname(file)): Config | null {
  const label = display(file, base);
  const text = readText(file, label);
  if (!explicit && !text.includes('"keywarden"')) return null;
  const value = parseJson(text, label);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, 'keywarden')) return null;
  return validateConfig((value as Record<string, unknown>).keywarden, { label, prefix: 'keywarden.', source: file, root, base });
}

function readText(file: string, label: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${label}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code ?? String(error)})`}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse with the error placed at a line and column, which Node 20's messages only give as an offset. */
export function parseJson(text: string, label: string): unknown {
  if (text.trim() === '') throw new ConfigError(`${label}: is empty (expected a JSON object)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message) ?? (/end of JSON input/.test(message) ? [, String(text.trimEnd().length)] : null);
    const where = offset ? lineColumn(text, Number(offset[1])) : /line (\d+) column (\d+)/.exec(message);
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*in JSON at position \d+/, '')
      .replace(/^Unexpected end of JSON input$/, 'unexpected end of input (a missing } or ]?)')
      .split('\n')[0];
    const at = where ? ` at line ${where[1]}, column ${where[2]}` : '';
    throw new ConfigError(`${label}: invalid JSON${at}: ${reason}`);
  }
}

function lineColumn(text: string, offset: number): [string, number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return ['', line, offset - start + 1];
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
