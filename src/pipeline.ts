// One scan, wired: config → rules → source → detect → filters → findings → report. This is the only place
// that knows the order; each stage lives in its own folder and knows nothing of the others.
import { loadConfig } from './config/load.js';
import type { Config } from './config/types.js';
import type { ScanOptions } from './cli/options.js';
import { detectChunk } from './detect.js';
import { applyFilters } from './filters/apply.js';
import { loadBaseline } from './filters/baseline.js';
import { compareFindings, toFinding } from './findings.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';
import { loadRules } from './rules/load.js';
import type { SourceContext } from './sources/context.js';
import type { Detect, Finding, Located, Note, Report, Source } from './types.js';
import { VERSION } from './version.js';
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
}

export async function runPipeline(options: ScanOptions, io: Io): Promise<ScanOutcome> {
  const started = Date.now();
  const config = loadConfig(io.cwd, options.config);
  config.namedPaths = options.paths;
  if (options.maxFileSize !== undefined) config.maxFileSize = options.maxFileSize;
  const rules = loadRules(config);
  const baseline = options.baseline ? loadBaseline(path.resolve(io.cwd, options.baseline)) : null;
  const context: SourceContext = {
    cwd: io.cwd,
    config,
    options,
    stdin: io.stdin,
    progress: createProgress(io, options),
    keywords: rules.flatMap((rule) => rule.keywords),
    readPacks: io.env.KEYWARDEN_READ_PACKS !== '0',
  };
  const source = await createSource(context);
  // Path globs and baselines match the paths the source reports (git: relative to the top level, from any subfolder).
  if (source.root !== undefined) config.base = source.root;
  const detect: Detect = async (chunk) => detectChunk(chunk, rules);
  const located = applyFilters(await source.run(detect), config, baseline);
  context.progress?.done();

  const allowed: Record<string, number> = {};
  const findings: Finding[] = [];
  for (const item of located) {
    if (item.allowedBy) allowed[item.allowedBy] = (allowed[item.allowedBy] ?? 0) + 1;
    else findings.push(toFinding(item, { redact: options.redact }));
  }
  findings.sort(compareFindings);
  const report: Report = {
    version: 1,
    tool: { name: 'keywarden', version: VERSION },
    scan: { mode: source.mode, target: source.target, durationMs: Date.now() - started, ...source.stats },
    findings,
  };
  const incomplete = !options.allowMissing && source.notes.some((note) => note.incomplete === true);
  return { report, located, allowed, notes: source.notes, config, incomplete };
}

async function createSource(context: SourceContext): Promise<Source> {
  const { options } = context;
  if (options.stdin) return (await import('./sources/stdin.js')).createStdinSource(context);
  if (options.staged) return (await import('./sources/staged.js')).createStagedSource(context);
  if (options.history) return (await import('./sources/history.js')).createHistorySource(context);
  if (options.range !== undefined || options.since !== undefined) return (await import('./sources/range.js')).createRangeSource(context);
  return (await import('./sources/files.js')).createFilesSource(context);
}
