// One scan, wired: config → rules → source → detect → filters → findings → report. This is the only place
// that knows the order; each stage lives in its own folder and knows nothing of the others.
import { withArchives } from './archive/detect.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/types.js';
import type { ScanOptions } from './cli/options.js';
import { detectChunk } from './detect.js';
import { prefilterKeywords } from './engine/prefilter.js';
import { applyFilters } from './filters/apply.js';
import { loadBaseline, type Baseline } from './filters/baseline.js';
import { compareFindings, secretRedactor, toFinding } from './findings.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';
import { loadRules } from './rules/load.js';
import type { SourceContext } from './sources/context.js';
import type { Detect, Finding, Located, Note, Report, Source } from './types.js';
import { VERSION } from './version.js';
import { lstatSync } from 'node:fs';
import path from 'node:path';

export interface ScanOutcome {
  report: Report;
  /** Every candidate placed, including the allowed ones (allowedBy set). */
  located: Located[];
  allowed: Record<string, number>;
  notes: Note[];
  /** The configuration the scan ran with (accounts, allowlists), for what follows the report. */
  config: Config;
  /** Something could not be read (missing objects) and --allow-missing was not given: exit 2, whatever was found. */
  incomplete: boolean;
  /** Masks every secret the scan found (identity with --no-redact), for anything printed beside the report. */
  redactText: (text: string) => string;
}

/**
 * What the caller already loaded, instead of reading the files the options name: the GitHub Action passes the
 * configuration and baseline of a pull request's base commit here (src/action/trusted.ts).
 */
export interface Preloaded {
  config?: Config;
  baseline?: Baseline | null;
}

export async function runPipeline(options: ScanOptions, io: Io, preloaded: Preloaded = {}): Promise<ScanOutcome> {
  const started = Date.now();
  // The source comes first: a git source knows the repository's top level, which is where its configuration
  // lives (cwd may be a subfolder, or outside the work tree with GIT_DIR/GIT_WORK_TREE). Sources read the
  // config and the rule keywords only when they run; reading them earlier is a bug the getters make loud.
  let loaded: { config: Config; keywords: string[] } | null = null;
  const settings = (): { config: Config; keywords: string[] } => {
    if (loaded === null) throw new Error('a source read the configuration before the pipeline loaded it');
    return loaded;
  };
  const context: SourceContext = {
    cwd: io.cwd,
    get config() {
      return settings().config;
    },
    options,
    stdin: io.stdin,
    progress: createProgress(io, options),
    get keywords() {
      return settings().keywords;
    },
    readPacks: io.env.KEYWARDEN_READ_PACKS !== '0',
  };
  const source = await createSource(context);
  // The pre-receive hook's settings are the default branch's, never the push's (sources/pre-receive.ts).
  if (options.preReceive && preloaded.config === undefined) preloaded = { ...(await (await import('./sources/pre-receive.js')).defaultBranchSettings(io.cwd, options, source.notes)), ...preloaded };
  const config = preloaded.config ?? loadConfig(io.cwd, options.config, source.root);
  config.namedPaths = options.paths;
  if (options.maxFileSize !== undefined) config.maxFileSize = options.maxFileSize;
  const rules = loadRules(config);
  loaded = { config, keywords: prefilterKeywords(rules) };
  const baselineFile = options.baseline ? path.resolve(io.cwd, options.baseline) : defaultBaseline(options, source);
  const baseline = preloaded.baseline !== undefined ? preloaded.baseline : baselineFile !== null ? loadBaseline(baselineFile, { cwd: io.cwd, top: source.root }) : null;
  // Path globs and baselines match the paths the source reports (git: relative to the top level, from any subfolder).
  if (source.root !== undefined) config.base = source.root;
  // Archives are opened where bytes meet the detector (src/archive); what they leave unread becomes notes.
  const archiveNotes: Note[] = [];
  const detect: Detect = withArchives((chunk) => detectChunk(chunk, rules), config, archiveNotes);
  const located = applyFilters(await source.run(detect), config, baseline);
  source.notes.push(...archiveNotes.splice(0));

  // History findings say where they stand today (which refs hold them, whether the tips still do).
  const reported = located.filter((item) => !item.allowedBy);
  const presence = (source.mode === 'history' || source.mode === 'range') && reported.length > 0 ? await (await import('./git/presence.js')).presenceOf(io.cwd, reported, detect, config.maxFileSize) : null;
  const allowed: Record<string, number> = {};
  const findings: Finding[] = [];
  // Any secret of this scan, in any field of any finding or note (a subject may hold another finding's secret).
  const redactText = options.redact ? secretRedactor(located) : (text: string) => text;
  for (const item of located) {
    if (item.allowedBy) allowed[item.allowedBy] = (allowed[item.allowedBy] ?? 0) + 1;
    else findings.push(toFinding(item, { redact: options.redact, redactText, presence: presence?.get(item) }));
  }
  context.progress?.done();
  // Folder scans: a reported key in a file git does not track gets a line saying so (src/sources/worktree.ts).
  const withWorktree = reported.some((item) => item.tracked === false) ? [...source.notes, ...(await import('./sources/worktree.js')).worktreeNotes(reported)] : source.notes;
  const notes = withWorktree.map((note) => ({ ...note, message: redactText(note.message) }));
  findings.sort(compareFindings);
  const report: Report = {
    version: 1,
    tool: { name: 'keywarden', version: VERSION },
    scan: { mode: source.mode, target: source.target, durationMs: Date.now() - started, ...source.stats },
    findings,
  };
  const incomplete = !options.allowMissing && source.notes.some((note) => note.incomplete === true);
  return { report, located, allowed, notes, config, incomplete, redactText };
}

/** The baseline every pre-commit hook uses (husky's, hooks/pre-commit, the pre-commit framework's: all run a
 *  bare `keywarden scan --staged`), so this is the one place that default lives: the repository's top-level
 *  .keywarden-baseline.json, when there is one and no --baseline is given. Other modes read only --baseline,
 *  and `keywarden baseline` none (it records what is found now). lstat, not exists: a symlink there is handed
 *  to loadBaseline to judge, never taken for "no baseline". */
export const DEFAULT_BASELINE = '.keywarden-baseline.json';
function defaultBaseline(options: ScanOptions, source: Source): string | null {
  if (options.command === 'baseline' || source.mode !== 'staged' || source.root === undefined) return null;
  const file = path.join(source.root, DEFAULT_BASELINE);
  return lstatSync(file, { throwIfNoEntry: false }) ? file : null;
}

async function createSource(context: SourceContext): Promise<Source> {
  const { options } = context;
  if (options.stdin) return (await import('./sources/stdin.js')).createStdinSource(context);
  if (options.preReceive) return (await import('./sources/pre-receive.js')).createPreReceiveSource(context);
  if (options.staged) return (await import('./sources/staged.js')).createStagedSource(context);
  if (options.commitMsg !== undefined) return (await import('./sources/commit-msg.js')).createCommitMsgSource(context);
  if (options.history) return (await import('./sources/history.js')).createHistorySource(context);
  if (options.range !== undefined || options.since !== undefined) return (await import('./sources/range.js')).createRangeSource(context);
  return (await import('./sources/files.js')).createFilesSource(context);
}
