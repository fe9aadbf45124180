#!/usr/bin/env node
// The HTML report and `keywarden merge` at organisation size, in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; never a downloaded browser). Issue #16's bar: a merge of 50 repositories' reports
// and an HTML page of 10,000 findings each open in under two seconds.
//
//   merge:  50 real repositories (a key shared by all, one or more of their own), each scanned with
//           `keywarden scan --history --format json`; then `keywarden merge` of the 50 reports (html, json)
//           vs `keywarden --version` (the CLI's start-up: the floor of any command)
//   open:   the merged page and a page of 10,000 findings (one repository, 50 commits of 100 key pairs, scanned
//           with --history --format html) opened in Chromium: navigation start to the end of the load event
//           (the page's script has built the table by then), vs a one-line page (the browser's floor);
//           then one sort and one filter of the 10,000 rows, timed inside the page.
// Median of --rounds N (default 3), each page in a fresh tab. Usage: npm run bundle && node bench/html.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'keywarden.js');
const at = process.argv.indexOf('--rounds');
const ROUNDS = at !== -1 ? Number(process.argv[at + 1]) : 3;
const CHROMIUM = process.env.KEYWARDEN_CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(path.join(os.tmpdir(), 'keywarden-bench-html-'));
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

// Keys made at run time from a seeded generator: never a key literal.
let seed = 20261126;
const rand = (n) => {
  seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
  return seed % n;
};
const pick = (alphabet, length) => Array.from({ length }, () => alphabet[rand(alphabet.length)]).join('');
const key = () => ({ id: `AKIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, secret: pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 40) });
const pair = (k) => `aws_access_key_id = ${k.id}\naws_secret_access_key = ${k.secret}\n`;

function repository(name, commits) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  const git = (...args) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  commits.forEach((files, index) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    git('add', '-A');
    const date = new Date(Date.UTC(2023, 0, 1) + index * 86400000 * 7).toISOString();
    execFileSync('git', ['commit', '-q', '-m', `change ${index}`], { cwd: dir, env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  });
  return dir;
}

function cli(args, cwd = work) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`keywarden ${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = (fn) => median(Array.from({ length: ROUNDS }, fn));

// 50 repositories and their reports.
const shared = key();
const reports = [];
for (let i = 0; i < 50; i++) {
  const commits = [{ 'README.md': `# service ${i}\n` }, { 'deploy/settings.env': pair(shared) }];
  for (let j = 0; j <= i % 4; j++) commits.push({ [`tools/job-${j}.env`]: pair(key()) });
  const dir = repository(`service-${String(i).padStart(2, '0')}`, commits);
  const report = path.join(work, 'reports', `service-${String(i).padStart(2, '0')}.json`);
  mkdirSync(path.dirname(report), { recursive: true });
  cli(['scan', '--history', '--format', 'json', '--quiet', '--output', report], dir);
  reports.push(report);
}
const mergedHtml = path.join(work, 'merged.html');
const version = timed(() => cli(['--version']));
const mergeHtml = timed(() => cli(['merge', ...reports, '--format', 'html', '--quiet', '--output', mergedHtml]));
const mergeJson = timed(() => cli(['merge', ...reports, '--format', 'json', '--quiet', '--output', path.join(work, 'merged.json')]));

// One repository with 10,000 findings: 50 commits of 100 key pairs (an ID and a secret each).
const big = repository('big', Array.from({ length: 50 }, (_, c) => ({ [`keys/batch-${c}.env`]: Array.from({ length: 100 }, () => pair(key())).join('') })));
const bigHtml = path.join(work, 'big.html');
const scanBig = timed(() => cli(['scan', '--history', '--format', 'html', '--quiet', '--output', bigHtml], big));
const floorHtml = path.join(work, 'floor.html');
writeFileSync(floorHtml, '<!DOCTYPE html><title>floor</title><p>floor</p>\n');

const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'keywarden-chromium-')), {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
async function open(file) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  const rows = await page.evaluate(() => { const data = document.getElementById('keywarden-data'); return data ? JSON.parse(data.textContent).rows.length : 0; });
  return { page, ms, rows };
}
const pages = { floor: [], merged: [], big: [] };
let rows = { merged: 0, big: 0 };
let sortMs = [];
let filterMs = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, file] of [['floor', floorHtml], ['merged', mergedHtml], ['big', bigHtml]]) {
    const { page, ms, rows: count } = await open(file);
    pages[name].push(ms);
    if (name !== 'floor') rows[name] = count;
    if (name === 'big') {
      sortMs.push(await page.evaluate(() => {
        const t = performance.now();
        document.querySelector('#findings thead button[data-column="0"]').click();
        document.body.offsetHeight;
        return performance.now() - t;
      }));
      filterMs.push(await page.evaluate(() => {
        const input = document.getElementById('filter');
        const t = performance.now();
        input.value = 'batch-7.env';
        input.dispatchEvent(new Event('input'));
        document.body.offsetHeight;
        return performance.now() - t;
      }));
    }
    await page.close();
  }
}
await context.close();

const f = (ms) => `${ms.toFixed(0)} ms`;
const size = (file) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`;
console.log(`keywarden bench/html.mjs — median of ${ROUNDS}; Chromium ${CHROMIUM}`);
console.log(`merge of 50 reports, --format html   ${f(mergeHtml)}  (${(mergeHtml / version).toFixed(2)}× keywarden --version = ${f(version)})`);
console.log(`merge of 50 reports, --format json   ${f(mergeJson)}  (${(mergeJson / version).toFixed(2)}× keywarden --version)`);
console.log(`open the merged page (${rows.merged} findings, ${size(mergedHtml)})  ${f(median(pages.merged))}  (${(median(pages.merged) / median(pages.floor)).toFixed(1)}× a one-line page = ${f(median(pages.floor))})`);
console.log(`scan --history --format html of 10,000 findings  ${f(scanBig)}`);
console.log(`open the page of ${rows.big} findings (${size(bigHtml)})  ${f(median(pages.big))}  (${(median(pages.big) / median(pages.floor)).toFixed(1)}× a one-line page)`);
console.log(`sort the ${rows.big} rows ${f(median(sortMs))}, filter them ${f(median(filterMs))}`);
const pass = median(pages.merged) < 2000 && median(pages.big) < 2000 && mergeHtml < 2000;
console.log(pass ? 'under two seconds: yes' : 'under two seconds: NO');
process.exitCode = pass ? 0 : 1;
