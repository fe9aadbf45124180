#!/usr/bin/env node
// npm run bench: keywarden's git scans against the floors that matter, in ONE run, alternating, so that a
// shared, noisy machine slows every contender alike (read the ratios, not the absolute times).
//
//   history: keywarden scan --history  vs  git log -p --all -U0 --full-history (what diff-based scanners read)
//                                      vs  git cat-file --batch-all-objects --batch (every object once: the floor)
//            (also keywarden with KEYWARDEN_READ_PACKS=0, and the floor with --unordered, for comparison)
//   staged:  keywarden scan --staged (the benchmark repository's staged 3-file change)  vs  node -e 0
//   folder:  keywarden scan . of the work tree  vs  bench/naive-walk.mjs (read every file, run one regex)
//
// Two workloads, both reported: the shared keyword-rare repository (../shared/bench/make-bench-repo.mjs) and
// an AWS-heavy one (bench/make-aws-repo.mjs: SDK code, moto-style tests and fixtures, CloudFormation,
// Terraform, IAM policies, docs quoting AWS's example keys; every file mentions AWS). Both are built once and
// cached under ~/.cache/keywarden/.
//
// It also checks the answers: every planted must-find key is reported (and attributed to its planted commit),
// no decoy is, and the staged plant is found on its line. Peak RSS comes from /usr/bin/time -f %M.
//
//   node bench/run.mjs [--rounds N] [--staged-rounds N] [--folder-rounds N] [--baseline DIR] [--workloads rare,aws]
//                      [--aws-commits N] [--aws-files N] [--aws-size S]
//   --baseline DIR   also time DIR's keywarden (another checkout, e.g. main) in the same rounds, for ratios
//   --workloads W    which workloads, comma-separated (default: rare,aws)
//   --aws-*          the AWS-heavy repository's size (make-aws-repo.mjs's --commits, --files, --size); a
//                    non-default size is cached under its own name
//   The git/git-shaped workload (long history, big merges, thousands of refs) is bench/history-scale.mjs.
//   env: XDG_CACHE_HOME (cache dir, default ~/.cache), KEYWARDEN_BENCH_REPO (use this repository instead)
import { execFileSync } from 'node:child_process';
import { measure as measureIn, median } from './measure.mjs';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'keywarden.js');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at !== -1 && argv[at + 1] ? Number(argv[at + 1]) : fallback;
};
const ROUNDS = option('rounds', 3);
const BASELINE = argv.includes('--baseline') ? path.resolve(argv[argv.indexOf('--baseline') + 1]) : null;
const STAGED_ROUNDS = option('staged-rounds', 15);
const FOLDER_ROUNDS = option('folder-rounds', 5);
const WORKLOADS = (argv.includes('--workloads') ? argv[argv.indexOf('--workloads') + 1] : 'rare,aws').split(',');
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'keywarden');
const AWS_SIZE = { commits: option('aws-commits', 20000), files: option('aws-files', 2000), size: option('aws-size', 1) };
const AWS_DEFAULT = AWS_SIZE.commits === 20000 && AWS_SIZE.files === 2000 && AWS_SIZE.size === 1;

const WORKLOAD = {
  rare: {
    title: 'keyword-rare (../shared/bench/make-bench-repo.mjs)',
    repo: process.env.KEYWARDEN_BENCH_REPO || path.join(CACHE, 'bench-repo'),
    build(repo) {
      const maker = path.resolve(ROOT, '..', 'shared', 'bench', 'make-bench-repo.mjs');
      if (!existsSync(maker)) throw new Error(`cannot build the benchmark repository: ${maker} not found`);
      execFileSync(process.execPath, [maker, '--out', repo], { stdio: 'inherit' });
    },
    staged: true,
  },
  aws: {
    title: `AWS-heavy (bench/make-aws-repo.mjs --commits ${AWS_SIZE.commits} --files ${AWS_SIZE.files} --size ${AWS_SIZE.size})`,
    repo: path.join(CACHE, AWS_DEFAULT ? 'aws-repo' : `aws-repo-${AWS_SIZE.commits}-${AWS_SIZE.files}-${AWS_SIZE.size}`),
    build(repo) {
      const maker = path.join(ROOT, 'bench', 'make-aws-repo.mjs');
      execFileSync(process.execPath, [maker, '--out', repo, ...Object.entries(AWS_SIZE).flatMap(([name, value]) => [`--${name}`, String(value)])], { stdio: 'inherit' });
    },
    staged: false,
    // Every finding must be a plant: the repository is built so that nothing else is a credential.
    strict: true,
  },
};

function ensureRepo(workload) {
  const { repo } = workload;
  if (existsSync(path.join(repo, '.git')) && existsSync(`${repo}.planted.json`)) return;
  console.error(`building ${repo} (once; cached)…`);
  workload.build(repo);
}

function checkHistory(report, planted, strict) {
  const problems = [];
  const ids = new Map();
  for (const finding of report.findings) {
    for (const value of [finding.keyId, finding.secret]) if (value) (ids.get(value) ?? ids.set(value, []).get(value)).push(finding);
  }
  let found = 0;
  const mustFind = planted.plants.filter((plant) => plant.expect === 'must-find');
  for (const plant of mustFind) {
    const value = plant.key_id ?? plant.secret;
    const hits = ids.get(value) ?? [];
    if (hits.length === 0) problems.push(`missed ${plant.id} (${plant.context}) in ${plant.path}`);
    else if (!hits.some((finding) => finding.commit?.sha === plant.commit)) problems.push(`${plant.id} attributed to ${hits.map((f) => f.commit?.sha.slice(0, 10)).join(', ')}, planted in ${plant.commit.slice(0, 10)}`);
    else found++;
  }
  let decoysReported = 0;
  for (const decoy of planted.decoys ?? []) {
    if ([decoy.value, decoy.secret].some((value) => value && ids.has(value))) {
      decoysReported++;
      problems.push(`decoy ${decoy.id} reported (${decoy.why})`);
    }
  }
  let unexpected = 0;
  if (strict) {
    const planted_ = new Set(planted.plants.flatMap((plant) => [plant.key_id, plant.secret, plant.session_token]).filter(Boolean));
    for (const finding of report.findings) {
      if (planted_.has(finding.keyId) || planted_.has(finding.secret)) continue;
      if (unexpected++ < 5) problems.push(`unexpected finding: ${finding.ruleId} ${finding.file}:${finding.line} in ${finding.commit?.sha.slice(0, 10)}`);
    }
  }
  return { found, mustFind: mustFind.length, decoysReported, decoys: (planted.decoys ?? []).length, unexpected, strict, problems };
}

async function main() {
  let failed = false;
  for (const name of WORKLOADS) {
    const workload = WORKLOAD[name];
    if (!workload) throw new Error(`unknown workload "${name}" (rare, aws)`);
    ensureRepo(workload);
    console.log(`\n== workload: ${workload.title}`);
    if (!(await runWorkload(workload))) failed = true;
  }
  if (failed) process.exitCode = 1;
}

async function runWorkload(workload) {
  const REPO = workload.repo;
  const measure = (command, args, options) => measureIn(REPO, command, args, options);
  const planted = JSON.parse(readFileSync(`${REPO}.planted.json`, 'utf8'));
  const scan = [BIN, 'scan', '--history', '--format', 'json', '--no-redact', '--quiet'];
  // The second keywarden row reads every blob through git instead of the packs (the design before the pack
  // reader, and what it falls back to); the unordered cat-file row is the same floor read in pack order.
  const contenders = {
    keywarden: [process.execPath, scan],
    'keywarden, packs via git': [process.execPath, scan, { KEYWARDEN_READ_PACKS: '0' }],
    ...(BASELINE ? { 'baseline keywarden': [process.execPath, [path.join(BASELINE, 'bin', 'keywarden.js'), ...scan.slice(1)]] } : {}),
    'git log -p': ['git', ['log', '-p', '--all', '-U0', '--full-history']],
    'cat-file floor': ['git', ['cat-file', '--batch-all-objects', '--batch']],
    'cat-file --unordered': ['git', ['cat-file', '--batch-all-objects', '--batch', '--unordered']],
  };
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const rss = Object.fromEntries(Object.keys(contenders).map((name) => [name, 0]));
  let report = null;
  let baselineFound = null;
  const findingKey = (finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column} ${finding.commit?.sha ?? ''}`;
  const names = Object.keys(contenders);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no contender always runs first (cold caches) or last.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const [command, args, env] = contenders[name];
      const ours = name.includes('keywarden'); // every keywarden run reports the same; the baseline's, no more
      const result = await measure(command, args, { capture: ours, env });
      if (ours) {
        if (result.code !== 1) throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
        const answer = JSON.parse(result.stdout);
        delete answer.scan.durationMs;
        if (name.startsWith('baseline')) {
          // Another version may report less (fewer rules, fields added since), never a finding this one misses.
          baselineFound = new Set(answer.findings.map(findingKey));
        } else {
          if (report !== null && JSON.stringify(answer) !== JSON.stringify(report)) throw new Error(`${name} reported something else than the other keywarden runs`);
          report = answer;
        }
      } else if (result.code !== 0) throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
      times[name].push(result.ms);
      rss[name] = Math.max(rss[name], result.rssKiB ?? 0);
      console.error(`round ${round + 1}: ${name} ${(result.ms / 1000).toFixed(2)} s`);
    }
  }
  if (baselineFound !== null) {
    const ours = new Set(report.findings.map(findingKey));
    const lost = [...baselineFound].filter((key) => !ours.has(key));
    if (lost.length > 0) throw new Error(`keywarden misses ${lost.length} finding(s) the baseline reports, e.g. ${lost[0]}`);
  }

  // `scan --stdin` of empty input is the pipeline without git (config, rules, engine, report): it shows how
  // much of the staged time is the git part.
  const stagedTimes = { staged: [], node: [], stdin: [] };
  let stagedRss = 0;
  let stagedReport = null;
  for (let round = 0; round < (workload.staged ? STAGED_ROUNDS : 0); round++) {
    const order = ['staged', 'node', 'stdin'];
    for (let i = 0; i < order.length; i++) {
      const name = order[(i + round) % order.length];
      const result =
        name === 'staged'
          ? await measure(process.execPath, [BIN, 'scan', '--staged', '--format', 'json', '--no-redact'], { capture: true })
          : name === 'stdin'
            ? await measure(process.execPath, [BIN, 'scan', '--stdin', '--quiet'])
            : await measure(process.execPath, ['-e', '0']);
      stagedTimes[name].push(result.ms);
      if (name === 'staged') {
        stagedRss = Math.max(stagedRss, result.rssKiB ?? 0);
        stagedReport = JSON.parse(result.stdout);
      }
    }
  }

  // Folder scan of the work tree against the naive walk (read every file, one regex), alternating; and the
  // baseline's folder scan when given. Every keywarden folder scan must report the same.
  const folder = {
    'keywarden scan .': [process.execPath, [BIN, 'scan', '.', '--format', 'json', '--no-redact', '--quiet']],
    ...(BASELINE ? { 'baseline scan .': [process.execPath, [path.join(BASELINE, 'bin', 'keywarden.js'), 'scan', '.', '--format', 'json', '--no-redact', '--quiet']] } : {}),
    'naive walk': [process.execPath, [path.join(ROOT, 'bench', 'naive-walk.mjs'), '.']],
    'node -e 0': [process.execPath, ['-e', '0']],
  };
  const folderNames = Object.keys(folder);
  const folderTimes = Object.fromEntries(folderNames.map((name) => [name, []]));
  const folderRss = Object.fromEntries(folderNames.map((name) => [name, 0]));
  let folderReport = null;
  for (let round = 0; round < FOLDER_ROUNDS; round++) {
    for (let i = 0; i < folderNames.length; i++) {
      const name = folderNames[(i + round) % folderNames.length];
      const [command, args] = folder[name];
      const result = await measure(command, args, { capture: name === 'keywarden scan .' });
      if (result.code !== 0 && !(name.includes('scan .') && result.code === 1)) throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
      if (name === 'keywarden scan .') {
        const answer = JSON.parse(result.stdout);
        delete answer.scan.durationMs;
        if (folderReport !== null && JSON.stringify(answer) !== JSON.stringify(folderReport)) throw new Error('keywarden scan . reported something else between runs');
        folderReport = answer;
      }
      folderTimes[name].push(result.ms);
      folderRss[name] = Math.max(folderRss[name], result.rssKiB ?? 0);
    }
  }

  const history = checkHistory(report, planted, workload.strict);
  const plant = planted.staged?.plant;
  const stagedHit = plant && stagedReport ? stagedReport.findings.find((finding) => finding.keyId === plant.key_id && finding.file === plant.path) : null;
  const t = Object.fromEntries(names.map((name) => [name, median(times[name])]));
  const mb = report.scan.bytes / 1e6;
  const lines = [];
  lines.push(`repository: ${REPO} (${report.scan.commits} commits, ${report.scan.files} unique blobs scanned, ${(report.scan.bytes / 1048576).toFixed(0)} MiB)`);
  lines.push(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')} at the end; ${ROUNDS} history rounds, ${STAGED_ROUNDS} staged rounds, medians`);
  lines.push('');
  lines.push('history                         wall (median)   MB/s    peak RSS');
  for (const name of names) lines.push(`  ${name.padEnd(28)}  ${(t[name] / 1000).toFixed(2).padStart(8)} s  ${(mb / (t[name] / 1000)).toFixed(0).padStart(6)}  ${(rss[name] / 1024).toFixed(0).padStart(6)} MiB`);
  lines.push(`  ratio keywarden / cat-file floor: ${(t.keywarden / t['cat-file floor']).toFixed(2)}x   (target <= 1.5x; ${(t.keywarden / t['cat-file --unordered']).toFixed(2)}x the pack-order floor)`);
  lines.push(`  ratio keywarden / git log -p:     ${(t.keywarden / t['git log -p']).toFixed(2)}x   (target <= 0.5x; packs via git: ${(t['keywarden, packs via git'] / t['git log -p']).toFixed(2)}x)`);
  if (BASELINE) lines.push(`  ratio keywarden / baseline (${BASELINE}): ${(t.keywarden / t['baseline keywarden']).toFixed(2)}x wall, ${(rss.keywarden / rss['baseline keywarden']).toFixed(2)}x peak RSS`);
  lines.push(`  keywarden peak RSS: ${(rss.keywarden / 1024).toFixed(0)} MiB   (target <= 300 MiB)`);
  lines.push('');
  if (workload.staged) {
    const staged = median(stagedTimes.staged);
    const node = median(stagedTimes.node);
    const stdin = median(stagedTimes.stdin);
    lines.push(`staged: keywarden scan --staged ${staged.toFixed(0)} ms, node -e 0 ${node.toFixed(0)} ms: +${(staged - node).toFixed(0)} ms over Node start-up (target <= +40 ms), ratio ${(staged / node).toFixed(2)}x, peak RSS ${(stagedRss / 1024).toFixed(0)} MiB`);
    lines.push(`        of which the pipeline without git (scan --stdin of nothing: ${stdin.toFixed(0)} ms) is +${(stdin - node).toFixed(0)} ms, the git part (diff, cat-file, added lines) +${(staged - stdin).toFixed(0)} ms`);
    lines.push('');
  }
  const f = Object.fromEntries(folderNames.map((name) => [name, median(folderTimes[name])]));
  lines.push(`folder (work tree: ${folderReport.scan.files} files, ${(folderReport.scan.bytes / 1048576).toFixed(0)} MiB; ${FOLDER_ROUNDS} rounds, medians)`);
  for (const name of folderNames) lines.push(`  ${name.padEnd(28)}  ${(f[name] / 1000).toFixed(2).padStart(8)} s  ${(folderRss[name] / 1024).toFixed(0).padStart(6)} MiB`);
  lines.push(`  ratio keywarden scan . / naive walk: ${(f['keywarden scan .'] / f['naive walk']).toFixed(2)}x   (target <= 2x; less Node start-up on both: ${((f['keywarden scan .'] - f['node -e 0']) / (f['naive walk'] - f['node -e 0'])).toFixed(2)}x)`);
  if (BASELINE) lines.push(`  ratio keywarden scan . / baseline: ${(f['keywarden scan .'] / f['baseline scan .']).toFixed(2)}x`);
  lines.push('');
  lines.push(`answers: ${history.found}/${history.mustFind} must-find plants reported at their planted commit; ${history.decoysReported}/${history.decoys} decoys reported${history.strict ? `; ${history.unexpected} findings that are no plant` : ''}${workload.staged ? `; staged plant ${stagedHit ? `found at ${stagedHit.file}:${stagedHit.line}` : 'MISSED'}` : ''}`);
  for (const problem of history.problems) lines.push(`  ! ${problem}`);
  console.log(lines.join('\n'));
  return !(history.problems.length > 0 || (workload.staged && plant && !stagedHit));
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
});
