#!/usr/bin/env node
// The git/git-shaped workload (issue #13, item 0): `keywarden scan --history` on a long, merge-heavy history
// with thousands of refs (bench/make-history-repo.mjs, built once and cached under .bench/), against what
// git itself takes to list the same history and to read every object, in ONE run, alternating:
//
//   keywarden scan --history                           (this checkout)
//   baseline keywarden                                 (--baseline DIR: another checkout, e.g. main; it may die)
//   git log --raw -m --all                             (the tree changes keywarden reads, merges compared with each parent)
//   git cat-file --batch-all-objects --batch --unordered   (every object once, in pack order)
//   git log -p -U0 --all                               (--log-p: what a diff-based scanner reads; the issue's
//                                                       target is 0.5x of it. Minutes on 200,000 commits: one round)
//
//   node bench/history-scale.mjs [--commits N] [--files F] [--lag L] [--refs R] [--rounds N] [--baseline DIR]
//                                [--heap MB] [--log-p]
//   --heap MB   also run this keywarden under node --max-old-space-size=MB (does it fit?)
// Peak RSS comes from /usr/bin/time -f %M: the largest of the process and the children it waited for, so for
// keywarden it may be one of its git children's. keywarden's own peak (main thread and workers, no git) is
// measured inside it (test/support/max-rss.mjs) and shown apart.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, median } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at !== -1 && argv[at + 1] ? argv[at + 1] : fallback;
};
const shape = { commits: Number(option('commits', 200000)), files: Number(option('files', 4000)), lag: Number(option('lag', 400)), refs: Number(option('refs', 4300)) };
const ROUNDS = Number(option('rounds', 3));
const BASELINE = option('baseline', null);
const HEAP = option('heap', null);
const LOG_P = argv.includes('--log-p');
const OWN_RSS = path.join(os.tmpdir(), `keywarden-bench-rss-${process.pid}`);
const OWN_RSS_ENV = { NODE_OPTIONS: `--import=${pathToFileURL(path.join(ROOT, 'test', 'support', 'max-rss.mjs')).href}`, KEYWARDEN_TEST_MAXRSS_FILE: OWN_RSS };
const REPO = path.join(ROOT, '.bench', `history-${shape.commits}-${shape.files}-${shape.lag}-${shape.refs}`);

function ensureRepo() {
  const args = Object.entries(shape).flatMap(([name, value]) => [`--${name}`, String(value)]);
  execFileSync(process.execPath, [path.join(ROOT, 'bench', 'make-history-repo.mjs'), '--out', REPO, ...args], { stdio: 'inherit' });
}

async function main() {
  ensureRepo();
  const planted = JSON.parse(readFileSync(`${REPO}.planted.json`, 'utf8'));
  const scan = ['scan', '--history', '--format', 'json', '--no-redact', '--quiet'];
  const contenders = {
    keywarden: [process.execPath, [path.join(ROOT, 'bin', 'keywarden.js'), ...scan]],
    ...(HEAP ? { [`keywarden, heap ${HEAP} MB`]: [process.execPath, [`--max-old-space-size=${HEAP}`, path.join(ROOT, 'bin', 'keywarden.js'), ...scan]] } : {}),
    ...(BASELINE ? { 'baseline keywarden': [process.execPath, [path.join(path.resolve(BASELINE), 'bin', 'keywarden.js'), ...scan]] } : {}),
    'git log --raw -m': ['git', ['log', '--raw', '-m', '--all']],
    'cat-file --unordered': ['git', ['cat-file', '--batch-all-objects', '--batch', '--unordered']],
    ...(LOG_P ? { 'git log -p -U0': ['git', ['log', '-p', '-U0', '--all']] } : {}),
  };
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const rss = Object.fromEntries(names.map((name) => [name, 0]));
  const own = Object.fromEntries(names.map((name) => [name, 0]));
  const failed = {};
  let report = null;
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      const [command, args] = contenders[name];
      const ours = name.includes('keywarden');
      rmSync(OWN_RSS, { force: true });
      const result = await measure(REPO, command, args, { capture: ours, env: ours ? OWN_RSS_ENV : {} });
      rss[name] = Math.max(rss[name], result.rssKiB ?? 0);
      if (ours && existsSync(OWN_RSS)) own[name] = Math.max(own[name], Number(readFileSync(OWN_RSS, 'utf8')));
      times[name].push(result.ms);
      if (ours && result.code !== 1) {
        failed[name] = `exit ${result.code}: ${result.stderr.trim().split('\n').filter((line) => /heap|memory|keywarden:/i.test(line)).slice(0, 2).join(' | ') || result.stderr.slice(-300)}`;
      } else if (ours) {
        const answer = JSON.parse(result.stdout);
        delete answer.scan.durationMs;
        if (report !== null && JSON.stringify(answer) !== JSON.stringify(report)) throw new Error(`${name} reported something else than the other keywarden runs`);
        report = answer;
      } else if (result.code !== 0) throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
      console.error(`round ${round + 1}: ${name} ${(result.ms / 1000).toFixed(1)} s, ${(result.rssKiB / 1024).toFixed(0)} MiB${failed[name] && ours ? ` (${failed[name]})` : ''}`);
    }
  }
  const t = Object.fromEntries(names.map((name) => [name, median(times[name])]));
  const lines = [];
  lines.push(`repository: ${REPO} (${planted.commitsListed} commits, ${shape.refs} refs; generator v${planted.generator}: ${JSON.stringify(shape)})`);
  lines.push(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')} at the end; ${ROUNDS} rounds, medians`);
  lines.push('');
  lines.push(`                                 wall (median)   peak RSS (own)        ratio to git log --raw -m   to cat-file${LOG_P ? '   to git log -p' : ''}`);
  const toLogP = (name) => (LOG_P ? `  ${(t[name] / t['git log -p -U0']).toFixed(2).padStart(12)}x` : '');
  for (const name of names) lines.push(`  ${name.padEnd(30)} ${(t[name] / 1000).toFixed(1).padStart(8)} s  ${(rss[name] / 1024).toFixed(0).padStart(6)} MiB ${own[name] ? `(${(own[name] / 1024).toFixed(0)} MiB)`.padStart(11) : ''.padStart(11)}  ${(t[name] / t['git log --raw -m']).toFixed(2).padStart(10)}x wall ${(rss[name] / rss['git log --raw -m']).toFixed(2).padStart(6)}x RSS  ${(t[name] / t['cat-file --unordered']).toFixed(2).padStart(6)}x${toLogP(name)}${failed[name] ? `   FAILED ${failed[name]}` : ''}`);
  if (report !== null) {
    const problems = [];
    for (const plant of planted.plants) {
      for (const value of [plant.id, plant.secret]) if (!report.findings.some((finding) => finding.secret === value && finding.commit?.sha === plant.commit)) problems.push(`${plant.path}: not reported at ${plant.commit.slice(0, 10)}`);
    }
    lines.push('');
    lines.push(`answers: ${report.findings.length} findings; ${planted.plants.length - new Set(problems.map((p) => p.split(':')[0])).size}/${planted.plants.length} plants reported at their planted commit`);
    for (const problem of problems) lines.push(`  ! ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  }
  console.log(lines.join('\n'));
  if (failed.keywarden) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
});
