import { defineConfig } from 'vitest/config';

// Tests run the built CLI (dist/) as a child process in real temp directories and git repositories,
// so they are I/O bound: generous timeouts, and files in parallel on the machine's two cores.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
