// Files and folders, no git needed. fast-glob walks folders (skipping .git/ and node_modules/ unless asked);
// each file is read once, size-checked before reading, and handed to detect. An unreadable file is a note
// and the scan goes on, as in ripgrep: one bad file does not hide the findings in the others.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { UsageError } from '../errors.js';
import type { Detect, Located, Note, Source } from '../types.js';
import type { SourceContext } from './context.js';
import { locate, skipNote } from './locate.js';

/** Files read and scanned at once: enough to hide file-system latency, few enough to bound memory. */
const CONCURRENCY = 16;
const DEFAULT_IGNORES = ['**/.git/**', '**/node_modules/**'];

interface Target {
  absolute: string;
  /** Posix path reported for the file. */
  display: string;
  size: number;
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
    async run(detect: Detect): Promise<Located[]> {
      const located: Located[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < targets.length) {
          const target = targets[next++];
          located.push(...(await scanTarget(target, context, detect, notes, stats)));
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
      return located;
    },
  };
}

async function scanTarget(target: Target, context: SourceContext, detect: Detect, notes: Note[], stats: Source['stats']): Promise<Located[]> {
  if (target.size > context.config.maxFileSize) {
    notes.push({ level: 'info', verbose: true, message: `skipped ${target.display}: ${target.size} bytes is over the ${context.config.maxFileSize}-byte limit (--max-file-size)` });
    return [];
  }
  let data: Buffer;
  try {
    data = await fs.readFile(target.absolute);
  } catch (error) {
    notes.push({ level: 'warn', message: `could not read ${target.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return [];
  }
  const result = await detect({ path: target.display, data });
  if (result.skipped) {
    notes.push(skipNote(target.display, result.skipped));
    return [];
  }
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
      stat = await fs.stat(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${root}`);
    }
    if (stat.isFile()) {
      if (!seen.has(absolute)) targets.push({ absolute, display: displayPath(context.cwd, absolute, path.dirname(absolute)), size: stat.size });
      seen.add(absolute);
      continue;
    }
    if (!stat.isDirectory()) {
      notes.push({ level: 'warn', message: `skipped ${root}: not a regular file or folder` });
      continue;
    }
    const entries = await fg('**/*', {
      cwd: absolute,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      stats: true,
      suppressErrors: true,
      ignore: context.options.defaultIgnores ? DEFAULT_IGNORES : [],
    });
    for (const entry of entries) {
      if (entry.dirent.isSymbolicLink()) continue;
      const file = path.join(absolute, entry.path);
      if (seen.has(file)) continue;
      seen.add(file);
      targets.push({ absolute: file, display: displayPath(context.cwd, file, absolute), size: entry.stats?.size ?? 0 });
    }
  }
  targets.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return targets;
}

/** Relative to the working directory when inside it, else relative to the scan root given; always with '/'. */
function displayPath(cwd: string, file: string, root: string): string {
  let relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) relative = path.relative(path.dirname(root), file);
  return relative.split(path.sep).join('/');
}
