import { defineConfig } from 'vitest/config';

// Tests run the built CLI (dist/) as a child process in real temp directories and git repositories,
// so they are I/O bound: generous timeouts, and files in parallel on the machine's two cores.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The messages follow the locale (src/words): the suite runs in English whatever the machine's LANG; the
    // tests of the Japanese output set the language themselves.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  },
});
