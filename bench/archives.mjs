// Archive scan throughput against plain files of the same content (issue #14 item 9), in one run: a corpus of
// real source text (the .js, .ts, .json and .md files of this checkout's node_modules, up to CORPUS_MB), with one generated fake
// key pair, scanned as a folder of plain files and as the same files in a zip, a tar and a tar.gz made by
// `git archive`. Runs are interleaved and each figure is the median of RUNS, so machine load hits all alike.
// The ratio is archive time / plain time for the same bytes (1.0 = as fast as plain files).
// Usage: npm run bundle --silent && node bench/archives.mjs [--runs 5] [--mb 48]
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const RUNS = arg('--runs', 5);
const CORPUS_MB = arg('--mb', 48);

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(full);
    else if (entry.isFile() && TEXT.test(entry.name)) yield full;
  }
}

const TEXT = /\.(js|mjs|cjs|ts|json|md)$/;
const pick = (alphabet, length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
const work = mkdtempSync(path.join(os.tmpdir(), 'keywarden-bench-archives-'));
try {
  const corpus = path.join(work, 'corpus');
  let bytes = 0;
  let files = 0;
  for (const file of jsFiles(path.join(root, 'node_modules'))) {
    const size = statSync(file).size;
    if (size > 1024 * 1024) continue;
    const target = path.join(corpus, path.relative(path.join(root, 'node_modules'), file));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(file));
    bytes += size;
    files++;
    if (bytes >= CORPUS_MB * 1024 * 1024) break;
  }
  const keyId = `AKIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  const secret = pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 40);
  writeFileSync(path.join(corpus, '.env'), `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`);
  const git = (...args) => execFileSync('git', args, { cwd: corpus, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  git('init', '-q');
  git('add', '-A', '-f');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'corpus');
  git('archive', '--format=zip', '-o', path.join(work, 'corpus.zip'), 'HEAD');
  git('archive', '--format=tar', '-o', path.join(work, 'corpus.tar'), 'HEAD');
  git('archive', '--format=tar.gz', '-o', path.join(work, 'corpus.tgz'), 'HEAD');
  rmSync(path.join(corpus, '.git'), { recursive: true, force: true });

  const bin = path.join(root, 'bin', 'keywarden.js');
  const targets = { plain: 'corpus', zip: 'corpus.zip', tar: 'corpus.tar', tgz: 'corpus.tgz' };
  const times = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  const rss = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, target] of Object.entries(targets)) {
      const result = await measure(work, process.execPath, [bin, 'scan', target, '--format', 'json', '--max-file-size', '1GB'], { capture: true });
      const found = JSON.parse(result.stdout).findings.length;
      if (result.code !== 1 || found !== 2) throw new Error(`${name}: exit ${result.code}, ${found} findings (expected 1 and 2): ${result.stderr}`);
      times[name].push(result.ms);
      if (result.rssKiB !== null) rss[name].push(result.rssKiB);
    }
  }
  const mb = bytes / 1024 / 1024;
  const plain = median(times.plain);
  console.log(`corpus: ${files} files, ${mb.toFixed(1)} MiB of source text (.js .mjs .cjs .ts .json .md); ${RUNS} runs each, medians`);
  for (const name of Object.keys(targets)) {
    const ms = median(times[name]);
    const size = name === 'plain' ? '' : `, ${(statSync(path.join(work, targets[name])).size / 1024 / 1024).toFixed(1)} MiB file`;
    const peak = rss[name].length > 0 ? `, peak ${Math.round(median(rss[name]) / 1024)} MiB` : '';
    console.log(`${name.padEnd(5)} ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(0).padStart(4)} MiB/s  ${(ms / plain).toFixed(2)}x plain's time${size}${peak}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
