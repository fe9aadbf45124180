// The modules a CLI run loads, as a list of URLs: a module resolve hook (registered on the main thread only,
// through NODE_OPTIONS=--import) appends each one to a log. For tests of what the hook path does not load.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, type CliResult } from './cli.js';
import { tempDir } from './repo.js';

export function runCliLoading(args: string[], options: { cwd: string; env?: Record<string, string> }): CliResult & { loaded: string[] } {
  const dir = tempDir();
  const log = path.join(dir, 'modules.log');
  writeFileSync(log, '');
  writeFileSync(path.join(dir, 'hook.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, n) { const r = await n(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
  writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nimport { isMainThread } from 'node:worker_threads';\nif (isMainThread) register(${JSON.stringify(pathToFileURL(path.join(dir, 'hook.mjs')).href)});\n`);
  const result = runCli(args, { cwd: options.cwd, env: { ...options.env, NODE_OPTIONS: `--import=${pathToFileURL(path.join(dir, 'register.mjs')).href}` } });
  return { ...result, loaded: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
