// One scan, wired: config → rules → source → detect → filters → findings → report. This is the only place
// that knows the order; what each stage's folder may not import is docs/ARCHITECTURE.md's table, checked by
// `npm run lint:deps`.
import { withArchives } from '../archive/detect.js';
import { loadConfig } from '../config/load.js';
import type { Config, Preloaded, ScanScope } from '../config/types.js';
import type { ScanRequest } from './requests.js';
import { createDetector } from '../detect/detect.js';
import { applyFilters } from '../filters/apply.js';
import { DEFAULT_BASELINE, loadBaseline } from '../config/baseline.js';
import { compareFindings, onceEach, secretRedactor, toFinding } from '../findings.js';
import type { Io } from '../io/io.js';
import { createProgress } from '../io/progress.js';
import type { SourceContext } from '../sources/context.js';
import type { Detect, Finding, Located, Note, Report, Source } from '../types.js';
import { VERSION } from '../version.js';
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

/** What a source reads of the configuration, once the pipeline has loaded it (from the source's top level). */
type Settings = Pick<SourceContext, 'config' | 'keywords' | 'pathEvidence'>;

export async function runPipeline(options: ScanRequest, io: Io, preloaded: Preloaded = {}): Promise<ScanOutcome> {
  const started = Date.now();
  // The source comes first: a git source knows the repository's top level, which is where its configuration
  // lives (cwd may be a subfolder, or outside the work tree with GIT_DIR/GIT_WORK_TREE). Sources read the
  // config and the rule keywords only when they run; reading them earlier is a bug the getters make loud.
  let loaded: Settings | null = null;
  const settings = (): Settings => {
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
    get pathEvidence() {
      return settings().pathEvidence;
    },
    readPacks: io.env.KEYWARDEN_READ_PACKS !== '0',
    fileThreads: io.env.KEYWARDEN_FILE_THREADS === '0' ? 'never' : io.env.KEYWARDEN_FILE_THREADS === '1' ? 'always' : 'auto',
    logReaders: io.env.KEYWARDEN_LOG_READERS === '1' ? 'one' : io.env.KEYWARDEN_LOG_READERS === '2' ? 'two' : 'auto',
  };
  const source = await createSource(context);
  // The pre-receive hook's settings are the default branch's, never the push's (sources/pre-receive.ts).
  if (options.preReceive && preloaded.config === undefined) preloaded = { ...(await (await import('../sources/git/pre-receive.js')).defaultBranchSettings(io.cwd, options, source.notes)), ...preloaded };
  const loadedConfig = preloaded.config ?? loadConfig(io.cwd, options.config, source.root);
  // The Config is never changed by a run: --max-file-size makes a new one, the run's scope is passed beside it.
  const config: Config = options.maxFileSize === undefined ? loadedConfig : { ...loadedConfig, maxFileSize: options.maxFileSize };
  const detector = createDetector(config);
  loaded = { config, keywords: detector.keywords, pathEvidence: detector.pathEvidence };
  const baselineFile = options.baseline ? path.resolve(io.cwd, options.baseline) : defaultBaseline(options, source);
  const baseline = preloaded.baseline !== undefined ? preloaded.baseline : baselineFile !== null ? loadBaseline(baselineFile, { cwd: io.cwd, top: source.root }) : null;
  // Path globs and baselines match the paths the source reports (git: relative to the top level, from any subfolder).
  const scope: ScanScope = { base: source.root ?? config.base, namedPaths: options.paths };
  // Archives are opened where bytes meet the detector (src/archive); what they leave unread becomes notes.
  const archiveNotes: Note[] = [];
  const detect: Detect = withArchives((chunk) => detector.detect(chunk), config, archiveNotes);
  const located = applyFilters(await source.run(detect, archiveNotes), config, baseline, scope);
  for (const note of onceEach(archiveNotes.splice(0))) source.notes.push(note);

  // History findings say where they stand today (which refs hold them, whether the tips still do).
  const reported = located.filter((item) => !item.allowedBy);
  const presence = source.presence !== undefined && reported.length > 0 ? await source.presence(reported, detect, config.maxFileSize) : null;
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
  const withWorktree = reported.some((item) => item.tracked === false) ? [...source.notes, ...(await import('../sources/git/worktree.js')).worktreeNotes(reported)] : source.notes;
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

/** The staged scan's default baseline (config/baseline.ts DEFAULT_BASELINE), when there is one and no --baseline is
 *  given. lstat, not exists: a symlink there is handed to loadBaseline to judge, never taken for "no baseline". */
function defaultBaseline(request: ScanRequest, source: Source): string | null {
  if (!request.defaultBaseline || source.mode !== 'staged' || source.root === undefined) return null;
  const file = path.join(source.root, DEFAULT_BASELINE);
  return lstatSync(file, { throwIfNoEntry: false }) ? file : null;
}

async function createSource(context: SourceContext): Promise<Source> {
  const { options } = context;
  if (options.stdin) return (await import('../sources/stdin.js')).createStdinSource(context);
  if (options.preReceive) return (await import('../sources/git/pre-receive.js')).createPreReceiveSource(context);
  if (options.staged) return (await import('../sources/git/staged.js')).createStagedSource(context);
  if (options.commitMsg !== undefined) return (await import('../sources/commit-msg.js')).createCommitMsgSource(context);
  if (options.history) return (await import('../sources/git/history.js')).createHistorySource(context);
  if (options.range !== undefined || options.since !== undefined) return (await import('../sources/git/range.js')).createRangeSource(context);
  return (await import('../sources/files.js')).createFilesSource(context);
}
