// `keywarden scan` on a Node without a compile cache (Node 20; module.enableCompileCache is Node 22.1+): the
// hooks' commands above all.
// A hook pays Node's start-up and then keywarden's own, which is mostly V8 compiling the bundle: about 20 of the
// 45 ms over `node -e 0` (BENCHMARKS.md). V8 can keep that work in a code cache, but Node 20 gives one only to a
// script (vm.Script), never to an ES module: so these commands load the CLI as one CommonJS file
// (dist/bundle/cli.cjs, built from the same src/cli.ts as the chunks) with a code cache kept on disk.
//
// The cache is executable code for this process, so it lives where only the user can write: their own cache
// folder (never the shared temporary folder), refused unless owned by them and closed to others. A file is
// named by a hash of the bundle's bytes, Node's version and the command: V8 checks a cache only against the
// source's length, so a changed bundle must never meet an old cache. Nor does V8 check the cache's own bytes (a
// damaged one would run as code): each file starts with a SHA-256 of the rest, checked before V8 sees it.
// Anything wrong (no folder, a damaged or rejected file, a read-only disk) only costs the cache: the command
// runs the same, compiled as usual.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/**
 * Runs the CLI from `bundle` (cli.cjs) with a code cache for `kind` (keywarden.js cachedKind: each keeps the code it
 * compiled itself). False, having run nothing, where this Node cannot run it so or no cache can be kept: then
 * the caller loads the chunks, which compile faster than the one file when nothing is cached.
 */
async function runCached(bundle, kind, env = process.env) {
  // cli.cjs require()s every package, yargs too, an ES module: Node 20.19+ can (process.features.require_module).
  if (process.features.require_module !== true) return false;
  const bytes = fs.readFileSync(bundle);
  const file = cacheFile(env, bytes, kind);
  if (file === null) return false;
  const cachedData = load(file);
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: bundle, cachedData });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, Module.createRequire(bundle), cli, bundle, path.dirname(bundle));
  await cli.exports.main();
  // Written once, after the command ran: the cache then holds what the command compiled, not just the top level.
  if (cachedData === undefined || script.cachedDataRejected) save(file, script.createCachedData());
  return true;
}

/** Where this bundle's cache for `kind` is kept, or null: KEYWARDEN_CODE_CACHE (a folder; empty: none), else the user's cache folder. */
function cacheFile(env, bundleBytes, kind) {
  const dir = env.KEYWARDEN_CODE_CACHE !== undefined ? env.KEYWARDEN_CODE_CACHE : defaultFolder(env);
  if (!dir || !ownFolder(dir)) return null;
  const name = createHash('sha256').update(bundleBytes).update(`\0${process.version}\0${process.arch}\0${kind}`).digest('hex').slice(0, 40);
  return path.join(dir, `${name}.v8cache`);
}

function defaultFolder(env) {
  const home = os.homedir();
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'keywarden', 'code-cache') : null;
  if (process.platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'keywarden', 'code-cache') : null;
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home ? path.join(home, '.cache') : null;
  return base === null ? null : path.join(base, 'keywarden', 'code-cache');
}

/**
 * Made if missing (only the user may enter it); usable only if it and the folder holding it are real folders
 * owned by this user that no one else may write to (else someone could swap the folder for theirs).
 */
function ownFolder(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (typeof process.getuid !== 'function') return true; // Windows: the folder is in the user's own profile
    return [dir, path.dirname(dir)].every((folder) => {
      const stat = fs.lstatSync(folder);
      return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
    });
  } catch {
    return false;
  }
}

const DIGEST_BYTES = 32;

/** The cache's bytes if the file holds them whole (its digest matches), else undefined. */
function load(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined; // none yet
  }
  const data = bytes.subarray(DIGEST_BYTES);
  return bytes.length > DIGEST_BYTES && createHash('sha256').update(data).digest().equals(bytes.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** Written whole or not at all (a file of its own, then renamed), never shared half-written with a concurrent run. */
function save(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([createHash('sha256').update(data).digest(), data]), { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing to tidy
    }
  }
  prune(path.dirname(file));
}

/**
 * Each keywarden and Node version leaves its own files (300-500 KB each), and projects on other versions share
 * the folder: so on each write (once per version and command) the files not written for STALE_DAYS go. One still
 * in use is then written again by its next run, which compiles as without a cache.
 */
const STALE_DAYS = 60;

function prune(dir) {
  const before = Date.now() - STALE_DAYS * 24 * 60 * 60 * 1000;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.v8cache') && !name.endsWith('.tmp')) continue;
      const file = path.join(dir, name);
      if (fs.lstatSync(file).mtimeMs < before) fs.rmSync(file, { force: true });
    }
  } catch {
    // a folder that cannot be tidied still serves
  }
}

module.exports = { runCached };
