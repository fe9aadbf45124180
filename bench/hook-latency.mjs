// Added latency of the keywarden pre-commit hook: `git commit` of 3 files / 50 lines, alternating hook on
// (hooks/pre-commit via `keywarden init`, and the husky variant) and hook off (--no-verify) in the same run.
// Usage: npm run bundle && node bench/hook-latency.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const bin = mkdtempSync(path.join(os.tmpdir(), 'kwbin-'));
symlinkSync(path.join(ROOT, 'bin', 'keywarden.js'), path.join(bin, 'keywarden'));
env.PATH = `${bin}:${env.PATH}`;

function setup(husky) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kwlat-'));
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  if (husky) {
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","devDependencies":{"husky":"*","keywarden":"*"}}\n');
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
    mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', 'husky'), path.join(dir, 'node_modules', 'husky'));
    symlinkSync(path.join(ROOT, 'bin', 'keywarden.js'), path.join(dir, 'node_modules', '.bin', 'keywarden'));
  }
  writeFileSync(path.join(dir, 'README.md'), 'x\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'keywarden.js'), 'init'], { cwd: dir, env, stdio: 'pipe' });
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '--no-verify', '-m', 'init');
  return { dir, git };
}

let n = 0;
function commitOnce({ dir, git }, verify) {
  n++;
  const lines = (k) => Array.from({ length: k }, (_, i) => `const value_${n}_${i} = "${(n * 7919 + i).toString(36)}"; // line ${i}`).join('\n') + '\n';
  writeFileSync(path.join(dir, `a${n}.js`), lines(17));
  writeFileSync(path.join(dir, `b${n}.js`), lines(17));
  writeFileSync(path.join(dir, `c${n}.js`), lines(16));
  git('add', '-A');
  const args = ['commit', '-q', '-m', `c${n}`, ...(verify ? [] : ['--no-verify'])];
  const start = process.hrtime.bigint();
  const r = spawnSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`commit failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const rounds = Number(process.argv[2] ?? 15);
// --staged-only: just the `scan --staged` comparison at the end.
const commits = process.argv.includes('--staged-only') ? [] : [['hooks/pre-commit (global keywarden on PATH)', false], ['husky (.husky/pre-commit, node_modules/.bin)', true]];
for (const [label, husky] of commits) {
  const repo = setup(husky);
  for (let i = 0; i < 3; i++) { commitOnce(repo, true); commitOnce(repo, false); } // warm-up
  const on = [], off = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2) { off.push(commitOnce(repo, false)); on.push(commitOnce(repo, true)); }
    else { on.push(commitOnce(repo, true)); off.push(commitOnce(repo, false)); }
  }
  const mOn = median(on), mOff = median(off);
  console.log(`${label}: ${rounds} rounds, median commit with hook ${mOn.toFixed(0)} ms, without ${mOff.toFixed(0)} ms, ratio ${(mOn / mOff).toFixed(1)}x, added ${(mOn - mOff).toFixed(0)} ms (min with ${Math.min(...on).toFixed(0)}, min without ${Math.min(...off).toFixed(0)})`);
}
// The floor: Node start-up alone.
const floor = [];
if (commits.length > 0) {
for (let i = 0; i < rounds; i++) { const s = process.hrtime.bigint(); spawnSync(process.execPath, ['-e', '0']); floor.push(Number(process.hrtime.bigint() - s) / 1e6); }
console.log(`node -e 0 (start-up floor): median ${median(floor).toFixed(0)} ms`);
}

// `scan --staged` alone on a small staged change (3 files, 50 lines, nothing found), by language: Node's
// start-up (`node -e 0`), English (LANG=C.UTF-8) and Japanese (LANG=ja_JP.UTF-8), and with --against a
// second keywarden (another checkout's bin/keywarden.js, e.g. main before the words module), alternating
// in each round so that every command sees the same machine load.
// Usage: node bench/hook-latency.mjs 15 [--staged-only] [--against /work/main]
const against = process.argv.includes('--against') ? path.resolve(process.argv[process.argv.indexOf('--against') + 1], 'bin', 'keywarden.js') : null;
{
  const { dir, git } = setup(false);
  n++;
  const lines = (k) => Array.from({ length: k }, (_, i) => `const value_${n}_${i} = "${(n * 7919 + i).toString(36)}"; // line ${i}`).join('\n') + '\n';
  writeFileSync(path.join(dir, 'a.js'), lines(17));
  writeFileSync(path.join(dir, 'b.js'), lines(17));
  writeFileSync(path.join(dir, 'c.js'), lines(16));
  git('add', '-A');
  const variants = [
    ['node -e 0', [process.execPath, ['-e', '0']], {}],
    ['scan --staged, English', [process.execPath, [path.join(ROOT, 'bin', 'keywarden.js'), 'scan', '--staged']], { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }],
    ['scan --staged, Japanese', [process.execPath, [path.join(ROOT, 'bin', 'keywarden.js'), 'scan', '--staged']], { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' }],
    ...(against ? [[`scan --staged, ${against}`, [process.execPath, [against, 'scan', '--staged']], { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }]] : []),
  ];
  // Wall time, and CPU time (perf stat's task-clock: every thread and child, git included) where perf
  // runs: on a loaded machine CPU time shows what a change costs when wall time is mostly waiting.
  const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', '--', process.execPath, '-e', '0'], { encoding: 'utf8' }).status === 0;
  const times = variants.map(() => []);
  const cpu = variants.map(() => []);
  const once = (k) => {
    const [, [cmd, args], extra] = variants[k];
    const argv = perf ? ['perf', ['stat', '-x,', '-e', 'task-clock', '--', cmd, ...args]] : [cmd, args];
    const start = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv[1], { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8' });
    times[k].push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (perf) cpu[k].push(Number(/^([\d.]+),msec,task-clock/m.exec(r.stderr)?.[1]));
  };
  for (let i = 0; i < 3; i++) variants.forEach((_, k) => once(k)); // warm-up
  times.forEach((list) => list.splice(0));
  cpu.forEach((list) => list.splice(0));
  for (let i = 0; i < rounds * 2; i++) {
    // Each round in a rotated order, so no variant always runs first or after the same one.
    for (let j = 0; j < variants.length; j++) once((j + i) % variants.length);
  }
  const floor = median(times[0]);
  const cpuFloor = perf ? median(cpu[0]) : 0;
  for (const [k, [label]] of variants.entries()) {
    const m = median(times[k]);
    const c = perf ? `; CPU ${median(cpu[k]).toFixed(1)} ms, ${(median(cpu[k]) / cpuFloor).toFixed(2)}x` : '';
    console.log(`${label}: wall median ${m.toFixed(1)} ms (min ${Math.min(...times[k]).toFixed(1)}), ${(m / floor).toFixed(2)}x node -e 0${c}`);
  }
}
