// Shared by the bench scripts: one command's wall time and peak RSS (from /usr/bin/time -f %M), and medians.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command with stdout to /dev/null (or captured), returning wall ms and peak RSS (KiB). */
export function measure(cwd, command, args, { capture = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const wrapped = TIME ? [TIME, ['-f', '@@rss %M', command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawn(wrapped[0], wrapped[1], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'] });
    const out = [];
    let err = '';
    if (capture) child.stdout.on('data', (part) => out.push(part));
    child.stderr.on('data', (part) => (err += part));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = /@@rss (\d+)/.exec(err);
      resolve({ ms, rssKiB: rss ? Number(rss[1]) : null, code, stdout: Buffer.concat(out).toString('utf8'), stderr: err.replace(/@@rss \d+\n?/, '') });
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

