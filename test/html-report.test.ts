// --format html for scan and merge, read as text: one self-contained file whose Content-Security-Policy
// allows only its own script and style (by hash), every value from the report escaped, secrets masked.
// test/html-browser.test.ts opens the same pages in Chromium.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../src/text/escape.js';
import { runCli } from './support/cli.js';
import { HOSTILE_FILE, HOSTILE_SUBJECT, orgRepos, type OrgRepo } from './support/org-repos.js';
import { tempDir } from './support/repo.js';

let repos: OrgRepo[];
let page: string;

beforeAll(() => {
  repos = orgRepos(['alpha'], { hostile: true }).repos;
  const result = runCli(['scan', '--history', '--format', 'html'], { cwd: repos[0].repo.dir });
  expect(result.status, result.stderr).toBe(1);
  page = result.stdout;
});

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

describe('escapeHtml and jsonForScript', () => {
  it('make markup text and keep a script element closed', () => {
    expect(escapeHtml(`<img src=x onerror="a('&')">`)).toBe('&lt;img src=x onerror=&quot;a(&#39;&amp;&#39;)&quot;&gt;');
    expect(escapeHtml('a\u202eb\nc')).toBe('a\\u202eb\\nc');
    const value = { s: '</script><!-- & \u2028\u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('scan --format html', () => {
  it('is one file that fetches nothing: a CSP allowing only its own script and style, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${sha256(scripts[0])}`);
    expect(csp).toContain(`style-src ${sha256(style)}`);
    expect(page).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/);
  });

  it('writes the hostile file name and commit subject as text, and never a secret whole', () => {
    expect(page).not.toContain('<img');
    expect(page).toContain(escapeHtml(HOSTILE_FILE));
    expect(page).toContain(escapeHtml(HOSTILE_SUBJECT));
    // Two script elements (the JSON data and the code): the subject's </script><script> opened none.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const data = /<script type="application\/json" id="keywarden-data">([\s\S]*?)<\/script>/.exec(page)![1];
    expect(JSON.parse(data).rows.some((row: string[]) => row.includes(HOSTILE_FILE))).toBe(true);
    const shared = repos[0].leaks[0];
    expect(page).toContain(shared.id);
    expect(page).not.toContain(shared.secret);
  });

  it('shows secrets whole with --no-redact, and says so', () => {
    const result = runCli(['scan', '--history', '--format', 'html', '--no-redact'], { cwd: repos[0].repo.dir });
    expect(result.stdout).toContain(repos[0].leaks[0].secret);
    expect(result.stdout).toContain('holds secrets in full');
  });

  it('has a card per key with the playbook steps as a checklist, and a timeline for a history scan', () => {
    const card = /<article class="card" data-key="([A-Z0-9]+)">([\s\S]*?)<\/article>/.exec(page)!;
    expect(card[1]).toBe(repos[0].leaks[0].id);
    expect(card[2]).toContain('<input type="checkbox"> <strong>1. Remove the leaked data</strong>');
    expect(card[2]).toContain('Delete the access key');
    expect(page).toContain('When each key was introduced');
    expect(page).toMatch(/<ol class="timeline"><li><time datetime="2024-01-02">2024-01-02<\/time>/);
  });

  it('is a page saying nothing was found for a clean scan, exit 0', () => {
    const clean = runCli(['scan', '--format', 'html', path.join(tempDir())]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('No AWS credentials found.');
    expect(clean.stdout).not.toContain('<table');
  });

  it('is what merge --format html writes too, with a Repository column', () => {
    const dir = tempDir();
    const report = path.join(dir, 'alpha.json');
    runCli(['scan', '--history', '--format', 'json', '--output', report], { cwd: repos[0].repo.dir });
    const out = path.join(dir, 'org.html');
    expect(runCli(['merge', report, '--format', 'html', '--output', out]).status).toBe(1);
    const merged = readFileSync(out, 'utf8');
    expect(merged).toContain('>Repository</button>');
    expect(merged).toContain('<strong>alpha</strong>');
  });
});
