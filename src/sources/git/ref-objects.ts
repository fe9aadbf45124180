// Content that a ref reaches without a commit: a tag (or any ref) pointing straight at a blob or a tree, as
// `git tag NAME <blob>` makes (linux's v2.6.11-tree is a tag of a tree). A clone fetches such tags with the
// others, yet `git log --all` lists no commit holding their content, so the history scan (scan-commits.ts)
// never reads it. This lists every ref's fully peeled object (one for-each-ref, one cat-file --batch-check
// of `<ref>^{}`), and returns the blobs to scan: a blob under the ref's name, a tree's blobs as `<ref>:<path>`.
import { RuntimeError } from '../../errors.js';
import { decodePath, GITLINK_MODE } from './log.js';
import { git } from './run.js';
import { words } from '../../words/index.js';

export interface RefBlob {
  sha: string;
  /** How findings name it: `refs/tags/keys`, or `refs/tags/tree:config/prod.env`. */
  path: string;
}

export async function blobsOnlyRefsReach(cwd: string): Promise<RefBlob[]> {
  // Ref names are bytes (not always UTF-8): kept as latin1 for git's input, shown as decodePath shows paths.
  const refs = (await git(cwd, ['for-each-ref', '--format=%(refname)'])).toString('latin1').split('\n').filter((ref) => ref !== '');
  if (refs.length === 0) return [];
  // A ref name holds no newline, space or '^' (git check-ref-format), so `<ref>^{}` lines are unambiguous.
  const input = Buffer.from(refs.map((ref) => `${ref}^{}\n`).join(''), 'latin1');
  const types = (await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], input)).toString('latin1').split('\n');
  const found: RefBlob[] = [];
  for (let i = 0; i < refs.length; i++) {
    const name = decodePath(Buffer.from(refs[i], 'latin1'));
    const [sha, type] = (types[i] ?? '').split(' ');
    if (type === 'blob') found.push({ sha, path: name });
    else if (type === 'tree') for (const blob of await treeBlobs(cwd, sha, name)) found.push(blob);
    else if (type !== 'commit') throw new RuntimeError(words().git.refType(name, JSON.stringify(types[i] ?? '')));
  }
  return found;
}

/** Every blob of a tree (symbolic links included: their targets are text too), submodules left out. */
async function treeBlobs(cwd: string, tree: string, ref: string): Promise<RefBlob[]> {
  const out = (await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', tree])).toString('latin1');
  const blobs: RefBlob[] = [];
  // Each record: "<mode> SP <type> SP <object> TAB <path>"; the path may hold any byte but NUL.
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, sha] = record.slice(0, tab).split(' ');
    if (type === 'blob' && mode !== GITLINK_MODE) blobs.push({ sha, path: `${ref}:${decodePath(Buffer.from(record.slice(tab + 1), 'latin1'))}` });
  }
  return blobs;
}
