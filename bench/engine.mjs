// Micro-benchmark of the detection engine (run after `npx tsc -p tsconfig.json`, which emits dist/): `node bench/engine.mjs [DIR]`.
// Reads every text-ish file under DIR (default: node_modules) into memory, then times, in one run:
//   - the keyword prefilter (anchored memchr passes) against one V8 regex alternation over the bytes read as
//     latin1 and against one Buffer.indexOf pass per keyword, on all files and on keyword-free files;
//   - detectChunk (prefilter → decode → scan) on all files;
// and prints MB/s and ratios. The machine is shared and noisy: compare the ratios, not absolute figures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadRules } = await import(path.join(root, 'dist/rules/load.js'));
const { defaultConfig } = await import(path.join(root, 'dist/config/types.js'));
const { createPrefilter } = await import(path.join(root, 'dist/engine/prefilter.js'));
const { detectChunk } = await import(path.join(root, 'dist/detect.js'));

const dir = path.resolve(process.argv[2] ?? path.join(root, 'node_modules'));
const EXTENSIONS = /\.(?:js|mjs|cjs|ts|json|md|ya?ml|txt|map)$/;
const files = [];
(function walk(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile() && EXTENSIONS.test(entry.name) && statSync(full).size < 10 * 1024 * 1024) files.push({ path: full, data: readFileSync(full) });
  }
})(dir);
const total = files.reduce((sum, f) => sum + f.data.length, 0);

const rules = loadRules(defaultConfig(root));
const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
const needles = keywords.map((k) => Buffer.from(k));
const alternation = new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
const prefilters = {
  'engine (anchored)': createPrefilter(rules),
  'latin1 regex': (b) => alternation.test(b.toString('latin1')),
  'indexOf per keyword': (b) => needles.some((n) => b.indexOf(n) !== -1),
};
const clean = files.filter((f) => !prefilters['indexOf per keyword'](f.data));
const cleanTotal = clean.reduce((sum, f) => sum + f.data.length, 0);

/** Best of `rounds` timings of fn over `set`, in MB/s. */
function rate(set, bytes, fn, rounds = 5) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (const f of set) fn(f);
    best = Math.min(best, performance.now() - started);
  }
  return bytes / 1e6 / (best / 1000);
}

const mb = (n) => (n / 1e6).toFixed(1);
console.log(`corpus: ${dir}: ${files.length} files, ${mb(total)} MB; ${clean.length} files (${mb(cleanTotal)} MB) hold no keyword`);
const results = {};
for (const [name, fn] of Object.entries(prefilters)) {
  results[name] = { all: rate(files, total, (f) => fn(f.data)), clean: rate(clean, cleanTotal, (f) => fn(f.data)) };
}
const base = results['indexOf per keyword'];
for (const [name, r] of Object.entries(results)) {
  console.log(`prefilter ${name.padEnd(20)} all files ${r.all.toFixed(0).padStart(6)} MB/s (${(r.all / base.all).toFixed(1)}x)   keyword-free files ${r.clean.toFixed(0).padStart(6)} MB/s (${(r.clean / base.clean).toFixed(1)}x)`);
}
let candidates = 0;
const full = rate(files, total, (f) => { candidates += detectChunk({ path: f.path, data: f.data }, rules).candidates.length; }, 3);
const latin1 = rate(files, total, (f) => f.data.toString('latin1').length, 3);
console.log(`detectChunk (prefilter+decode+scan) all files ${full.toFixed(0)} MB/s; for scale, Buffer→latin1 string alone ${latin1.toFixed(0)} MB/s; ${candidates / 3} candidates`);
