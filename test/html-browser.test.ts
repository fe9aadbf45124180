// The HTML report in a real browser (headless Chromium, test/support/browser.ts): the table, sorting, the
// filter and the cards read from the DOM; no request beyond the file itself; the hostile file name and
// commit subject shown as text, with no element or script made from them. A screenshot of the merged page is
// kept at test-artifacts/html-report.png for a person to look at.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserSkipReason, launchBrowser } from './support/browser.js';
import { runCli } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { HOSTILE_FILE, HOSTILE_SUBJECT, orgRepos, type OrgRepo } from './support/org-repos.js';
import { tempDir } from './support/repo.js';

const skip = browserSkipReason();
if (skip) console.warn(`keywarden: ${skip}`);

describe.skipIf(skip !== null)('the HTML report in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let repos: OrgRepo[];
  const requests: string[] = [];
  const problems: string[] = [];
  let url: string;

  beforeAll(async () => {
    repos = orgRepos(['alpha', 'beta', 'gamma'], { hostile: true }).repos;
    const dir = tempDir('keywarden-html-');
    const reports = repos.map(({ name, repo }) => {
      const file = path.join(dir, `${name}.json`);
      expect(runCli(['scan', '--history', '--format', 'json', '--output', file], { cwd: repo.dir }).status).toBe(1);
      return file;
    });
    const html = path.join(dir, 'org.html');
    expect(runCli(['merge', ...reports, '--format', 'html', '--output', html]).status).toBe(1);
    url = pathToFileURL(html).href;
    context = await launchBrowser();
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  const cells = (column: number) => page.$$eval(`#findings tbody tr:not([hidden]) td:nth-child(${column})`, (tds) => tds.map((td) => td.textContent));

  it('loads with no request but the file, no script error and no CSP violation', async () => {
    await page.screenshot({ path: artifactPath('html-report.png'), fullPage: true });
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it('fills the table from the report: one row per finding, a Repository column', async () => {
    const heads = await page.$$eval('#findings thead th', (ths) => ths.map((th) => th.textContent));
    expect(heads.slice(0, 4)).toEqual(['Repository', 'File', 'Line', 'Credential']);
    expect(await page.$$eval('#findings tbody tr', (rows) => rows.length)).toBe(8);
    expect(await page.textContent('#shown')).toBe('Showing 1–8 of 8');
    expect(await page.isHidden('#next')).toBe(true);
  });

  it('sorts by a column when its heading is clicked, and back the other way', async () => {
    await page.click('#findings thead button:text-is("Date")');
    const ascending = await cells(9);
    expect(ascending).toEqual([...ascending].sort());
    expect(await page.getAttribute('#findings thead th:nth-child(9)', 'aria-sort')).toBe('ascending');
    await page.click('#findings thead button:text-is("Date")');
    const descending = await cells(9);
    expect(descending).toEqual([...ascending].reverse());
    expect(await page.getAttribute('#findings thead th:nth-child(9)', 'aria-sort')).toBe('descending');
    await page.click('#findings thead button:text-is("Repository")');
    expect(await cells(1)).toEqual(['alpha', 'alpha', 'beta', 'beta', 'beta', 'beta', 'gamma', 'gamma']);
  });

  it('filters the rows as the reader types', async () => {
    await page.fill('#filter', 'upload.py');
    expect(await cells(2)).toEqual(['tools/upload.py', 'tools/upload.py']);
    expect(await page.textContent('#shown')).toBe('Showing 1–2 of 2 matching (8 in all)');
    await page.fill('#filter', repos[1].leaks[1].id.toLowerCase());
    expect(await cells(1)).toEqual(['beta', 'beta']);
    await page.fill('#filter', '');
    expect(await page.textContent('#shown')).toBe('Showing 1–8 of 8');
    expect(await page.isHidden('#next')).toBe(true);
  });

  it('has one card per key: the shared key once, with its places in three repositories and a checklist', async () => {
    const cards = await page.$$eval('article.card', (articles) =>
      articles.map((article) => ({
        key: article.getAttribute('data-key'),
        title: article.querySelector('h3')?.textContent,
        where: article.querySelector('dl + p')?.textContent,
        places: article.querySelectorAll('.places li').length,
        steps: [...article.querySelectorAll('.steps > li strong')].map((strong) => strong.textContent),
        boxes: article.querySelectorAll('.steps input[type=checkbox]').length,
      })),
    );
    const shared = repos[0].leaks[0].id;
    expect(cards.map((card) => card.key)).toEqual([shared, repos[1].leaks[1].id]);
    expect(cards[0].where).toBe('Found in 6 places across 3 repositories');
    expect(cards[0].places).toBe(6);
    expect(cards[0].steps[0]).toBe('1. Remove the leaked data');
    expect(cards[0].steps).toContain('2. Delete the access key');
    expect(cards[0].boxes).toBe(cards[0].steps.length);
    await page.check('article.card >> nth=0 >> .steps input[type=checkbox] >> nth=0');
    expect(await page.isChecked('article.card >> nth=0 >> .steps input[type=checkbox] >> nth=0')).toBe(true);
  });

  it('shows the timeline of introductions in date order', async () => {
    const dates = await page.$$eval('.timeline time', (times) => times.map((time) => time.getAttribute('datetime')));
    expect(dates).toHaveLength(2);
    expect(dates).toEqual([...dates].sort());
    // The first key's dot at the start of its line, the last one's at the end (inside it).
    const boxes = await page.$$eval('.timeline .track', (tracks) =>
      tracks.map((track) => {
        const line = track.getBoundingClientRect();
        const dot = track.querySelector('.bar')!.getBoundingClientRect();
        return [Math.round(dot.left - line.left), Math.round(line.right - dot.right)];
      }),
    );
    expect(boxes[0][0]).toBe(0);
    expect(boxes[1][1]).toBe(0);
  });

  it('shows the hostile file name and commit subject as text: no element, no script from them', async () => {
    await page.fill('#filter', 'onerror');
    expect(await cells(2)).toEqual([HOSTILE_FILE, HOSTILE_FILE]);
    expect(await cells(11)).toEqual([HOSTILE_SUBJECT, HOSTILE_SUBJECT]);
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(2);
    expect(await page.textContent('article.card .places')).toContain(HOSTILE_FILE);
    expect(problems).toEqual([]);
  });

  it('pages through a table longer than a page, and sorts and filters all of it', async () => {
    const big = orgRepos(['many'], { shared: { id: '', secret: '', text: '' } }).repos[0].repo;
    const leaks = Array.from({ length: 110 }, () => fakeLeak());
    big.commit('many keys', { 'keys.env': leaks.map((leak) => leak.text).join('') });
    const html = path.join(tempDir('keywarden-html-'), 'many.html');
    expect(runCli(['scan', '--history', '--format', 'html', '--output', html], { cwd: big.dir }).status).toBe(1);
    const many = await context.newPage();
    await many.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const rows = () => many.$$eval('#findings tbody tr', (trs) => trs.length);
    expect(await many.textContent('#shown')).toBe('Showing 1–200 of 220');
    expect(await rows()).toBe(200);
    expect(await many.isDisabled('#previous')).toBe(true);
    await many.click('#next');
    expect(await many.textContent('#shown')).toBe('Showing 201–220 of 220');
    expect(await rows()).toBe(20);
    expect(await many.isDisabled('#next')).toBe(true);
    // Sorting by line descending puts the last key's secret (line 220) first, wherever it was.
    await many.click('#findings thead button:text-is("Line")');
    await many.click('#findings thead button:text-is("Line")');
    expect(await many.textContent('#shown')).toBe('Showing 1–200 of 220');
    expect(await many.textContent('#findings tbody tr:first-child td:nth-child(2)')).toBe('220');
    await many.fill('#filter', leaks[109].id.toLowerCase());
    expect(await many.textContent('#shown')).toBe('Showing 1–2 of 2 matching (220 in all)');
    // 110 keys: the first 100 get a card with their playbook, the page says where the rest are.
    expect(await many.$$eval('article.card', (cards) => cards.length)).toBe(100);
    expect(await many.textContent('body')).toContain('10 more keys are in the table of findings');
    await many.close();
  });
});
