// Bundles the CLI (src/cli.ts, and the worker threads' entries beside it) into dist/bundle/ with esbuild, as
// bin/keywarden.js loads it: a pre-commit hook pays Node's module loading on every commit, and a handful of
// files instead of ~45 is measurably faster (bin/keywarden.js says how much). Dynamic imports stay separate
// chunks, so the hook path still loads only what it uses; dependencies stay in node_modules (loaded lazily).
// Workers are found as './worker.js' and './pack-worker.js' next to the chunk that starts them, and the rule
// loader's '../../patterns' from dist/bundle/ is the package's patterns/: the same layout as dist/.
// Usage: node build/bundle.mjs
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** ESM output has no `require`; CommonJS code in a bundle (and `require` probes in ours) get a real one. */
export const REQUIRE_BANNER = "import { createRequire as __keywardenCreateRequire } from 'node:module';\nconst require = __keywardenCreateRequire(import.meta.url);";

/** The CLI's and the workers' entry points, by output name. */
export const ENTRY_POINTS = {
  worker: path.join(root, 'src', 'pool', 'worker.ts'),
  'pack-worker': path.join(root, 'src', 'git', 'pack', 'pack-worker.ts'),
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', outdir: path.join(root, 'dist', 'bundle'), banner: { js: REQUIRE_BANNER }, logLevel: 'warning' };
  // The CLI on its own, so that its chunks are cut only between what the hook path loads and what it does
  // not (split together with the workers, the staged scan loaded 21 files instead of 18); each worker is one
  // file of its own.
  await build({ ...common, entryPoints: { cli: path.join(root, 'src', 'cli.ts') }, splitting: true });
  await build({ ...common, entryPoints: ENTRY_POINTS });
}
