// The fast path and yargs must mean the same thing for every `scan` command line the fast path accepts.
import { describe, expect, it } from 'vitest';
import { parseFast } from '../src/cli/fast-argv.js';
import { parseArgs } from '../src/cli/parse.js';
import { BAD_VALUES, MISSING_VALUES, REF_VALUES } from './support/cli-mistakes.js';

const ACCEPTED = [
  ['scan'],
  ['scan', '--staged'],
  ['scan', '--staged', '--quiet', '--format', 'json'],
  ['scan', '--format=sarif', '--output', 'out.sarif', 'a', 'b'],
  ['scan', '--no-redact', '--config', 'c.json', '--baseline=b.json'],
  ['scan', '--range', 'main..HEAD', '--max-file-size', '2MB'],
  ['scan', '--stdin', '--stdin-name', 'x.env', '--verbose'],
  ['scan', '--', '--weird-file-name'],
  ['scan', '--output=--history.json', '--since=-x'],
  ['scan', '--verify-timeout', '2.5', '--stdin', '--stdin-name', '-'],
  // Item 13: --history takes the words after it, up to the next option or `--`.
  ['scan', '--history', 'main'],
  ['scan', '--history', 'main', 'release/1.x', 'v2.0', '--format', 'json'],
  ['scan', '--history=main', 'feature', '--quiet', '--history', 'v1'],
  ['scan', '--history', 'main', '--'],
  ['scan', '--range', '^main feature'],
  ['scan', '--range=feature --not main'],
];

const DECLINED = [
  ['scan', '-v'],
  ['scan', '--help'],
  ['scan', '--bogus'],
  ['scan', '--format'],
  ['scan', '--staged=yes'],
  ['scan', '--history', ''],
  ['remediate'],
  [],
];

describe('fast argv parser', () => {
  it.each(ACCEPTED.map((argv) => [argv.join(' '), argv] as const))('agrees with yargs on `%s`', async (_label, argv) => {
    const fast = parseFast(argv);
    const slow = await parseArgs(argv, '0.0.0');
    expect(slow.kind).toBe('run');
    expect(fast).toEqual(slow.kind === 'run' ? slow.options : null);
  });

  it('reads --history values as refs on both paths', async () => {
    const argv = ['scan', '--history=main', 'feature', '--quiet', '--history', 'v1'];
    expect(parseFast(argv)).toMatchObject({ history: true, historyRefs: ['main', 'feature', 'v1'], quiet: true, paths: [] });
    expect(parseFast(['scan', '--history'])).toMatchObject({ history: true, historyRefs: [] });
    expect(parseFast(['scan', '--staged'])).toMatchObject({ history: false, historyRefs: [] });
    expect(await parseArgs(['remediate', '--history', 'main'], '0')).toMatchObject({ kind: 'run', options: { history: true, historyRefs: ['main'] } });
  });

  it.each(DECLINED.map((argv) => [argv.join(' '), argv] as const))('declines `%s` so yargs can explain it', (_label, argv) => {
    expect(parseFast(argv)).toBeNull();
  });

  // Issue #11: the fast path declines a missing, empty or flag-shaped value (or rejects a bad one the same way)
  // and yargs' path names the option; neither may read it as '' or drop it and scan something else.
  const SCAN_MISTAKES = [...MISSING_VALUES, ...REF_VALUES, ...BAD_VALUES.filter((row) => !row.argv.some((arg) => arg.startsWith('--output')))].filter((row) => row.argv[0] === 'scan');
  it.each(SCAN_MISTAKES.map((row) => [JSON.stringify(row.argv.join(' ')), row] as const))('agrees with yargs in rejecting %s', async (_label, row) => {
    let fast: string;
    try {
      fast = parseFast(row.argv) === null ? 'declined' : 'accepted';
    } catch (error) {
      fast = (error as Error).message;
    }
    expect(['declined', row.error]).toContain(fast);
    await expect(parseArgs(row.argv, '0.0.0')).rejects.toMatchObject({ name: 'UsageError', message: row.error });
  });
});
