// Files and folders, no git needed. Folders are walked with readdir (skipping .git/ and node_modules/ unless
// asked, each skip a note under --verbose), here rather than by a glob library so that every folder that cannot
// be listed (permissions, a path longer than PATH_MAX, a folder replaced while we walk) is a note, as an
// unreadable file is; each file is opened once, size-checked on its descriptor before reading, and handed to
// detect. Files git ignores or does not track are scanned like any other (the key is on disk all the same);
// inside a git work tree, the findings in them say so (worktree.ts). Reads are
// synchronous on purpose: for thousands of small files, fs.promises' four thread-pool round trips per file
// (open, fstat, read, close) cost several times the detection itself, while a sync loop over open files is
// bounded by the disk. An unreadable file is a note and the scan goes on, as in ripgrep: one bad file does
// not hide the findings in the others.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Detect, Located, Note, Source } from '../types.js';
import { words } from '../words/index.js';
import type { SourceContext } from './context.js';
import { locate } from './locate.js';
import { readTarget } from './read-file.js';
import { skipNote } from '../findings.js';

/**
 * Folders skipped at any depth unless --no-default-ignores (a file named .git, a worktree's or submodule's
 * link, is scanned); why each is skipped is in the words (notes.ignoredFolder).
 */
const DEFAULT_IGNORES = new Set(['.git', 'node_modules']);

interface Target {
  absolute: string;
  /** Posix path reported for the file. */
  display: string;
  /** The folder git is asked about this file from: the deepest one walked that holds a .git, else the scan root's. */
  repository: string;
}

export async function createFilesSource(context: SourceContext): Promise<Source> {
  const roots = context.options.paths.length > 0 ? context.options.paths : ['.'];
  const notes: Note[] = [];
  const targets = await listTargets(roots, context, notes);
  const stats = { bytes: 0, files: 0, commits: 0 };
  return {
    mode: 'files',
    target: roots.join(' '),
    stats,
    notes,
    async run(detect: Detect, archiveNotes: Note[]): Promise<Located[]> {
      const located: Located[] = [];
      const found: Array<{ target: Target; items: Located[] }> = [];
      const add = (target: Target, items: Located[]): void => {
        if (items.some((item) => !item.allowedBy)) found.push({ target, items });
        for (const item of items) located.push(item);
      };
      // On this thread first; a folder that turns out slow to scan (AWS named on every page) with many files
      // left goes on on every core (files-pool/). A quick one never pays for starting the workers.
      const started = performance.now();
      let next = 0;
      const threads = context.fileThreads;
      for (; next < targets.length && threads !== 'always'; next++) {
        if (next % 64 === 0 && threads === 'auto' && targets.length - next >= POOL_MIN_FILES && worthThreads(performance.now() - started, next, targets.length - next)) break;
        add(targets[next], await scanTarget(targets[next], context, detect, notes, stats));
      }
      const rest = targets.slice(next);
      // Imported only then: the pre-commit path never loads the workers' code.
      const pooled = rest.length > 0 ? await (await import('./files-pool/pool.js')).scanFilesPooled(context.config, rest) : null;
      if (pooled !== null) {
        for (const { index, result } of pooled.found) add(rest[index], locate(result.candidates, rest[index].display, null));
        for (const note of pooled.notes) notes.push(note);
        for (const note of pooled.archiveNotes) archiveNotes.push(note);
        stats.files += pooled.files;
        stats.bytes += pooled.bytes;
      } else {
        for (const target of rest) add(target, await scanTarget(target, context, detect, notes, stats));
      }
      await markWorktreeStatus(found);
      return located;
    },
  };
}

/**
 * A folder scan moves to every core (files-pool/) once it has taken POOL_AFTER_MS on this thread with at least
 * POOL_MIN_FILES files left that would take POOL_WORTH_MS more at its pace: starting the workers (loading the
 * bundle, compiling the rules on each) costs about 100 ms. Measured (BENCHMARKS.md, fifth session): a
 * keyword-rare tree of 2,132 files is done in 0.2 s and was slower on workers; an AWS-heavy one of 2,010 files
 * takes 1.9 s on one thread. KEYWARDEN_FILE_THREADS=0 says never, =1 from the first file (the tests compare).
 */
const POOL_AFTER_MS = 150;
const POOL_MIN_FILES = 256;
const POOL_WORTH_MS = 300;

function worthThreads(elapsed: number, done: number, left: number): boolean {
  return elapsed > POOL_AFTER_MS && done > 0 && (elapsed / done) * left > POOL_WORTH_MS;
}

/** Tracked or not, ignored or not, for the files with findings: one question per repository they are in. */
async function markWorktreeStatus(found: Array<{ target: Target; items: Located[] }>): Promise<void> {
  if (found.length === 0) return;
  const { worktreeStatus } = await import('./git/worktree.js');
  const byRepository = new Map<string, Array<{ target: Target; items: Located[] }>>();
  for (const entry of found) {
    const entries = byRepository.get(entry.target.repository);
    if (entries) entries.push(entry);
    else byRepository.set(entry.target.repository, [entry]);
  }
  for (const [repository, entries] of byRepository) {
    const status = await worktreeStatus(repository, entries.map((entry) => entry.target.absolute));
    for (const { target, items } of entries) {
      const known = status.get(target.absolute);
      if (known) for (const item of items) Object.assign(item, known);
    }
  }
}

async function scanTarget(target: Target, context: SourceContext, detect: Detect, notes: Note[], stats: Source['stats']): Promise<Located[]> {
  const data = readTarget(target.absolute, target.display, context.config.maxFileSize, notes);
  if (data === null) return [];
  const result = await detect({ path: target.display, data });
  stats.files++;
  stats.bytes += data.length;
  return locate(result.candidates, target.display, null);
}

async function listTargets(roots: string[], context: SourceContext, notes: Note[]): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const absolute = path.resolve(context.cwd, root);
    let stat;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new UsageError(words().errors.noSuchPath(root));
    }
    if (stat.isFile()) {
      if (!seen.has(absolute)) targets.push({ absolute, display: displayPath(context.cwd, absolute, path.dirname(absolute)), repository: path.dirname(absolute) });
      seen.add(absolute);
      continue;
    }
    if (!stat.isDirectory()) {
      notes.push({ level: 'warn', message: words().notes.notFileOrFolder(root) });
      continue;
    }
    const { files, repositories } = walk(absolute, context.cwd, context.options.defaultIgnores, notes);
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      targets.push({ absolute: file, display: displayPath(context.cwd, file, absolute), repository: repositoryOf(file, repositories) ?? absolute });
    }
  }
  targets.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return targets;
}

/**
 * The regular files below `folder`, and the folders among them that hold a .git (repositories, submodules,
 * worktrees). A link is scanned where it points, if that is inside the scan; following it could leave the
 * tree or loop, so links are passed over. Anything else that is not a file or folder (a socket, a FIFO, a
 * device) is a verbose note, as is each folder skipped by name; a folder that cannot be listed is a warning.
 */
function walk(folder: string, cwd: string, defaultIgnores: boolean, notes: Note[]): { files: string[]; repositories: Set<string> } {
  const files: string[] = [];
  const repositories = new Set<string>();
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      notes.push({ level: 'warn', message: words().notes.couldNotReadFolder(displayPath(cwd, dir, folder), (error as NodeJS.ErrnoException).code ?? String(error)) });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.name === '.git') repositories.add(dir);
      if (entry.isDirectory()) {
        if (!defaultIgnores || !DEFAULT_IGNORES.has(entry.name)) pending.push(full);
        else notes.push({ level: 'info', verbose: true, folder: true, message: words().notes.ignoredFolder(displayPath(cwd, full, folder), entry.name) });
      } else if (entry.isFile()) {
        files.push(full);
      } else if (entry.isSymbolicLink()) {
        // Not followed: a link may lead out of the tree or round in a loop; its target is scanned where it lives.
        notes.push(skipNote(displayPath(cwd, full, folder), words().notes.why.symbolicLink));
      } else {
        notes.push(skipNote(displayPath(cwd, full, folder), words().notes.why.notRegularFile));
      }
    }
  }
  return { files, repositories };
}

/** The deepest of `repositories` that holds `file`, or undefined. */
function repositoryOf(file: string, repositories: Set<string>): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (repositories.has(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Relative to the working directory when inside it, else relative to the scan root given; always with '/'. */
function displayPath(cwd: string, file: string, root: string): string {
  let relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) relative = path.relative(path.dirname(root), file);
  return relative.split(path.sep).join('/');
}
