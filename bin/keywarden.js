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
// Node itself. Older Nodes have no such function: for the commands whose start-up is a large part of their
// cost (the git hooks', a scan, the server hook), keywarden keeps a code cache of its own (code-cache.js);
// any other command loads the chunks.
async function start() {
  const argv = process.argv.slice(2);
  if (typeof module_.enableCompileCache === 'function') module_.enableCompileCache();
  else if (process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
    const kind = cachedKind(argv);
    if (kind !== null && (await require('./code-cache.js').runCached(path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs'), kind))) return;
  }
  // After enableCompileCache, so that the cache is on before the bundle is compiled.
  const { main } = await import('../dist/bundle/cli.js');
  await main();
}

/**
 * Which code cache a command keeps (each keeps the code it compiled itself), or null for none: the hooks' two
 * commands, the server's pre-receive hook, and any other scan (a folder scan of a small tree is mostly start-up).
 */
function cachedKind(argv) {
  if (argv[0] !== 'scan') return null;
  if (argv.includes('--staged')) return 'staged';
  if (argv.includes('--pre-receive')) return 'pre-receive';
  if (argv.some((arg) => arg === '--commit-msg' || arg.startsWith('--commit-msg='))) return 'commit-msg';
  return 'scan';
}

start().catch((error) => {
  // Only keywarden's own loading can fail here (main() answers every error itself, exit 2).
  process.stderr.write(`keywarden: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
