// The hooks' code cache (bin/code-cache.js) of every CLI the suite starts goes to a folder of the run's own,
// never the user's cache folder: one folder for the whole run, so that only its first hook command compiles
// cold, and removed at the end. (Under the system's temporary folder, a folder of its own that only this user
// may enter: the cache refuses a folder whose parent others may write to.)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keywarden-code-cache-'));
  process.env.KEYWARDEN_CODE_CACHE = path.join(dir, 'v8');
  return () => rmSync(dir, { recursive: true, force: true });
}
