#!/usr/bin/env node
// keywarden — keeps AWS credentials out of git. Exit codes: 0 clean, 1 findings, 2 error.
// dist/bundle/ is src/ bundled by esbuild (build/bundle.mjs) and committed, so an install from git or a tarball
// runs it with no build step. Dynamic imports are kept as chunks: a pre-commit
// hook pays Node's module loading on every commit, and loading a few files instead of ~45 modules saves about
// 6 ms (measured: the staged scan of the benchmark repository, 31 rounds alternating, against dist/cli.js).
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ can keep V8's compiled code of the bundle on disk between runs (most of what the hook pays over
// Node's own start-up is compiling the bundle's modules). NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for
// Node itself. Older Nodes have no such function: for the git hooks' two commands, whose start-up is their
// cost, keywarden keeps a code cache of its own (code-cache.js); any other command loads the chunks.
const argv = process.argv.slice(2);
const hook = argv[0] !== 'scan' ? null : argv.includes('--staged') ? 'staged' : argv.some((arg) => arg === '--commit-msg' || arg.startsWith('--commit-msg=')) ? 'commit-msg' : null;
let ran = false;
if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
else if (hook !== null && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
  ran = await (await import('./code-cache.js')).runCached(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)), hook);
}
if (!ran) {
  // A dynamic import, so that the cache is on before the bundle is compiled (a static one is linked first).
  const { main } = await import('../dist/bundle/cli.js');
  await main();
}
