import { defineConfig } from 'vitest/config';

// Most tests run keywarden in-process (test/support/run.ts) against real temp directories and git repositories;
// the end-to-end ones run the built CLI (dist/) as a child process. Both wait on git children much of the
// time, so two files run at once on a two-core machine (vitest's default, one worker fewer than the cores,
// ran the files one after another). Forks, not threads: a test file's worker itself starts keywarden's
// worker threads and git children. Files share their worker's modules (isolate: false) rather than loading
// src/ again for each: keywarden keeps no state between runs but caches of the process's environment and git
// version, and the pre-receive hook's abandon flag, which only a spawned CLI sets (src/sources/git/run.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/cleanup.ts'],
    globalSetup: ['test/support/global-code-cache.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The messages follow the locale (src/words): the suite runs in English whatever the machine's LANG; the
    // tests of the Japanese output set the language themselves.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    maxWorkers: 2,
    isolate: false,
  },
});
