// Issue #11, "every mistake gets an answer": a value option with no value, a misspelt command or option, a bad
// --verify-timeout or --output each end the run at once with one line on stderr, `keywarden: …`, and exit 2
// (never a scan of something else, never a stack trace); -h, -v, -V and `version` answer like other CLIs.
// Every row runs in-process through run(argv, io); the value rows and a sample of the rest through the built CLI.
import { describe, expect, it } from 'vitest';
import { run } from '../src/main.js';
import { VERSION } from '../src/version.js';
import { runCli } from './support/cli.js';
import { ANSWERED, BAD_VALUES, MISSING_VALUES, MISTAKE_FILES, REF_VALUES, UNKNOWN_NAMES, type Mistake } from './support/cli-mistakes.js';
import { fakeIo } from './support/io.js';
import { Repo } from './support/repo.js';

function repository(): Repo {
  const repo = Repo.init();
  repo.commit('first', { 'README.md': 'hello\n', ...MISTAKE_FILES });
  return repo;
}

const rows = (mistakes: Mistake[]) => mistakes.map((row) => [JSON.stringify(row.argv.join(' ')), row] as const);
const repo = repository();

describe('run(argv, io): every mistake is one line and exit 2', () => {
  it.each([...rows(MISSING_VALUES), ...rows(UNKNOWN_NAMES), ...rows(BAD_VALUES), ...rows(REF_VALUES)])('keywarden %s', async (_label, row) => {
    const fake = fakeIo(repo.dir);
    const code = await run(row.argv, fake.io);
    expect({ code, stderr: fake.stderr(), stdout: fake.stdout() }).toEqual({ code: 2, stderr: `keywarden: ${row.error}\n`, stdout: '' });
  });
});

describe('run(argv, io): help and version', () => {
  it.each(ANSWERED.map((row) => [row.argv.join(' '), row] as const))('keywarden %s', async (_label, row) => {
    const fake = fakeIo(repo.dir);
    const code = await run(row.argv, fake.io);
    expect({ code, stderr: fake.stderr() }).toEqual({ code: 0, stderr: '' });
    if (row.stdout === 'version') expect(fake.stdout()).toBe(`${VERSION}\n`);
    else expect(fake.stdout()).toMatch(row.stdout);
  });
});

// The hook and CI run the built bundle, where the fast path (fast-argv.ts) answers `scan` before yargs loads.
const SAMPLE = [...MISSING_VALUES, ...UNKNOWN_NAMES.slice(0, 5), ...BAD_VALUES.slice(0, 5), ...REF_VALUES];

describe('the built CLI: the same answers', () => {
  it.each(rows(SAMPLE))('keywarden %s', (_label, row) => {
    const result = runCli(row.argv, { cwd: repo.dir });
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({ status: 2, stderr: `keywarden: ${row.error}\n`, stdout: '' });
  });

  it.each(ANSWERED.map((row) => [row.argv.join(' '), row] as const))('keywarden %s answers on stdout with exit 0', (_label, row) => {
    const result = runCli(row.argv, { cwd: repo.dir });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    if (row.stdout === 'version') expect(result.stdout).toBe(`${VERSION}\n`);
    else expect(result.stdout).toMatch(row.stdout);
  });
});
