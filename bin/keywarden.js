#!/usr/bin/env node
// keywarden — keeps AWS credentials out of git. Exit codes: 0 clean, 1 findings, 2 error.
// dist/bundle/ is src/ bundled by esbuild (build/bundle.mjs) and committed, so an install from git or a tarball
// runs it with no build step. Dynamic imports are kept as chunks: a pre-commit
// hook pays Node's module loading on every commit, and loading a few files instead of ~45 modules saves about
// 6 ms (measured: the staged scan of the benchmark repository, 31 rounds alternating, against dist/cli.js).
import { main } from '../dist/bundle/cli.js';

await main();
