// Commit and tag messages are text that gets pushed: history and range scans read them too, in a pass of their
// own beside the tree scan (scan-commits.ts keeps no message, so its memory stays bounded). The commit ids
// stream straight into `git cat-file --batch`: from the history's log as it is read (commit-feed.ts), else from
// a `git rev-list` over the same revisions. Its output is parsed by the
// object sizes it states (cat-file.ts): a message is the raw object's bytes after its header, exactly what a
// clone receives, including anything after a NUL (git log's %B stops at one) and in any encoding. One commit
// is held at a time; only findings are kept. A key found there is reported under `commit message` (line and
// column within the message) with that commit; a tag's under `tag message (<tag>)`, with no commit.
import { RuntimeError } from '../../errors.js';
import type { SourceContext } from '../context.js';
import { COMMIT_MESSAGE } from '../commit-msg.js';
import { oversizeNote } from '../locate.js';
import type { Commit, Detect, Located, Note } from '../../types.js';
import { ofGitStream, readBlobs, type Blob, type IdSource } from './cat-file.js';
import { git, gitStream } from './run.js';
import { words } from '../../words/index.js';

export interface MessageRead {
  /** Revisions as scanCommits gets them (shas, ranges, --all). */
  revs: readonly string[];
  /** More revisions on stdin (stash reflog entries). */
  stdinRevs?: readonly string[];
  /** The same revisions' commits as the history's log reads them (commit-feed.ts): then no rev-list of its own. */
  commits?: IdSource;
}

/** Scans the message of every commit the revisions list. */
export async function scanCommitMessages(context: SourceContext, detect: Detect, read: MessageRead, notes: Note[]): Promise<Located[]> {
  const list = read.commits ?? revList(context.cwd, read);
  const located: Located[] = [];
  await readObjects(context.cwd, 'commit', list, context.config.maxFileSize, async (object) => {
    const { header, message } = splitObject(object.data as Buffer);
    const result = await detect({ path: COMMIT_MESSAGE, data: message });
    if (result.candidates.length === 0) return;
    const commit = commitOf(object.sha, header, message);
    for (const candidate of result.candidates) located.push({ ...candidate, file: COMMIT_MESSAGE, commit, inMessage: true });
  }, (object) => notes.push(oversizeNote(`${COMMIT_MESSAGE} of ${object.sha.slice(0, 10)}`, object.size, context.config.maxFileSize)));
  return located;
}

function revList(cwd: string, read: MessageRead): IdSource {
  const stdinRevs = read.stdinRevs ?? [];
  // `--` ends the revisions (a file may be named like a sha: see log.ts).
  const list = gitStream(cwd, ['rev-list', ...read.revs, ...(stdinRevs.length > 0 ? ['--stdin'] : []), '--']);
  list.child.stdin.end(stdinRevs.length > 0 ? stdinRevs.join('\n') + '\n' : '');
  return ofGitStream(list);
}

/** Scans the message of every annotated tag under refs/tags (a tag of a tag: the outer one only). */
export async function scanTagMessages(context: SourceContext, detect: Detect, notes: Note[]): Promise<Located[]> {
  // Ref names hold no spaces or control characters (git check-ref-format): lines split safely.
  const out = (await git(context.cwd, ['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', 'refs/tags/'])).toString('utf8');
  const names = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [sha, type, ref] = line.split(' ');
    if (type === 'tag' && ref !== undefined && !names.has(sha)) names.set(sha, ref.slice('refs/tags/'.length));
  }
  if (names.size === 0) return [];
  const located: Located[] = [];
  const label = (sha: string): string => `tag message (${names.get(sha) ?? sha})`;
  await readObjects(context.cwd, 'tag', [...names.keys()], context.config.maxFileSize, async (object) => {
    const { message } = splitObject(object.data as Buffer);
    const file = label(object.sha);
    const result = await detect({ path: file, data: message });
    for (const candidate of result.candidates) located.push({ ...candidate, file, commit: null, inMessage: true });
  }, (object) => notes.push(oversizeNote(label(object.sha), object.size, context.config.maxFileSize)));
  return located;
}

/**
 * Streams objects of one type through `git cat-file --batch` (cat-file.ts), from a list of ids or ids streamed
 * in (a running rev-list, the log's commits), handing each to `onObject` in turn; reading waits while a few are queued. Any other type,
 * a missing object, or either git failing is an error: a message left unread must not pass for a clean one.
 */
async function readObjects(cwd: string, type: string, ids: readonly string[] | IdSource, maxSize: number, onObject: (object: Blob) => Promise<void>, onOversize: (object: Blob) => void): Promise<void> {
  let failure: unknown = null;
  let queued = 0;
  let chain = Promise.resolve();
  await readBlobs(cwd, ids, {
    maxSize,
    type,
    onBlob(object) {
      if (failure !== null) throw failure;
      if (object.missing) throw new RuntimeError(words().git.messageMissing(type, object.sha));
      if (object.data === null) {
        // Over the size limit, or not of the type asked for (rev-list lists commits only; a tag ref names a tag).
        if (object.size > maxSize) onOversize(object);
        else throw new RuntimeError(words().git.notType(object.sha, type));
        return;
      }
      queued++;
      chain = chain.then(() => onObject(object)).then(() => void queued--, (error: unknown) => void (failure ??= error));
    },
    backpressure: () => (failure !== null ? Promise.reject(failure) : queued > QUEUED_MAX ? chain : null),
  });
  await chain;
  if (failure !== null) throw failure;
}

/** Messages read ahead of the scan at most: enough to keep git busy, few enough to hold little memory. */
const QUEUED_MAX = 64;

/** A commit or tag object: its header lines, and the message after the first empty line (none: empty). */
function splitObject(data: Buffer): { header: string; message: Buffer } {
  const end = data.indexOf('\n\n');
  if (end === -1) return { header: data.toString('utf8'), message: Buffer.alloc(0) };
  return { header: data.toString('utf8', 0, end), message: data.subarray(end + 2) };
}

/** The finding's commit from the raw header: `author NAME <EMAIL> SECONDS ±HHMM` (git strips < and > from names). */
function commitOf(sha: string, header: string, message: Buffer): Commit {
  const line = header.split('\n').find((text) => text.startsWith('author ')) ?? 'author ';
  const open = line.indexOf(' <');
  const close = line.lastIndexOf('> ');
  const author = open === -1 ? '' : line.slice('author '.length, open);
  const email = open === -1 || close < open ? '' : line.slice(open + 2, close);
  const [seconds, zone] = close === -1 ? [] : line.slice(close + 2).split(' ');
  // The subject as git's %s gives it: the first paragraph, its lines joined by spaces.
  const subject = message.toString('utf8').split(/\n[ \t]*\n/)[0].trim().split('\n').map((part) => part.trim()).join(' ');
  return { sha, author, email, date: isoDate(Number(seconds), zone ?? ''), message: subject };
}

/** Strict ISO 8601 in the author's own zone, like git's %aI; '' when the header does not say. */
function isoDate(seconds: number, zone: string): string {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(zone);
  if (!Number.isFinite(seconds) || match === null) return '';
  const offset = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const local = new Date((seconds + offset * 60) * 1000);
  if (Number.isNaN(local.getTime())) return '';
  return `${local.toISOString().slice(0, 19)}${match[1]}${match[2]}:${match[3]}`;
}
