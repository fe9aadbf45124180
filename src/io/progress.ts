// A one-line progress bar on stderr for long scans (blobs, bytes, ETA). Only on a terminal: never in CI,
// with --quiet, or when a JSON/SARIF report goes to a pipe. Redrawn at most ten times a second.
import type { Io } from './io.js';
import type { Progress } from '../types.js';
import { words } from '../words/index.js';

export function createProgress(io: Io, options: { quiet: boolean; format: string; output?: string }): Progress | null {
  if (options.quiet || io.stderr.isTTY !== true || io.env.CI) return null;
  if (options.format !== 'text' && io.stdout.isTTY !== true && !options.output) return null;
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update({ items, bytes, totalItems, totalBytes, fraction, label }) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = bytes / Math.max(seconds, 0.001);
      const share = fraction ?? (totalBytes > 0 ? bytes / totalBytes : null);
      const eta = share !== null && share > 0 ? words().progress.eta(Math.max(0, Math.ceil((seconds * (1 - share)) / share))) : '';
      const count = totalItems > 0 ? `${items}/${totalItems}` : `${items}`;
      const percent = share !== null ? ` ${Math.floor(100 * share)}%` : '';
      io.stderr.write(`\r\x1b[K${words().progress.labels[label] ?? label} ${count}${percent} ${mib(bytes)} MiB ${mib(rate)} MiB/s${eta}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[K');
    },
  };
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
