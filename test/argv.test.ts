// The fast path and yargs must mean the same thing for every `scan` command line the fast path accepts.
import { describe, expect, it } from 'vitest';
import { parseFast } from '../src/cli/fast-argv.js';
import { parseArgs } from '../src/cli/parse.js';

const ACCEPTED = [
  ['scan'],
  ['scan', '--staged'],
  ['scan', '--staged', '--quiet', '--format', 'json'],
  ['scan', '--format=sarif', '--output', 'out.sarif', 'a', 'b'],
  ['scan', '--no-redact', '--config', 'c.json', '--baseline=b.json'],
  ['scan', '--range', 'main..HEAD', '--max-file-size', '2MB'],
  ['scan', '--stdin', '--stdin-name', 'x.env', '--verbose'],
  ['scan', '--', '--weird-file-name'],
];

const DECLINED = [
  ['scan', '-v'],
  ['scan', '--help'],
  ['scan', '--bogus'],
  ['scan', '--format'],
  ['scan', '--staged=yes'],
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

  it.each(DECLINED.map((argv) => [argv.join(' '), argv] as const))('declines `%s` so yargs can explain it', (_label, argv) => {
    expect(parseFast(argv)).toBeNull();
  });
});
