// keywarden scans itself: the repository's own .keywarden.json (samples/, test fixtures and golden files, one
// made-up key ID committed in a test long ago) must make `keywarden scan --history` of this repository exit 0,
// as CI runs it. A literal key committed anywhere else turns this red before CI does.
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { runKeywarden } from './support/run.js';

describe('dogfooding', () => {
  it('scan --history of keywarden itself finds nothing that is not allowed', async () => {
    const result = await runKeywarden(['scan', '--history', '--quiet'], { cwd: ROOT });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/No AWS credentials found\./);
  });
});
