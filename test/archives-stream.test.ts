// A 1 GiB archive stream (issue #14 item 9): a .tgz whose tar is 1 GiB, generated here as a stream and
// scanned by the CLI with its peak memory measured in the process itself (test/support/max-rss.mjs). The key
// is in the last entry, so finding it proves the whole stream was read; the bound proves it was not held.
import { createWriteStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { jsonReport, runCli } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { tempDir } from './support/repo.js';

const MiB = 1024 * 1024;
const ENTRIES = 1024;
const HOOK = pathToFileURL(path.join(import.meta.dirname, 'support', 'max-rss.mjs')).href;

/** ENTRIES files of 1 MiB of ordinary source lines, the last one with the key: a 1 GiB tar, gzipped as it is written. */
async function writeBigTgz(file: string, keyText: string): Promise<void> {
  const line = 'const value = compute(input, 42); // an ordinary line of source text\n';
  const body = Buffer.from(line.repeat(Math.ceil(MiB / line.length))).subarray(0, MiB);
  const last = Buffer.concat([body.subarray(0, MiB - keyText.length), Buffer.from(keyText)]);
  const pack = tar.pack();
  const written = pipeline(pack, createGzip({ level: 1 }), createWriteStream(file));
  for (let i = 0; i < ENTRIES; i++) {
    await new Promise<void>((resolve, reject) => pack.entry({ name: `src/part-${i}.js` }, i === ENTRIES - 1 ? last : body, (error) => (error ? reject(error) : resolve())));
  }
  pack.finalize();
  await written;
}

describe('a 1 GiB archive stream', () => {
  it('is read to its end with peak memory bounded (no whole archive or stream in memory)', async () => {
    const dir = tempDir();
    try {
      const leak = fakeLeak();
      const archive = path.join(dir, 'big.tgz');
      await writeBigTgz(archive, leak.text);
      // Repeated lines deflate ~100x: the limits that guard against bombs are raised for this honest archive.
      writeFileSync(path.join(dir, '.keywarden.json'), JSON.stringify({ archives: { maxBytes: '2GB', maxRatio: 1000 } }));
      const out = path.join(dir, 'maxrss');
      const started = Date.now();
      const result = runCli(['scan', 'big.tgz', '--format', 'json', '--no-redact', '--max-file-size', '64MB'], { cwd: dir, env: { NODE_OPTIONS: `--import=${HOOK}`, KEYWARDEN_TEST_MAXRSS_FILE: out } });
      const seconds = (Date.now() - started) / 1000;
      const report = jsonReport(result);
      expect(result.status, result.stderr).toBe(1);
      expect(report.findings.map((finding: any) => `${finding.file}!/${finding.entry}`)).toEqual(Array(2).fill(`big.tgz!/src/part-${ENTRIES - 1}.js`));
      expect(report.findings.map((finding: any) => finding.secret).sort()).toEqual([leak.id, leak.secret].sort());
      const peakMiB = Number(readFileSync(out, 'utf8')) / 1024;
      const archiveMiB = statSync(archive).size / MiB;
      console.log(`1 GiB tgz (${archiveMiB.toFixed(1)} MiB compressed): ${seconds.toFixed(1)} s, peak ${Math.round(peakMiB)} MiB`);
      // The archive's bytes once, one entry, the streams' buffers and Node itself: ~95 MiB on a quiet machine,
      // 279 MiB once in CI beside other tests (inflated chunks are external memory, freed when GC gets to them).
      // Holding the stream would cost its 1 GiB: half of that is the line between the two.
      expect(peakMiB).toBeLessThan(archiveMiB + 512);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
