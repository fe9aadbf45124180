// `--format html` (scan and merge): one self-contained page a security lead can open anywhere. A sortable,
// filterable table of findings, one card per key to rotate (type, account, STS's answer, every place it
// appears, the playbook's steps as a checklist: src/remediation), and for git scans a timeline of when each
// key was introduced. Nothing is fetched: no external script, font or image, and a Content-Security-Policy
// that allows only this page's own script and style, by their hashes. Every value from the report is data:
// written with escapeHtml in the markup, and for the script as JSON made safe inside <script> (jsonForScript),
// where it is shown with textContent only. Secrets arrive masked unless the scan or merge ran with --no-redact.
import { createHash } from 'node:crypto';
import { keyTypeOf } from '../../aws/key-id.js';
import { guide } from '../../words/guide.js';
import { isRedacted, leaksFromFindings } from '../../remediation/leaks.js';
import { buildPlaybook, DEFAULT_REPLACEMENTS_FILE } from '../../remediation/playbook.js';
import type { Step } from '../../remediation/steps.js';
import { replacementsFor } from '../../remediation/replacements.js';
import { escapeHtml, escapeText, jsonForScript } from '../../text/escape.js';
import type { Finding, Report, Reporter } from '../../types.js';
import { groupByKey, type KeyGroup } from '../key-groups.js';
import { kindLabel } from '../../words/index.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { htmlWords, type HtmlWords } from './words.js';
import { language } from '../../words/index.js';

/**
 * Cards past this many keys would make the page slow to open (each holds its playbook steps); the table still
 * lists every finding, and `keywarden remediate --report` writes the playbook for every key.
 */
export const MAX_CARDS = 100;
/** Keys named on one day of the timeline; the rest are counted. */
const MAX_TIMELINE_KEYS = 12;
/** Rows of the table shown at once (the script pages through the rest). */
export const PAGE_SIZE = 200;
/** Places listed on one card; the table has the rest. */
const MAX_PLACES = 100;

type ColumnId = keyof HtmlWords['columns'];

export const htmlReporter: Reporter = (report) => {
  const findings = report.findings;
  const merged = findings.some((finding) => finding.repository !== undefined);
  const groups = groupByKey(findings);
  const keyCount = groups.filter((group) => group.keyId !== null).length;
  const repositories = new Set(findings.map((finding) => finding.repository).filter((name) => name !== undefined)).size;
  const unredacted = findings.some((finding) => finding.kind !== 'access-key-id' && !isRedacted(finding.secret));
  const body = [
    `<header><h1>${escapeHtml(findings.length > 0 ? htmlWords().heading : htmlWords().clean)}</h1>`,
    `<p class="counts">${escapeHtml(htmlWords().counts(findings.length, keyCount, repositories))}</p>`,
    `<p class="meta">${escapeHtml(htmlWords().scanned(htmlWords().modes[report.scan.mode] ?? report.scan.mode, report.scan.target))} · ${escapeHtml(htmlWords().generated(report.tool.version))}</p>`,
    `<p class="meta">${escapeHtml(unredacted ? htmlWords().unredacted : htmlWords().redacted)}</p></header>`,
  ];
  if (findings.length > 0) {
    body.push(tableSection(merged));
    body.push(cardsSection(groups, report));
    const timeline = timelineSection(groups);
    if (timeline) body.push(timeline);
  }
  const data = jsonForScript(tableData(findings, merged));
  const style = STYLE.trim();
  const script = SCRIPT.trim();
  const csp = `default-src 'none'; script-src '${sha256(script)}'; style-src '${sha256(style)}'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${language()}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(htmlWords().title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script type="application/json" id="keywarden-data">${data}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The table's columns: Repository only for a merged report. */
function columns(merged: boolean): ColumnId[] {
  const all: ColumnId[] = ['repository', 'file', 'line', 'kind', 'secret', 'keyId', 'verification', 'commit', 'date', 'author', 'subject'];
  return merged ? all : all.slice(1);
}

function tableSection(merged: boolean): string {
  const heads = columns(merged)
    .map((id, index) => `<th scope="col" aria-sort="none"><button type="button" data-column="${index}">${escapeHtml(htmlWords().columns[id])}</button></th>`)
    .join('');
  return [
    `<section><h2>${escapeHtml(htmlWords().findings)}</h2>`,
    `<div class="filter"><label for="filter">${escapeHtml(htmlWords().filter)}</label><input id="filter" type="search" autocomplete="off" placeholder="${escapeHtml(htmlWords().filterPlaceholder)}"><span id="shown" aria-live="polite"></span><button type="button" id="previous">${escapeHtml(htmlWords().previous)}</button><button type="button" id="next">${escapeHtml(htmlWords().next)}</button></div>`,
    `<noscript><p>${escapeHtml(htmlWords().noScript)}</p></noscript>`,
    `<div class="table"><table id="findings"><thead><tr>${heads}</tr></thead><tbody></tbody></table></div></section>`,
  ].join('\n');
}

/** The rows as strings for the script (escapeText: controls and bidi overrides shown, as everywhere else). */
function tableData(findings: readonly Finding[], merged: boolean): object {
  const ids = columns(merged);
  const cell: Record<ColumnId, (finding: Finding) => string> = {
    repository: (finding) => finding.repository ?? '',
    file: (finding) => finding.file,
    line: (finding) => String(finding.line),
    kind: (finding) => kindLabel(finding.kind),
    secret: (finding) => finding.secret,
    keyId: (finding) => (finding.kind === 'access-key-id' ? '' : finding.keyId ?? ''),
    verification: (finding) => finding.verification?.status ?? '',
    commit: (finding) => finding.commit?.sha.slice(0, 12) ?? '',
    date: (finding) => finding.commit?.date.slice(0, 16).replace('T', ' ') ?? '',
    author: (finding) => (finding.commit ? `${finding.commit.author} <${finding.commit.email}>` : ''),
    subject: (finding) => finding.commit?.message ?? '',
  };
  return {
    columns: ids.map((id) => ({ id, numeric: id === 'line' })),
    rows: findings.map((finding) => ids.map((id) => escapeText(cell[id](finding)))),
    words: { shown: htmlWords().shown, shownFiltered: htmlWords().shownFiltered },
    pageSize: PAGE_SIZE,
  };
}

function cardsSection(groups: readonly KeyGroup[], report: Report): string {
  const shown = groups.slice(0, MAX_CARDS);
  const steps = playbookSteps(shown, report);
  const cards = shown.map((group) => card(group, steps.get(group.keyId) ?? []));
  const more = groups.length - shown.length;
  return [
    `<section><h2>${escapeHtml(htmlWords().keys)}</h2>`,
    `<div class="cards">`,
    ...cards,
    '</div>',
    more > 0 ? `<p>${escapeHtml(htmlWords().moreKeys(more))}</p>` : '',
    '</section>',
  ].join('\n');
}

/** The playbook's steps for each key shown (null: the secrets without a key ID). */
function playbookSteps(groups: readonly KeyGroup[], report: Report): Map<string | null, Step[]> {
  const findings = groups.flatMap((group) => group.places).map((finding) => ({ ...finding, keyId: finding.keyId ?? null, accountId: finding.accountId ?? null, commit: finding.commit ?? null }));
  const set = leaksFromFindings(findings, report.scan.mode);
  const playbook = buildPlaybook(set, {
    accounts: [],
    verifications: new Map(),
    verifySkipped: new Map(),
    expressions: { file: DEFAULT_REPLACEMENTS_FILE, written: false, count: replacementsFor(set).length, missing: null },
    rerun: `keywarden remediate --report REPORT.json --replacements ${DEFAULT_REPLACEMENTS_FILE}`,
  });
  const steps = new Map<string | null, Step[]>(playbook.keys.map((key) => [key.keyId, key.steps]));
  if (playbook.unpaired) steps.set(null, playbook.unpaired.steps);
  return steps;
}

function card(group: KeyGroup, steps: readonly Step[]): string {
  const live = group.verification?.status === 'live';
  const title = group.keyId ?? htmlWords().unpaired;
  const type = group.keyId === null ? group.kinds.map(kindLabel).join(', ') : group.credential === 'access-key' ? guide().keyTypeLong[keyTypeOf(group.keyId)] : group.kinds.map(kindLabel).join(', ');
  const status = group.verification ? htmlWords().status[group.verification.status] ?? group.verification.status : htmlWords().notVerified;
  const places = group.places.slice(0, MAX_PLACES).map((finding) => `<li>${place(finding)}</li>`);
  if (group.places.length > MAX_PLACES) places.push(`<li>…</li>`);
  return [
    `<article class="card${live ? ' live' : ''}" data-key="${escapeHtml(group.keyId ?? '')}">`,
    `<h3><code>${escapeHtml(title)}</code></h3>`,
    '<dl>',
    `<dt>${escapeHtml(htmlWords().type)}</dt><dd>${escapeHtml(type)}</dd>`,
    `<dt>${escapeHtml(htmlWords().account)}</dt><dd>${escapeHtml(group.accountId ?? htmlWords().accountUnknown)}</dd>`,
    `<dt>${escapeHtml(htmlWords().verification)}</dt><dd class="status${live ? ' status-live' : ''}">${escapeHtml(status)}</dd>`,
    '</dl>',
    `<p>${escapeHtml(htmlWords().where(group.places.length, group.repositories.length))}</p>`,
    `<ul class="places">${places.join('')}</ul>`,
    steps.length > 0 ? `<h4>${escapeHtml(htmlWords().steps)}</h4><ol class="steps">${steps.map(stepItem).join('')}</ol>` : '',
    '</article>',
  ].join('\n');
}

function place(finding: Finding): string {
  const repository = finding.repository !== undefined ? `<strong>${escapeHtml(finding.repository)}</strong> ` : '';
  const commit = finding.commit ? ` — ${escapeHtml(htmlWords().commit(finding.commit.sha.slice(0, 12)))} ${escapeHtml(finding.commit.date.slice(0, 10))} <q>${escapeHtml(finding.commit.message)}</q>` : '';
  return `${repository}<code>${escapeHtml(`${finding.file}:${finding.line}`)}</code> ${escapeHtml(kindLabel(finding.kind))}${commit}`;
}

function stepItem(step: Step): string {
  const text = step.sameAs ? [htmlWords().sameAs(step.sameAs.step, step.sameAs.keyId)] : [...step.text, ...step.warnings];
  const commands = step.sameAs ? [] : step.commands.map((command) => `<p>${escapeHtml(command.label)}</p><pre><code>${command.script.split('\n').map(escapeHtml).join('\n')}</code></pre>`);
  return `<li><label><input type="checkbox"> <strong>${escapeHtml(`${step.number}. ${step.title}`)}</strong></label><details><summary>${escapeHtml(htmlWords().how)}</summary>${text.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${commands.join('')}</details></li>`;
}

/**
 * One line per day on which keys were introduced (the earliest commit that holds each), placed between the
 * first and the last such day, naming the keys and where the first of them appeared.
 */
function timelineSection(groups: readonly KeyGroup[]): string | null {
  const days = new Map<string, KeyGroup[]>();
  for (const group of groups) {
    if (group.introduced === null || Number.isNaN(Date.parse(group.introduced))) continue;
    const day = new Date(Date.parse(group.introduced)).toISOString().slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), group]);
  }
  if (days.size === 0) return null;
  const sorted = [...days.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = Date.parse(sorted[0][0]);
  const span = Date.parse(sorted[sorted.length - 1][0]) - first || 1;
  const items = sorted.map(([day, keys]) => {
    const position = ((Date.parse(day) - first) / span).toFixed(4);
    const named = keys.slice(0, MAX_TIMELINE_KEYS).map((group) => {
      const earliest = group.places.find((finding) => finding.commit?.date === group.introduced) ?? group.places[0];
      return `<li><code>${escapeHtml(group.keyId ?? htmlWords().unpaired)}</code> ${place(earliest)}</li>`;
    });
    if (keys.length > MAX_TIMELINE_KEYS) named.push(`<li>${escapeHtml(htmlWords().moreOnDay(keys.length - MAX_TIMELINE_KEYS))}</li>`);
    return `<li><time datetime="${escapeHtml(day)}">${escapeHtml(day)}</time><div><div class="track"><span class="bar" data-position="${position}"></span></div><ul class="introduced">${named.join('')}</ul></div></li>`;
  });
  return [`<section><h2>${escapeHtml(htmlWords().timeline)}</h2>`, `<p class="meta">${escapeHtml(htmlWords().timelineNote)}</p>`, `<ol class="timeline">${items.join('')}</ol>`, '</section>'].join('\n');
}
