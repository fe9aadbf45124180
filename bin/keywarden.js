#!/usr/bin/env node
// keywarden — keeps AWS credentials out of git. Exit codes: 0 clean, 1 findings, 2 error.
// dist/bundle/ is src/ bundled by esbuild (build/bundle.mjs) and committed, so an install from git or a tarball
// runs it with no build step. Dynamic imports are kept as chunks: a pre-commit
// hook pays Node's module loading on every commit, and loading a few files instead of ~45 modules saves about
// 6 ms (measured: the staged scan of the benchmark repository, 31 rounds alternating, against dist/cli.js).
import module from 'node:module';

// Node 22.1+ can keep V8's compiled code of the bundle on disk between runs (most of what the hook pays over
// Node's own start-up is compiling the bundle's modules). Older Nodes have no such function: nothing changes.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for Node itself.
module.enableCompileCache?.();
// A dynamic import, so that the cache is on before the bundle is compiled (a static one is linked first).
const { main } = await import('../dist/bundle/cli.js');

await main();
