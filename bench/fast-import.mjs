// A `git fast-import` that the bench generators stream their history into: writes are batched into 1 MiB
// chunks (one pipe write per chunk, waiting for drain), so generating gigabytes stays fast and bounded.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Starts `git fast-import` in the repository at `cwd` (extra arguments, e.g. `--export-marks=FILE`). Returns
 * `emit(text)` for commands, `data(body)` to frame a blob or message, and `finish()`, which sends `done` and
 * waits for git to exit (throwing when it fails).
 */
export function fastImport(cwd, env, args = []) {
  const child = spawn('git', ['fast-import', '--quiet', '--done', ...args], { cwd, env, stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = once(child, 'close');
  let buffered = [];
  let bufferedBytes = 0;
  const emit = async (text) => {
    buffered.push(text);
    bufferedBytes += text.length;
    if (bufferedBytes < 1 << 20) return;
    const ok = child.stdin.write(buffered.join(''));
    buffered = [];
    bufferedBytes = 0;
    if (!ok) await once(child.stdin, 'drain');
  };
  const data = (body) => `data ${Buffer.byteLength(body)}\n${body}\n`;
  const finish = async () => {
    child.stdin.end(buffered.join('') + 'done\n');
    const [code] = await exited;
    if (code !== 0) throw new Error(`git fast-import exited ${code}`);
  };
  return { emit, data, finish };
}
