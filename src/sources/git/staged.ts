// `scan --staged` (the pre-commit hook): exactly what the index would commit. Staged blobs are read by their
// index ids (never from the work tree, so `git add -p` partial staging is scanned as staged), and only
// candidates on lines the index adds are reported; the rest of the staged file is context for the rules.
// Start-up is the budget here: this module and what it imports spawn git directly (run.ts) and make
// three git calls in all: one diff, one cat-file, one rev-parse alongside the diff.
import { readBlobs } from './cat-file.js';
import { GITLINK_MODE } from './log.js';
import { MissingBlobs } from './missing-blobs.js';
import { repositoryRoot } from './repo.js';
import { LineRuns, readStagedDiff, type StagedFile } from './staged-diff.js';
import { decodeBytes } from '../../text/decode.js';
import type { Candidate, Detect, Located, Note, Source } from '../../types.js';
import { words } from '../../words/index.js';
import type { SourceContext } from '../context.js';
import { locate, oversizeNote } from '../locate.js';
import { skipNote } from '../../findings.js';

export async function createStagedSource(context: SourceContext): Promise<Source> {
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Note[] = [];
  // On an unborn branch (first commit) git diffs the index against the empty tree by itself. The diff's paths
  // are relative to the top level, which a third, concurrent git call finds (the hook runs there; people may not).
  const [files, root] = await Promise.all([readStagedDiff(context.cwd), repositoryRoot(context.cwd)]);
  return {
    mode: 'staged',
    target: 'index',
    root,
    stats,
    notes,
    async run(detect: Detect): Promise<Located[]> {
      const scanned = files.filter((file) => {
        if (file.newSha === null) return false;
        // A symbolic link is scanned: its blob is its target, which may be any text (a whole credentials file).
        if (file.newMode === GITLINK_MODE) {
          notes.push(skipNote(file.path, words().notes.why.submodule));
          return false;
        }
        return true;
      });
      // Files git calls binary get no hunks; their HEAD version is needed to tell what was added (UTF-16 text).
      const wanted = new Set<string>();
      for (const file of scanned) {
        wanted.add(file.newSha as string);
        const head = headVersion(file);
        if (file.added === null && head !== null) wanted.add(head);
      }
      const blobs = new Map<string, Buffer | null>();
      const sizes = new Map<string, number>();
      const absent = new Set<string>();
      await readBlobs(context.cwd, [...wanted], {
        maxSize: context.config.maxFileSize,
        onBlob(blob) {
          if (blob.missing) absent.add(blob.sha);
          blobs.set(blob.sha, blob.data);
          sizes.set(blob.sha, blob.size);
        },
      });
      // The index may name a blob the object store lacks (git diff read the file from the work tree instead).
      const missing = new MissingBlobs();
      const located: Located[] = [];
      for (const file of scanned) {
        if (absent.has(file.newSha as string)) {
          missing.add(file.newSha as string, file.path);
          continue;
        }
        // Without the HEAD version, every line counts as added (more reported, never less).
        const head = headVersion(file);
        if (file.added === null && head !== null && absent.has(head)) missing.add(head, file.fromPath ?? file.path);
        const data = blobs.get(file.newSha as string) ?? null;
        if (data === null) {
          notes.push(oversizeNote(file.path, sizes.get(file.newSha as string) ?? 0, context.config.maxFileSize));
          continue;
        }
        const result = await detect({ path: file.path, data });
        stats.files++;
        stats.bytes += data.length;
        const headData = head === null ? null : blobs.get(head) ?? null;
        const added = file.added ?? addedByLines(data, headData);
        // Inside an archive (src/archive) lines are the entry's, not the blob's: a key is added when the HEAD
        // version of the archive does not hold it (in any entry: a key that merely moved is not new).
        const inHead = headData !== null && result.candidates.some((candidate) => candidate.entry !== undefined) ? new Set((await detect({ path: file.path, data: headData })).candidates.map(secretKey)) : null;
        for (const found of locate(result.candidates.filter((candidate) => (candidate.entry === undefined ? onAddedLine(candidate, added) : !inHead?.has(secretKey(candidate)))), file.path, null)) located.push(found);
      }
      const note = missing.note(context.options.allowMissing);
      if (note !== null) notes.push(note);
      return located;
    },
  };
}

/** The HEAD version a file's lines are compared with; none on a type change (file, symlink, submodule). */
function headVersion(file: StagedFile): string | null {
  return file.status === 'T' ? null : file.oldSha;
}

function secretKey(candidate: Candidate): string {
  return `${candidate.ruleId}\0${candidate.secret}`;
}

function onAddedLine(candidate: Candidate, added: LineRuns): boolean {
  for (let line = candidate.line; line <= candidate.endLine; line++) if (added.has(line)) return true;
  return false;
}

/**
 * Added lines for a file git diffs as binary but keywarden decodes as text (UTF-16, or marked binary in
 * .gitattributes): a line of the staged version is added when the HEAD version does not have it (each old
 * line matches at most one new line). Unlike a real diff this ignores order, which for secrets is what we
 * want: a key line that merely moved is not new.
 */
export function addedByLines(staged: Buffer, head: Buffer | null): LineRuns {
  const newLines = linesOf(staged);
  const added = new LineRuns();
  const old = new Map<string, number>();
  for (const line of head === null ? [] : linesOf(head)) old.set(line, (old.get(line) ?? 0) + 1);
  newLines.forEach((line, index) => {
    const left = old.get(line) ?? 0;
    if (left > 0) old.set(line, left - 1);
    else added.add(index + 1);
  });
  return added;
}

function linesOf(data: Buffer): string[] {
  return decodeBytes(data).text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

export type { StagedFile };
