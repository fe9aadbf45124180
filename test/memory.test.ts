// One large blob costs at most about twice its size (issue #10): the bytes and their decoded text, nothing per
// line. A 200 MiB text file with a key in its middle, scanned staged (a new file: 200 MiB of "+" lines in the
// diff) and in history (read through git while loose, then read from a pack), with peak memory measured in
// the CLI process itself (git's own memory is git's).
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonReport, runCli } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';

const MiB = 1024 * 1024;
const SIZE = 200 * MiB;
const HOOK = pathToFileURL(path.join(import.meta.dirname, 'support', 'max-rss.mjs')).href;

/** Writes SIZE bytes of ordinary source lines with the key's two lines in the middle. */
function writeBig(file: string, keyText: string): void {
  const line = 'const value = compute(input, 42); // an ordinary line of source text\n';
  const block = Buffer.from(line.repeat(Math.floor(MiB / line.length)));
  const fd = openSync(file, 'w');
  let written = 0;
  while (written + block.length < SIZE / 2) written += writeSync(fd, block);
  written += writeSync(fd, keyText);
  while (written + block.length <= SIZE) written += writeSync(fd, block);
  written += writeSync(fd, Buffer.from('x\n'.repeat((SIZE - written) >> 1)));
  closeSync(fd);
}

function scanMeasured(repo: Repo, args: string[]): { status: number; report: any; stderr: string; peakMiB: number } {
  const out = path.join(tempDir(), 'maxrss');
  const result = runCli(['scan', ...args, '--format', 'json', '--no-redact', '--max-file-size', '300MB'], {
    cwd: repo.dir,
    env: { NODE_OPTIONS: `--import=${HOOK}`, KEYWARDEN_TEST_MAXRSS_FILE: out },
  });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr, peakMiB: Number(readFileSync(out, 'utf8')) / 1024 };
}

describe('memory for one large blob', () => {
  it('stays under 2 × its size + 150 MiB, staged and in history (loose and packed), and finds the key', () => {
    const repo = Repo.init();
    const key = fakeLeak();
    writeBig(path.join(repo.dir, 'big.txt'), key.text);
    repo.git('add', 'big.txt');
    const bound = (2 * SIZE) / MiB + 150;
    const runs: Array<[string, string[], () => void]> = [
      ['staged', ['--staged'], () => repo.git('commit', '-q', '-m', 'big')],
      ['history, loose', ['--history'], () => repo.git('repack', '-adq')],
      ['history, packed', ['--history'], () => {}],
    ];
    try {
      for (const [name, args, next] of runs) {
        const result = scanMeasured(repo, args);
        expect(result.status, `${name}: ${result.stderr}`).toBe(1);
        expect(result.report.findings.map((finding: any) => finding.secret).sort(), name).toEqual([key.id, key.secret].sort());
        expect(result.peakMiB, `${name}: peak ${Math.round(result.peakMiB)} MiB`).toBeLessThan(bound);
        next();
      }
    } finally {
      rmSync(repo.dir, { recursive: true, force: true }); // 400 MB of blob and pack
    }
  });
});
