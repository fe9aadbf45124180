// Where a history finding stands today: which branches (local and remote) hold the commit that introduced it,
// and at which of their tips the file still holds the secret. The answer decides the work: a key deleted since
// needs rotation and a history purge; one still present needs a code fix as well. Branches only: tags are
// snapshots that keep what they tagged, and `--contains` walks history once per ref it is asked about, which on
// a repository with thousands of tags and pull refs took a minute per commit (git/git's shape).
//
// Asked only for the few commits that introduced a reported finding, after the scan: the branches' history
// (ancestry.ts: a whole history's own log, or walked once), one `git cat-file --batch-check` for every (tip,
// path) of interest (a crafted name it cannot ask for is looked up in its tip's listing), and the blobs found
// there read once and scanned with the same detector.
import type { Detect, Located, Presence } from '../../types.js';
import { readBlobs } from './cat-file.js';
import { RuntimeError } from '../../errors.js';
import { words } from '../../words/index.js';
import { decodePath } from './log.js';
import { git, gitStream } from './run.js';
import { Ancestry, type BranchGraph, type RefTip } from './ancestry.js';

/** Enough refs to tell "only on a stale branch" from "everywhere"; a repository may have thousands of tags. */
export const REF_LIMIT = 20;

/** Adds presence to every finding that has a commit; returns them keyed by the finding object. */
export async function presenceOf(cwd: string, findings: readonly Located[], detect: Detect, maxSize: number, graph?: Promise<BranchGraph>): Promise<Map<Located, Presence>> {
  const withCommit = findings.filter((finding) => finding.commit !== null);
  // A message is in the history of the refs that hold its commit, never at a path of their tips.
  const inFiles = withCommit.filter((finding) => finding.inMessage !== true);
  const holders = (await (graph ?? readBranchGraph(cwd))).holders(new Set(withCommit.map((finding) => finding.commit!.sha)));

  // The (tip, path) pairs to look at, then the blob at each.
  const pairs = new Set<string>(); // `${tip}\0${path}`
  for (const finding of inFiles) {
    for (const ref of holders.get(finding.commit!.sha)!.slice(0, REF_LIMIT)) pairs.add(`${ref.commit}\0${finding.file}`);
  }
  const blobAt = await blobsAt(cwd, [...pairs]); // `${tip}\0${path}` → blob sha

  // Each blob scanned once, with one of the paths it is at (detection may weigh the path).
  const pathOfBlob = new Map<string, string>();
  for (const [key, blob] of blobAt) if (!pathOfBlob.has(blob)) pathOfBlob.set(blob, key.slice(key.indexOf('\0') + 1));
  const secretsIn = new Map<string, Set<string>>();
  const scans: Array<Promise<void>> = [];
  await readBlobs(cwd, [...pathOfBlob.keys()], {
    maxSize,
    onBlob(blob) {
      if (blob.data === null) return;
      scans.push(
        detect({ path: pathOfBlob.get(blob.sha)!, data: blob.data }).then((result) => {
          secretsIn.set(blob.sha, new Set(result.candidates.map((candidate) => candidate.secret)));
        }),
      );
    },
  });
  await Promise.all(scans);

  const presence = new Map<Located, Presence>();
  for (const finding of withCommit) {
    const refs = holders.get(finding.commit!.sha)!;
    const shown = refs.slice(0, REF_LIMIT);
    const presentAt = shown
      .filter((ref) => {
        if (finding.inMessage === true) return false;
        const blob = blobAt.get(`${ref.commit}\0${finding.file}`);
        return blob !== undefined && (secretsIn.get(blob)?.has(finding.secret) ?? false);
      })
      .map((ref) => ref.name);
    presence.set(finding, { refs: shown.map((ref) => ref.name), refCount: refs.length, presentAt });
  }
  return presence;
}

/** The walk was stopped: an error, never an answer from part of the history. */
function throwIfStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RuntimeError(words().git.killed('rev-list', null));
}

/**
 * The branches' graph. `log`: a whole history's own log (every ref's commits with their parents), used when it
 * was read to the end and holds every branch tip; a branch that moved on since the log was read, or points at
 * no commit, sends it back to walking the branches with `git rev-list --parents`, as without a log. `signal`:
 * the scan failed and the walk is not wanted any more (its git is stopped; the answer is an error).
 */
export async function readBranchGraph(cwd: string, signal?: AbortSignal, log?: Ancestry): Promise<BranchGraph> {
  const branches = parseRefs(await git(cwd, ['for-each-ref', ...REF_FORMAT, ...BRANCHES]));
  if (branches.length === 0) return { holders: (commits) => new Map([...commits].map((sha) => [sha, []])) };
  const tips = new Map<string, RefTip[]>();
  for (const branch of branches) (tips.get(branch.commit) ?? tips.set(branch.commit, []).get(branch.commit)!).push(branch);
  throwIfStopped(signal);
  if (log?.complete === true && [...tips.keys()].every((tip) => log.ids.has(tip))) return log.branches(tips);
  const graph = new Ancestry();
  const { ids } = graph;
  // Lines of "<commit> <parent>...", read as they come (the whole output of a git/git-sized history is 20 MB):
  // ids of one width, one space apart, parsed by position and checked by shape.
  const line = (data: Buffer, start: number, end: number): void => {
    if (end === start) return;
    const space = data.indexOf(32, start);
    const width = space === -1 || space > end ? end - start : space - start;
    if ((width !== 40 && width !== 64) || (end - start + 1) % (width + 1) !== 0) throw new RuntimeError(words().git.logOutOfStep);
    const child = ids.at(data, start, width);
    for (let at = start + width + 1; at < end; at += width + 1) graph.edge(ids.at(data, at, width), child);
  };
  const { child: revList, done, stop } = gitStream(cwd, ['rev-list', '--parents', '--stdin', '--']);
  signal?.addEventListener('abort', stop, { once: true });
  revList.stdin.end([...tips.keys()].join('\n') + '\n');
  let rest: Buffer = Buffer.alloc(0);
  const reading = new Promise<void>((resolve, reject) => {
    revList.stdout.on('data', (piece: Buffer) => {
      try {
        const data = rest.length > 0 ? Buffer.concat([rest, piece]) : piece;
        let start = 0;
        for (let end = data.indexOf(10); end !== -1; start = end + 1, end = data.indexOf(10, start)) line(data, start, end);
        rest = Buffer.from(data.subarray(start));
      } catch (error) {
        revList.kill();
        reject(error);
      }
    });
    revList.stdout.on('end', resolve);
  });
  await Promise.all([done, reading]);
  throwIfStopped(signal);
  if (rest.length > 0) line(rest, 0, rest.length);
  return graph.branches(tips);
}

const REF_FORMAT = ['--format=%(objectname) %(*objectname) %(refname)'];
const BRANCHES = ['refs/heads/', 'refs/remotes/'];

/** `for-each-ref` lines (an annotated tag peeled). Ref names hold no spaces or control characters (git check-ref-format): lines split safely. */
function parseRefs(out: Buffer): RefTip[] {
  const refs: RefTip[] = [];
  for (const line of out.toString('utf8').split('\n')) {
    const [object, peeled, name] = line.split(' ');
    if (name) refs.push({ name, commit: peeled || object });
  }
  return refs;
}

/**
 * The blob at each `${tip}\0${path}` (pairs whose path is gone, or not a file, are absent): all of them from one
 * `git cat-file --batch-check`, asked `tip:path` line by line (one ls-tree per tip cost a process each: 53 on
 * the benchmark repository, 0.3 s). A path that cannot be asked so (askable) is looked for in the tip's whole
 * listing instead, its entries' names read as the log reads them (decodePath), byte for byte.
 */
async function blobsAt(cwd: string, pairs: readonly string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  const lined = pairs.filter(askable);
  if (lined.length > 0) {
    const input = lined.map((pair) => pair.replace('\0', ':')).join('\n') + '\n';
    const answers = (await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], input)).toString('utf8').split('\n');
    lined.forEach((pair, i) => {
      // One answer per question, in order: "<sha> <type>", or "<question> missing" (which holds a ':', so never matches).
      const answer = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+)$/.exec(answers[i] ?? '');
      if (answer !== null && answer[2] === 'blob') blobs.set(pair, answer[1]);
    });
  }
  const odd = new Map<string, Set<string>>(); // tip → the paths not askable there
  for (const pair of pairs) {
    if (askable(pair)) continue;
    const tip = pair.slice(0, pair.indexOf('\0'));
    (odd.get(tip) ?? odd.set(tip, new Set()).get(tip)!).add(pair.slice(pair.indexOf('\0') + 1));
  }
  for (const [tip, paths] of odd) {
    // No pathspec: git refuses one that leaves the repository (a crafted entry named ".."), and argv cannot
    // carry a name that is not UTF-8.
    const out = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', tip]);
    for (let at = 0; at < out.length; ) {
      const nul = out.indexOf(0, at);
      const end = nul === -1 ? out.length : nul;
      const tab = out.indexOf(9, at);
      if (tab !== -1 && tab < end) {
        const path = decodePath(out, tab + 1, end);
        const [, type, sha] = out.toString('latin1', at, tab).split(' ');
        if (type === 'blob' && paths.has(path)) blobs.set(`${tip}\0${path}`, sha);
      }
      at = end + 1;
    }
  }
  return blobs;
}

/**
 * Can `tip:path` name this pair's path exactly: not with a line break or carriage return (the question is a
 * line, and git drops a CR before its end), nor a name that is not UTF-8 (decodePath's lone surrogates, which
 * no encoding writes back as the bytes they were), nor a `.` or `..` or empty step, nor a leading / (git reads
 * ./ and ../ relative to the working folder). Trees git writes hold none of these; a crafted one may.
 */
function askable(pair: string): boolean {
  const path = pair.slice(pair.indexOf('\0') + 1);
  return !/[\n\r\uD800-\uDFFF]|(?:^|\/)\.{0,2}(?:\/|$)/.test(path);
}
