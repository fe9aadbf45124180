// The progress bar: on stderr, only when stderr is a terminal, never in CI, with --quiet, or when a JSON report
// goes to a pipe or file. A real terminal comes from util-linux `script`, which runs the CLI on a pseudo-TTY
// and copies what it draws (stdout and stderr both) to its own stdout.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { Repo } from './support/repo.js';

/** Runs keywarden on a pseudo-terminal; returns everything drawn on it. */
function onTerminal(repo: Repo, args: string, env: Record<string, string> = {}): string {
  const shellEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (!('CI' in env)) delete shellEnv.CI; // the suite may itself run in CI
  const result = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN}' ${args}`, '/dev/null'], { cwd: repo.dir, env: shellEnv, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.stdout;
}

// A drawn progress line: "\r\x1b[K" then label, count, percent, MiB, MiB/s and ETA.
const BAR = /\r\x1b\[K(blobs|files) \d+(\/\d+)? \d+% \d+\.\d MiB \d+\.\d MiB\/s ETA \d+s/;

function packedHistory(): Repo {
  const repo = Repo.init();
  for (let i = 0; i < 12; i++) repo.commit(`c${i}`, { [`f${i % 3}.txt`]: `version ${i}\n`.repeat(200 + i) });
  repo.commit('key', { 'deploy.env': fakeLeak().text });
  repo.git('repack', '-adq');
  return repo;
}

describe('progress bar', () => {
  it('is drawn for a history scan on a terminal (blobs, percent, MiB, rate, ETA), and cleared before the report', () => {
    const drawn = onTerminal(packedHistory(), 'scan --history');
    expect(drawn).toMatch(BAR);
    // The last bar is erased ("\r\x1b[K" with nothing after it) and then the report is written.
    const afterLastErase = drawn.slice(drawn.lastIndexOf('\x1b[K') + 3);
    expect(afterLastErase).not.toMatch(/MiB\/s/);
    expect(afterLastErase).toContain('deploy.env');
  });

  it('is drawn for a history scan read through git as well', () => {
    expect(onTerminal(packedHistory(), 'scan --history', { KEYWARDEN_READ_PACKS: '0' })).toMatch(BAR);
  });

  it('is not drawn in CI, with --quiet, or when a JSON report goes to a file', () => {
    const repo = packedHistory();
    for (const [args, env] of [
      ['scan --history', { CI: 'true' }],
      ['scan --history --quiet', {}],
      ['scan --history --format json > report.json', {}],
    ] as const) {
      const drawn = onTerminal(repo, args, env);
      expect(drawn, args).not.toMatch(/MiB\/s/);
      expect(drawn, args).not.toContain('\x1b[K');
    }
    // The negative cases are not vacuous: the same repository draws a bar otherwise.
    expect(onTerminal(repo, 'scan --history')).toMatch(BAR);
  });
});
