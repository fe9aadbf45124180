#!/usr/bin/env node
// keywarden — keeps AWS credentials out of git. Exit codes: 0 clean, 1 findings, 2 error.
// dist/bundle/ is src/ bundled by esbuild (build/bundle.mjs) and committed, so an install from git or a tarball
// runs it with no build step. Dynamic imports are kept as chunks: a pre-commit
// hook pays Node's module loading on every commit, and loading a few files instead of ~45 modules saves about
// 6 ms (measured: the staged scan of the benchmark repository, 31 rounds alternating, against dist/cli.js).
// This file and code-cache.js are CommonJS (bin/package.json): a hook that never needs Node's ES module loader
// does not pay for starting it (about 5 ms of each commit-msg and pre-commit run on Node 20).
'use strict';
const module_ = require('node:module');
const path = require('node:path');

// Node 22.1+ can keep V8's compiled code of the bundle on disk between runs (most of what the hook pays over
// Node's own start-up is compiling the bundle's modules). NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for
// Node itself. Older Nodes have no such function: for the git hooks' two commands, whose start-up is their
// cost, keywarden keeps a code cache of its own (code-cache.js); any other command loads the chunks.
async function start() {
  const argv = process.argv.slice(2);
  const hook = argv[0] !== 'scan' ? null : argv.includes('--staged') ? 'staged' : argv.some((arg) => arg === '--commit-msg' || arg.startsWith('--commit-msg=')) ? 'commit-msg' : null;
  if (typeof module_.enableCompileCache === 'function') module_.enableCompileCache();
  else if (hook !== null && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
    if (await require('./code-cache.js').runCached(path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs'), hook)) return;
  }
  // After enableCompileCache, so that the cache is on before the bundle is compiled.
  const { main } = await import('../dist/bundle/cli.js');
  await main();
}

start().catch((error) => {
  // Only keywarden's own loading can fail here (main() answers every error itself, exit 2).
  process.stderr.write(`keywarden: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
