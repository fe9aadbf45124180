// Path ignores: the config's `ignorePaths` globs, relative to the folder holding the config, with the
// conventions people bring from .gitignore: a glob without '/' matches at any depth ("*.pem"), a trailing or
// leading '/' means a folder / the config's folder ("samples/", "/dist"), a folder matches everything in it,
// and "!" re-includes (the last glob that matches wins). Scanned paths are relative to `config.base`; they are
// re-rooted at the config's folder, so a config in a parent folder of the working directory still applies.
// A path named on the command line is the exception: asking for `keywarden scan samples/` means seeing them.
// picomatch is required lazily: most runs have no path globs, and the pre-commit path should not pay for it
// (importing it costs about as much as importing the whole pipeline).
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config, ScanScope } from '../config/types.js';

type Matcher = (file: string) => boolean;
type Picomatch = typeof import('picomatch');

/**
 * In Node's ESM there is no `require`, so createRequire finds picomatch in node_modules. In the Action's esbuild
 * bundle (no node_modules) the free `require('picomatch')` is what esbuild sees and bundles, still lazily.
 */
function loadPicomatch(): Picomatch {
  return typeof require === 'function' ? (require('picomatch') as Picomatch) : (createRequire(import.meta.url)('picomatch') as Picomatch);
}

/** Returns a predicate over scanned paths, or null when no glob can match anything. */
export function pathIgnorer(config: Config, scope: ScanScope = { base: config.base, namedPaths: [] }): Matcher | null {
  if (config.ignorePaths.length === 0) return null;
  const picomatch = loadPicomatch();
  const globs = config.ignorePaths.map((glob) => {
    const negated = glob.startsWith('!');
    const body = negated ? glob.slice(1) : glob;
    const anchored = body.startsWith('/') || body.replace(/\/+$/, '').includes('/');
    const trimmed = body.replace(/^\/+/, '').replace(/\/+$/, '');
    const pattern = anchored ? trimmed : `**/${trimmed}`;
    // The glob itself, or any folder the path is inside.
    return { negated, match: picomatch([pattern, `${pattern}/**`], { dot: true }) };
  });
  const base = scope.base;
  const matches = (absolute: string): boolean => {
    const relative = toPosix(path.relative(config.root, absolute));
    // A path outside the config's folder is not the config's to ignore.
    if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
    let ignored = false;
    for (const glob of globs) if (glob.negated === ignored && glob.match(relative)) ignored = !glob.negated;
    return ignored;
  };
  // A path the user named that the globs cover: everything at or below it is reported after all.
  const named = scope.namedPaths.map((name) => path.resolve(base, name)).filter(matches);
  return (file) => {
    const absolute = path.resolve(base, file);
    if (named.some((dir) => absolute === dir || absolute.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep))) return false;
    return matches(absolute);
  };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
