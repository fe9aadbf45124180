import { defineConfig } from 'vitest/config';

// Most tests run keywarden in-process (test/support/run.ts) against real temp directories and git repositories;
// the end-to-end ones run the built CLI (dist/) as a child process. Both wait on git children much of the
// time, so two files run at once even on a two-core machine: vitest's default is one worker fewer than the
// cores, which on two cores ran the files one after another. Forks, not threads: a test file's worker may
// itself start keywarden's worker threads and git children, and signals and exit codes stay per process.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
  },
});
