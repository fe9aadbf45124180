// Blobs that a commit's tree or the index names but the repository lacks: a deleted loose object, a damaged
// pack, a partial clone's blobs (never fetched: run.ts). A scan that could not read what it was asked
// to scan is not clean: the note says how many blobs and under which paths, and marks the scan incomplete,
// which makes the exit code 2 unless --allow-missing (main.ts). A shallow clone is different: its boundary is
// declared, and the history behind it is simply not part of the scan (a note, exit unchanged).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Note } from '../../types.js';
import { words } from '../../words/index.js';
import { gitRaw } from './run.js';

/** Paths named in the note; the rest are counted. */
const NAMED = 10;

export class MissingBlobs {
  /** sha → the first path it was wanted under. */
  private readonly paths = new Map<string, string>();

  add(sha: string, file: string): void {
    if (!this.paths.has(sha)) this.paths.set(sha, file);
  }

  get size(): number {
    return this.paths.size;
  }

  /** The warning for the report, or null when nothing was missing. */
  note(allowed: boolean): Note | null {
    const count = this.paths.size;
    if (count === 0) return null;
    const files = [...new Set(this.paths.values())];
    return { level: 'warn', incomplete: true, message: words().notes.missingBlobs(count, files.slice(0, NAMED), Math.max(0, files.length - NAMED), allowed) };
  }
}

/**
 * Does the repository hold promised objects (a partial clone's packs come with a .promisor file)? Asked about
 * one missing promised blob, `git cat-file` then dies instead of answering "missing" (it cannot fetch it), so
 * in such a repository what is present is listed whole (`--batch-all-objects`) rather than asked blob by blob.
 */
export async function hasPromisedObjects(cwd: string): Promise<boolean> {
  // `--git-path` (not `--path-format=absolute`, git 2.31) so that git 2.25 answers too; relative to cwd.
  const result = await gitRaw(cwd, ['rev-parse', '--git-path', 'objects/pack']).catch(() => null);
  if (result === null || result.code !== 0) return false;
  try {
    return readdirSync(path.resolve(cwd, result.stdout.toString('utf8').trim())).some((name) => name.endsWith('.promisor'));
  } catch {
    return false;
  }
}
