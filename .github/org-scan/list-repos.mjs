// The organisation scan's first job (.github/workflows/org-scan.yml): list the organisation's repositories
// through GitHub's REST API with the caller's token, page by page (Link: rel="next", never to another host),
// leave out archived and forked ones unless asked, and cut the list into batches for the scan job's matrix.
// A matrix holds at most 256 jobs, so an organisation of more than 256 repositories gets batches of
// ceil(count / 256) repositories per job (or the caller's batch-size); each job scans its batch one by one.
// Inputs (environment): ORGANIZATION, KEYWARDEN_TOKEN, INCLUDE_ARCHIVED, INCLUDE_FORKS, BATCH_SIZE (0 = automatic),
// GITHUB_API_URL (set by the runner; GitHub Enterprise Server's too), GITHUB_OUTPUT.
// Outputs: count (repositories to scan), matrix (JSON: {"batch":[{"index":1,"repositories":["a","b"]}]}).
// Plain JavaScript for Node 20 with no dependencies: the workflow runs it from a checkout, with no install.
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/** GitHub Actions runs at most this many jobs from one matrix. */
export const MAX_JOBS = 256;
/** Pages of 100 followed at most (100,000 repositories): a server that always answers "next" cannot loop us. */
const MAX_PAGES = 1000;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,99})$/;
/** Repository names as GitHub allows them; anything else is not put in a path, a URL or a file name. */
export const REPOSITORY_NAME = /^(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$/;

/** Every repository of `organization` (a user account's when it is not an organisation), as the API lists them. */
export async function listRepositories({ api, token, organization, fetchImpl = fetch }) {
  if (!LOGIN.test(organization)) throw new Error(`organization '${organization}' is not an organisation or user name`);
  const base = new URL(api.endsWith('/') ? api : `${api}/`);
  const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'keywarden-org-scan' };
  if (token) headers.authorization = `Bearer ${token}`;
  let url = new URL(`orgs/${encodeURIComponent(organization)}/repos?type=all&per_page=100`, base);
  const repositories = [];
  for (let page = 0; url !== null; page++) {
    if (page === MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages of repositories: stopped`);
    let response = await fetchImpl(url, { headers, redirect: 'error' });
    if (response.status === 404 && page === 0) {
      // Not an organisation: a user account's own repositories.
      url = new URL(`users/${encodeURIComponent(organization)}/repos?type=owner&per_page=100`, base);
      response = await fetchImpl(url, { headers, redirect: 'error' });
    }
    if (response.status !== 200) throw new Error(`GitHub API: GET ${url.pathname} answered ${response.status}${await apiMessage(response)}`);
    const list = await response.json().catch(() => null);
    if (!Array.isArray(list)) throw new Error(`GitHub API: GET ${url.pathname} did not answer a list of repositories`);
    repositories.push(...list);
    url = nextPage(response.headers.get('link'), base);
  }
  return repositories;
}

async function apiMessage(response) {
  const body = await response.json().catch(() => null);
  return body && typeof body.message === 'string' ? `: ${body.message.slice(0, 200)}` : '';
}

/** The rel="next" URL of a Link header, only on the API's own origin and path (the token goes with it). */
export function nextPage(link, base) {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match || !/(?:^|;)\s*rel="?next"?\s*(?:;|$)/.test(match[2])) continue;
    const next = new URL(match[1], base);
    if (next.origin !== base.origin || !next.pathname.startsWith(base.pathname)) throw new Error(`GitHub API: the next page is on another server (${next.origin}): not followed`);
    return next;
  }
  return null;
}

/** The names to scan, sorted: archived and forked repositories only when asked; names GitHub would not allow skipped. */
export function selectRepositories(repositories, { includeArchived = false, includeForks = false } = {}) {
  const names = [];
  const skipped = [];
  for (const repository of repositories) {
    const name = repository && typeof repository.name === 'string' ? repository.name : '';
    if (!REPOSITORY_NAME.test(name)) {
      skipped.push(JSON.stringify(name).slice(0, 120));
      continue;
    }
    if (repository.archived === true && !includeArchived) continue;
    if (repository.fork === true && !includeForks) continue;
    if (repository.disabled === true) continue;
    if (!names.includes(name)) names.push(name);
  }
  return { names: names.sort(), skipped };
}

/** Batches for the matrix: at most MAX_JOBS of them. batchSize 0 = as few per job as that allows. */
export function toBatches(names, batchSize = 0) {
  if (!Number.isInteger(batchSize) || batchSize < 0) throw new Error(`batch-size must be a whole number, got ${batchSize}`);
  const size = batchSize > 0 ? batchSize : Math.max(1, Math.ceil(names.length / MAX_JOBS));
  const count = Math.ceil(names.length / size);
  if (count > MAX_JOBS) throw new Error(`batch-size ${size} makes ${count} jobs for ${names.length} repositories; a matrix runs at most ${MAX_JOBS}: use a batch-size of at least ${Math.ceil(names.length / MAX_JOBS)}, or 0`);
  return Array.from({ length: count }, (_, index) => ({ index: index + 1, repositories: names.slice(index * size, (index + 1) * size) }));
}

/** A workflow command's message, as the runner unescapes it: no line break can start another command. */
function commandData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function setOutput(file, name, value) {
  const delimiter = `ghadelimiter_${randomBytes(12).toString('hex')}`;
  const text = `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  if (file) appendFileSync(file, text);
  else process.stdout.write(text);
}

async function main(env) {
  const flag = (name) => ['true', 'True', 'TRUE'].includes((env[name] ?? '').trim());
  const repositories = await listRepositories({ api: env.GITHUB_API_URL || 'https://api.github.com', token: env.KEYWARDEN_TOKEN ?? '', organization: (env.ORGANIZATION ?? '').trim() });
  const { names, skipped } = selectRepositories(repositories, { includeArchived: flag('INCLUDE_ARCHIVED'), includeForks: flag('INCLUDE_FORKS') });
  for (const name of skipped) process.stdout.write(`::warning::${commandData(`keywarden: skipped a repository whose name GitHub would not allow: ${name}`)}\n`);
  const batches = toBatches(names, Number((env.BATCH_SIZE ?? '').trim() || '0'));
  process.stdout.write(`keywarden: ${names.length} of ${repositories.length} repositories to scan, in ${batches.length} job${batches.length === 1 ? '' : 's'}\n`);
  setOutput(env.GITHUB_OUTPUT, 'count', String(names.length));
  setOutput(env.GITHUB_OUTPUT, 'matrix', JSON.stringify({ batch: batches }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.env).catch((error) => {
    process.stdout.write(`::error title=keywarden organisation scan::${commandData(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  });
}
