// What the index adds, from one `git diff --cached --raw -p -z -U0`: the raw part names each staged file
// (NUL-separated, so any file name survives) with its index blob id, and the patch part, which git writes in
// the same order, gives the added line numbers from the hunk headers. File names inside the patch are never
// parsed. Hunks are walked line by line so that merged hunks with context lines are also counted right.
import { ZERO_SHA, type Change } from './log.js';

/** A staged change: `path` is where the file is in the index. */
export interface StagedFile extends Change {
  /** For a rename or copy, where it came from. */
  fromPath: string | null;
  /** 1-based line numbers of the staged version that the index adds; null when git saw the file as binary. */
  added: Set<number> | null;
}

export function parseStagedDiff(output: Buffer): StagedFile[] {
  const files: StagedFile[] = [];
  let at = 0;
  const token = (): string | null => {
    const end = output.indexOf(0, at);
    if (end === -1) return null;
    const text = output.toString('utf8', at, end);
    at = end + 1;
    return text;
  };
  for (;;) {
    if (output[at] !== 0x3a /* ':' */) break;
    const meta = token();
    if (meta === null) break;
    const [oldMode, newMode, oldSha, newSha, status] = meta.slice(1).split(' ');
    const first = token() ?? '';
    const second = status[0] === 'R' || status[0] === 'C' ? token() ?? '' : null;
    files.push({
      status: status[0],
      oldMode,
      newMode,
      oldSha: ZERO_SHA.test(oldSha) ? null : oldSha,
      newSha: ZERO_SHA.test(newSha) ? null : newSha,
      path: second ?? first,
      fromPath: second === null ? null : first,
      added: null,
    });
  }
  // Between the raw part and the patch git writes one more NUL.
  if (output[at] === 0) at++;
  readPatch(output.toString('latin1', at), files);
  return files;
}

/** Fills `added` for each file from its patch, matching patches to raw entries by order. */
function readPatch(patch: string, files: StagedFile[]): void {
  const lines = patch.split('\n');
  const binary = new Set<number>();
  let index = -1;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++];
    // An unmerged path (a conflict being resolved) gets this line instead of a diff header.
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('* Unmerged path ')) {
      index++;
      continue;
    }
    const file = files[index];
    if (file === undefined) continue;
    if (line.startsWith('Binary files ') || line === 'GIT binary patch') binary.add(index);
    if (!line.startsWith('@@ ')) continue;
    const header = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header === null) continue;
    let oldLeft = header[1] === undefined ? 1 : Number(header[1]);
    let newLeft = header[3] === undefined ? 1 : Number(header[3]);
    let lineNumber = Number(header[2]);
    file.added ??= new Set();
    while ((oldLeft > 0 || newLeft > 0) && i < lines.length) {
      const body = lines[i++];
      const kind = body[0];
      if (kind === '+') {
        file.added.add(lineNumber++);
        newLeft--;
      } else if (kind === '-') {
        oldLeft--;
      } else if (kind === ' ') {
        lineNumber++;
        oldLeft--;
        newLeft--;
      } else if (kind !== '\\') {
        break; // malformed: stop rather than misread the next file
      }
    }
    if (lines[i]?.startsWith('\\')) i++;
  }
  // A text file with no hunks (pure rename, mode change) adds nothing; `added` stays null only for binary.
  files.forEach((file, position) => {
    if (file.added === null && !binary.has(position)) file.added = new Set();
  });
}
