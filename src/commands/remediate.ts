// `keywarden remediate`: findings (from --report FILE, --key ID, or a scan it runs itself with the usual scan
// options) → leaked keys → optional --verify → the playbook in text, markdown or JSON. Exit 0 when a playbook
// was produced or there was nothing to remediate, 2 on errors (bad report, bad key ID, scan failure).
// Secrets stay in memory: the playbook never prints one, and the --replace-text expressions file that must
// hold them is written only when --replacements FILE asks for it.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAccessKeyId } from '../aws/key-id.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import type { RemediateFormat } from '../types.js';
import type { RemediateRequest } from './requests.js';
import { RuntimeError, UsageError } from '../errors.js';
import { guide } from '../words/guide.js';
import type { Io } from '../io/io.js';
import { emit, writeNotes } from '../io/output.js';
import { leaksFromFindings, leaksFromLocated, withKeyIds, type LeakSet } from '../remediation/leaks.js';
import { buildPlaybook, DEFAULT_REPLACEMENTS_FILE, type HistoryRewrite } from '../remediation/playbook.js';
import { renderPlaybook } from '../remediation/render.js';
import { formatReplacements, replacementsFor } from '../remediation/replacements.js';
import { normalizeFindings, readReport, readReportFromStream } from './report-file.js';

export async function runRemediate(options: RemediateRequest, io: Io): Promise<number> {
  const keyIds = options.keys.map(parseKeyId);
  const scanOptionsGiven = options.staged || options.history || options.stdin || options.range !== undefined || options.since !== undefined || options.paths.length > 0;
  if ((options.report !== undefined || keyIds.length > 0) && scanOptionsGiven) {
    throw new UsageError(guide().remediate.reportOrScan);
  }
  let set: LeakSet;
  // The organisation's accounts: from the config the scan ran with, else the config found from here.
  let config: Config | null = null;
  if (options.report !== undefined) {
    const report = options.report === '-' ? await readReportFromStream(io.stdin) : readReport(path.resolve(io.cwd, options.report), options.report);
    set = leaksFromFindings(normalizeFindings(report), report.scan.mode);
  } else if (keyIds.length > 0) {
    set = { keys: [], unpaired: null, mode: null };
  } else {
    const { runPipeline } = await import('./pipeline.js');
    const outcome = await runPipeline(options, io);
    writeNotes(outcome.notes, options, io);
    set = leaksFromLocated(outcome.located, outcome.report.scan.mode, outcome.redactText);
    config = outcome.config;
  }
  config ??= loadConfig(io.cwd, options.config);
  set = withKeyIds(set, keyIds);
  const format = options.format;

  if (set.keys.length === 0 && set.unpaired === null) {
    emit(nothingToRemediate(format), options, io);
    return 0;
  }

  const verified = options.verify ? await (await import('./verify-keys.js')).verifyKeys(set, config.accounts, options, io) : { results: new Map(), skipped: new Map() };
  const expressions = writeExpressions(set, options, io);
  const playbook = buildPlaybook(set, {
    accounts: config.accounts,
    verifications: verified.results,
    verifySkipped: verified.skipped,
    expressions,
    rerun: rerunCommand(options),
    sensitiveDataRemoval: set.mode !== 'staged' && filterRepoHasSensitiveDataRemoval(),
  });
  emit(renderPlaybook(playbook, format), options, io);
  return 0;
}

function parseKeyId(raw: string): string {
  const id = raw.trim();
  if (isAccessKeyId(id)) return id;
  if (isAccessKeyId(id.toUpperCase())) return id.toUpperCase();
  throw new UsageError(guide().remediate.badKey(raw));
}

function nothingToRemediate(format: RemediateFormat): string {
  const message = guide().remediate.nothing;
  if (format === 'json') return JSON.stringify({ version: 1, summary: { keys: 0, accounts: [], foreignKeys: 0, unpairedSecrets: 0 }, notes: [message], keys: [], unpaired: null, history: null }, null, 2) + '\n';
  return format === 'markdown' ? `${guide().remediate.nothingTitle}\n\n${message}\n` : `${message}\n`;
}

// ── the expressions file ──────────────────────────────────────────────────────────────────────────────

function writeExpressions(set: LeakSet, options: RemediateRequest, io: Io): HistoryRewrite['expressions'] {
  const redacted = set.keys.some((key) => key.redacted) || set.unpaired?.redacted === true;
  const secretsKnown = set.keys.some((key) => key.secrets.length > 0) || (set.unpaired?.secrets.length ?? 0) > 0;
  let missing: string | null = null;
  if (redacted) {
    missing = guide().remediate.redacted(options.report ?? guide().remediate.theReport);
  } else if (!secretsKnown) {
    missing = guide().remediate.onlyKeyIds;
  }
  const replacements = replacementsFor(set);
  if (options.replacements === undefined) return { file: DEFAULT_REPLACEMENTS_FILE, written: false, count: replacements.length, missing };
  if (redacted) throw new UsageError(guide().remediate.needsSecrets(String(options.report)));
  const file = path.resolve(io.cwd, options.replacements);
  try {
    writeFileSync(file, formatReplacements(replacements), { mode: 0o600 });
    chmodSync(file, 0o600); // `mode` applies only when the file is created

  } catch (error) {
    throw new RuntimeError(guide().remediate.cannotWrite(options.replacements, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  if (!options.quiet) {
    io.stderr.write(`keywarden: ${guide().remediate.wrote(replacements.length, options.replacements)}\n`);
    const relative = path.relative(io.cwd, file);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      io.stderr.write(`keywarden: ${guide().remediate.inside(options.replacements, io.cwd)}\n`);
    }
  }
  return { file, written: true, count: replacements.length, missing };
}

/**
 * Whether the installed git filter-repo knows --sensitive-data-removal (2.47 and later). Asked of the
 * git-filter-repo program on PATH directly, from a neutral folder: `git filter-repo` would let the scanned
 * repository's config (an alias) decide what runs.
 */
function filterRepoHasSensitiveDataRemoval(): boolean {
  const result = spawnSync('git-filter-repo', ['-h'], { cwd: os.tmpdir(), encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 && result.stdout.includes('--sensitive-data-removal');
}

/** The command that re-runs this remediation with --replacements, for the playbook to show. */
function rerunCommand(options: RemediateRequest): string {
  const parts = ['keywarden remediate'];
  if (options.report !== undefined) parts.push('--report', options.report);
  else if (options.keys.length > 0) parts.push('<scan options>');
  else {
    if (options.staged) parts.push('--staged');
    if (options.history) parts.push('--history', ...options.historyRefs);
    if (options.range !== undefined) parts.push('--range', options.range);
    if (options.since !== undefined) parts.push('--since', options.since);
    if (options.config !== undefined) parts.push('--config', options.config);
    parts.push(...options.paths);
  }
  parts.push('--replacements', DEFAULT_REPLACEMENTS_FILE);
  return parts.join(' ');
}

// ── output ────────────────────────────────────────────────────────────────────────────────────────────

