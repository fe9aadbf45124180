// Issue #11, "every mistake gets an answer": a value option with no value, a misspelt command or option, a bad
// --verify-timeout or --output each end the run at once with one line on stderr, `keywarden: …`, and exit 2
// (never a scan of something else, never a stack trace); -h, -v, -V and `version` answer like other CLIs.
// Every row runs in-process through run(argv, io); the value rows and a sample of the rest through the built
// bundle (one process for them all), and one row of each kind and every help and version line through bin/keywarden.js.
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/main.js';
import { VERSION } from '../src/version.js';
import { runBundleRows, runCli, type CliResult } from './support/cli.js';
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

describe('the built bundle: the same answers', () => {
  // Every row through dist/bundle/cli.js's main() in one child process, not a Node start-up per row.
  let answers: CliResult[] = [];
  beforeAll(() => {
    answers = runBundleRows(SAMPLE.map((row) => row.argv), { cwd: repo.dir });
  });

  it.each(rows(SAMPLE).map(([label, row], i) => [label, row, i] as const))('keywarden %s', (_label, row, i) => {
    const result = answers[i];
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({ status: 2, stderr: `keywarden: ${row.error}\n`, stdout: '' });
  });
});

describe('the built CLI (bin/keywarden.js, a process of its own): the same answers and exit codes', () => {
  // One row of each kind of mistake, and every help and version answer.
  it.each(rows([MISSING_VALUES[0], UNKNOWN_NAMES[0], BAD_VALUES[0], REF_VALUES[0]]))('keywarden %s', (_label, row) => {
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
