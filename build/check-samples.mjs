// The end of `npm start`: the CLI, as built, scans samples/ and must find exactly what samples/expected.json
// lists (file, rule, line, column), no more and no less, nothing in clean/. Prints one line: that all N fake
// credentials were found, or what is missing or unexpected (and exits 1). test/samples.test.ts checks the
// same list in the test suite.
// Usage: node build/check-samples.mjs [SAMPLES_DIR]   (default: the repository's samples/)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.resolve(process.argv[2] ?? path.join(root, 'samples'));
const name = path.basename(samples);

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

let expected;
try {
  expected = JSON.parse(readFileSync(path.join(samples, 'expected.json'), 'utf8')).findings;
} catch (error) {
  fail(`cannot read ${path.join(name, 'expected.json')}: ${error.message}`);
}
// From the samples' parent, so reported paths are `samples/…` as in the expected list.
const run = spawnSync(process.execPath, [path.join(root, 'bin', 'keywarden.js'), 'scan', name, '--format', 'json', '--quiet'], {
  cwd: path.dirname(samples),
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0 && run.status !== 1) fail(`keywarden scan ${name} exited ${run.status}: ${(run.stderr || String(run.error)).trim().split('\n')[0]}`);
let findings;
try {
  findings = JSON.parse(run.stdout).findings;
} catch {
  fail(`keywarden scan ${name} --format json did not print a JSON report`);
}

const keyOf = (f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`;
const found = new Set(findings.map((f) => keyOf({ ...f, file: f.file.slice(name.length + 1) })));
const wanted = new Set(expected.map(keyOf));
const missing = [...wanted].filter((key) => !found.has(key));
const unexpected = [...found].filter((key) => !wanted.has(key));
if (missing.length > 0 || unexpected.length > 0) {
  const parts = [];
  if (missing.length > 0) parts.push(`${missing.length} of ${wanted.size} fake credentials in ${name}/ NOT found: ${missing.join(', ')}`);
  if (unexpected.length > 0) parts.push(`${unexpected.length} unexpected finding${unexpected.length === 1 ? '' : 's'}: ${unexpected.join(', ')}`);
  fail(parts.join('; '));
}
console.log(`npm start: all ${wanted.size} fake credentials in ${name}/ were found, and nothing in ${name}/clean/.`);
