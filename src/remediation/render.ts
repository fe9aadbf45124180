// Playbook → text (terminal), markdown (a pull-request summary, an issue) or JSON (machines). The same data in
// each; only layout differs. Output is deterministic (no dates, no absolute times) so it can be golden-tested.
// What came from the scan is escaped where it is laid out (src/text/escape.ts): in text, each prose line and
// each place a file name goes (escapeText; the prose is keywarden's own and holds no backslash, so escaping a
// whole line escapes only its data); in Markdown, file names, commits and key IDs as literal code
// (markdownCode), while the prose keeps its Markdown and has only its controls escaped. Commands are shell,
// quoted where they are built (shellQuote), and are not escaped again.
import { placeOf } from '../findings.js';
import { kindLabel } from '../words/index.js';
import { escapeText, markdownCode } from '../text/escape.js';
import type { Sighting } from './leaks.js';
import type { KeyPlaybook, Playbook } from './playbook.js';
import type { Command, Step } from './steps.js';
import { reference, referenceIndex, type ReferenceId } from './references.js';
import { displayWidth, wrapToWidth } from '../text/width.js';
import { guide } from '../words/guide.js';

export type PlaybookFormat = 'text' | 'markdown' | 'json';

export function renderPlaybook(playbook: Playbook, format: PlaybookFormat): string {
  if (format === 'json') return JSON.stringify(withReferenceUrls(playbook), null, 2) + '\n';
  return format === 'markdown' ? renderMarkdown(playbook) : renderText(playbook);
}

/** JSON carries the cited pages whole, so a consumer needs no lookup table. */
function withReferenceUrls(playbook: Playbook): unknown {
  return { ...playbook, references: playbook.references.map(reference), referenceIndex: referenceIndex() };
}

export function headline(playbook: Playbook): string {
  const { keys, unpairedSecrets } = playbook.summary;
  return guide().playbook.headline(keys, playbook.keys.every((key) => key.credential === 'access-key'), unpairedSecrets);
}

function introduction(playbook: Playbook): string {
  return playbook.keys.length > 0 ? guide().playbook.introKeys : guide().playbook.introNoKeys;
}

function keyHeading(key: KeyPlaybook, index: number, total: number): string {
  return guide().playbook.keyHeading(index + 1, total, key.keyId, key.keyTypeLabel, key.accountId, key.ownership);
}

function pairing(key: KeyPlaybook): string[] {
  if (key.credential !== 'access-key') return key.summary;
  const w = guide().playbook;
  const out: string[] = [];
  if (key.secret !== 'none') out.push(w.secretFound(key.secret === 'redacted'));
  if (key.sessionToken !== 'none') out.push(w.tokenFound(key.sessionToken === 'redacted'));
  if (key.secret === 'none') out.push(w.noSecret);
  return out;
}

function where(sighting: Sighting): string {
  const commit = sighting.commit ? guide().playbook.inCommit(escapeText(sighting.commit.slice(0, 12))) : '';
  return `${escapeText(placeOf(sighting))}:${sighting.line}:${sighting.column}  ${kindLabel(sighting.kind)}${commit}`;
}

function markdownWhere(sighting: Sighting): string {
  const commit = sighting.commit ? guide().playbook.inCommit(markdownCode(sighting.commit.slice(0, 12))) : '';
  return `- ${markdownCode(`${placeOf(sighting)}:${sighting.line}:${sighting.column}`)} ${kindLabel(sighting.kind)}${commit}`;
}

/** A heading's underline, as wide as the heading in terminal columns (a Japanese character takes two). */
function underline(heading: string, char: string, max = Infinity): string {
  return char.repeat(Math.min(displayWidth(heading), max));
}

// ── text ──────────────────────────────────────────────────────────────────────────────────────────────

const WIDTH = 100;

function renderText(playbook: Playbook): string {
  const out: string[] = [];
  const w = guide().playbook;
  const title = w.title(headline(playbook));
  out.push(title, underline(title, '='), '');
  out.push(...wrap(introduction(playbook).replaceAll('`', ''), ''));
  for (const note of playbook.notes) out.push('', ...wrap(note, '  ', '! '));
  for (const tip of playbook.tips) out.push('', ...wrap(w.tip(tip), '  ', '* '));
  out.push('');
  playbook.keys.forEach((key, index) => {
    const heading = escapeText(keyHeading(key, index, playbook.keys.length));
    out.push(heading, underline(heading, '-', WIDTH));
    if (key.found.length > 0) {
      out.push(w.foundAt);
      for (const sighting of key.found) out.push(`  ${where(sighting)}`);
    }
    for (const line of pairing(key)) out.push(...wrap(line, '  ', '- '));
    for (const note of key.notes) out.push(...wrap(note, '  ', '! '));
    if (key.setup) out.push(...textCommand(key.setup));
    out.push('');
    for (const step of key.steps) out.push(...textStep(step), '');
  });
  if (playbook.unpaired) {
    const unpaired = playbook.unpaired;
    out.push(w.unpairedHeading, underline(w.unpairedHeading, '-'), w.foundAt);
    for (const sighting of unpaired.found) out.push(`  ${where(sighting)}`);
    for (const line of unpaired.text) out.push(...wrap(line, '  '));
    if (unpaired.setup) out.push(...textCommand(unpaired.setup));
    out.push('');
    for (const step of unpaired.steps) out.push(...textStep(step), '');
  }
  const history = playbook.history;
  out.push(w.rewriteHeading, underline(w.rewriteHeading, '-'));
  for (const line of history.text) out.push(...wrap(line, '   '));
  for (const command of history.commands) out.push(...textCommand(command));
  for (const warning of history.warnings) out.push(...wrap(warning, '     ', '   ! '));
  if (history.needed) out.push(...textReferences(history.references));
  out.push('', `${w.sources}:`);
  for (const { title, url } of playbook.references.map(reference)) out.push(`  ${title}`, `    ${url}`);
  return out.join('\n') + '\n';
}

function textStep(step: Step): string[] {
  const head = escapeText(`${step.number}. ${step.title}`);
  if (step.sameAs) return [head, ...wrap(guide().playbook.sameAs(step.sameAs.step, step.sameAs.keyId), '   ')];
  const out = [head];
  for (const line of step.text) out.push(...wrap(line, '   '));
  for (const command of step.commands) out.push(...textCommand(command));
  for (const warning of step.warnings) out.push(...wrap(warning, '     ', '   ! '));
  out.push(...textReferences(step.references));
  return out;
}

function textCommand(command: Command): string[] {
  return ['', ...wrap(labelLine(command.label), '   '), ...command.script.split('\n').map((line) => `     ${line}`)];
}

function textReferences(ids: readonly ReferenceId[]): string[] {
  const see = guide().playbook.see;
  return [`   ${see}` + ids.map((id) => reference(id).url).join(`\n   ${' '.repeat(displayWidth(see))}`)];
}

function labelLine(label: string): string {
  return guide().playbook.label(label);
}

/** Wraps one paragraph (escaped first) to WIDTH columns; `first` replaces the indent on its first line (a bullet). A numbered item hangs. */
function wrap(raw: string, indent: string, first = indent): string[] {
  const text = escapeText(raw);
  const numbered = /^\d+\. /.exec(text);
  if (numbered && first === indent) indent += ' '.repeat(numbered[0].length);
  return wrapToWidth(text, WIDTH, first, indent);
}

// ── markdown ──────────────────────────────────────────────────────────────────────────────────────────

function renderMarkdown(playbook: Playbook): string {
  const out: string[] = [];
  const w = guide().playbook;
  out.push(`## ${w.title(headline(playbook))}`, '');
  out.push(introduction(playbook), '');
  for (const note of playbook.notes) out.push(`> [!WARNING]\n> ${escapeText(note)}`, '');
  for (const tip of playbook.tips) out.push(`> [!TIP]\n> ${escapeText(tip)}`, '');
  playbook.keys.forEach((key, index) => {
    out.push(`### ${escapeText(keyHeading(key, index, playbook.keys.length)).replace(escapeText(key.keyId), markdownCode(key.keyId))}`, '');
    if (key.found.length > 0) {
      out.push(w.foundAt, '');
      for (const sighting of key.found) out.push(markdownWhere(sighting));
      out.push('');
    }
    out.push(w.pairingSentence(pairing(key)), '');
    for (const note of key.notes) out.push(`> ${escapeText(note)}`, '');
    if (key.setup) out.push(...markdownCommand(key.setup));
    for (const step of key.steps) out.push(...markdownStep(step));
  });
  if (playbook.unpaired) {
    const unpaired = playbook.unpaired;
    out.push(`### ${w.unpairedHeading}`, '', w.foundAt, '');
    for (const sighting of unpaired.found) out.push(markdownWhere(sighting));
    out.push('');
    for (const line of unpaired.text) out.push(escapeText(line), '');
    if (unpaired.setup) out.push(...markdownCommand(unpaired.setup));
    for (const step of unpaired.steps) out.push(...markdownStep(step));
  }
  const history = playbook.history;
  const rewrite: string[] = [];
  for (const line of history.text) rewrite.push(escapeText(line), '');
  for (const command of history.commands) rewrite.push(...markdownCommand(command));
  for (const warning of history.warnings) rewrite.push(`> [!CAUTION]\n> ${escapeText(warning)}`, '');
  if (history.needed) rewrite.push(markdownReferences(history.references), '');
  out.push(...collapsible(w.rewriteHeading, rewrite));
  out.push(...collapsible(w.sources, playbook.references.map(reference).map(({ title, url }) => `- [${title}](${url})`).concat('')));
  return out.join('\n') + '\n';
}

/** Each step folds (a pull-request comment stays readable with several keys); the title says what it holds. */
function markdownStep(step: Step): string[] {
  const title = escapeText(`${step.number}. ${step.title}`);
  if (step.sameAs) return [`**${title}**: ${guide().playbook.sameAsMarkdown(step.sameAs.step, markdownCode(step.sameAs.keyId))}`, ''];
  const body: string[] = [];
  for (const line of step.text) body.push(escapeText(line), '');
  for (const command of step.commands) body.push(...markdownCommand(command));
  for (const warning of step.warnings) body.push(`> [!CAUTION]\n> ${escapeText(warning)}`, '');
  body.push(markdownReferences(step.references), '');
  return collapsible(title, body);
}

/** A GitHub-flavoured Markdown <details> block; blank lines around the body keep its Markdown live. */
function collapsible(summary: string, body: string[]): string[] {
  return ['<details>', `<summary><strong>${summary}</strong></summary>`, '', ...body, '</details>', ''];
}

function markdownCommand(command: Command): string[] {
  return [labelLine(command.label), '', '```sh', command.script, '```', ''];
}

function markdownReferences(ids: readonly ReferenceId[]): string {
  return guide().playbook.see + ids.map(reference).map(({ title, url }) => `[${title}](${url})`).join(' · ');
}
