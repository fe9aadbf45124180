// Runs many command lines through the built bundle's entry (dist/bundle/cli.js main(), what bin/keywarden.js
// calls) in this one Node process: the bundle's answers to a table of rows without a Node start-up per row.
// Input on stdin: a JSON array of argv arrays. Output on stdout: a JSON array of { status, stdout, stderr }.
// Used by runBundleRows (cli.ts); the real binary's own exit is tested through runCli.
import { readFileSync } from 'node:fs';
import { main } from '../../dist/bundle/cli.js';

const rows = JSON.parse(readFileSync(0, 'utf8'));
const node = process.argv.slice(0, 2);
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
const results = [];
for (const argv of rows) {
  const captured = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr']) process[name].write = (text) => ((captured[name] += String(text)), true);
  process.argv = [...node, ...argv];
  process.exitCode = undefined;
  try {
    await main();
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
  results.push({ status: process.exitCode ?? 0, ...captured });
}
process.exitCode = 0;
process.stdout.write(JSON.stringify(results));
