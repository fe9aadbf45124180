// Where a history finding stands today: which branches (local and remote) hold the commit that introduced it,
// and at which of their tips the file still holds the secret. The answer decides the work: a key deleted since
// needs rotation and a history purge; one still present needs a code fix as well. Branches only: tags are
// snapshots that keep what they tagged, and `--contains` walks history once per ref it is asked about, which on
// a repository with thousands of tags and pull refs took a minute per commit (git/git's shape).
//
// Asked only for the few commits that introduced a reported finding, after the scan: one `for-each-ref
// --contains` per commit, one `ls-tree` per ref tip (every path of interest at once, literal pathspecs, so
// a path is never a glob), and the blobs found there read once and scanned with the same detector.
import type { Detect, Located, Presence } from '../types.js';
import { readBlobs } from './cat-file.js';
import { git } from './run.js';

/** Enough refs to tell "only on a stale branch" from "everywhere"; a repository may have thousands of tags. */
export const REF_LIMIT = 20;

interface RefTip {
  name: string;
  /** The commit at the tip (an annotated tag is peeled). */
  commit: string;
}

/** Adds presence to every finding that has a commit; returns them keyed by the finding object. */
export async function presenceOf(cwd: string, findings: readonly Located[], detect: Detect, maxSize: number): Promise<Map<Located, Presence>> {
  const withCommit = findings.filter((finding) => finding.commit !== null);
  // A message is in the history of the refs that hold its commit, never at a path of their tips.
  const inFiles = withCommit.filter((finding) => finding.inMessage !== true);
  const holders = new Map<string, RefTip[]>();
  for (const sha of new Set(withCommit.map((finding) => finding.commit!.sha))) holders.set(sha, await refsContaining(cwd, sha));

  // The (tip, path) pairs to look at, then each tip's blobs for those paths in one ls-tree.
  const pathsAtTip = new Map<string, Set<string>>();
  for (const finding of inFiles) {
    for (const ref of holders.get(finding.commit!.sha)!.slice(0, REF_LIMIT)) {
      (pathsAtTip.get(ref.commit) ?? pathsAtTip.set(ref.commit, new Set()).get(ref.commit)!).add(finding.file);
    }
  }
  const blobAt = new Map<string, string>(); // `${tip}\0${path}` → blob sha
  for (const [tip, paths] of pathsAtTip) {
    for (const [path, blob] of await blobsAt(cwd, tip, [...paths])) blobAt.set(`${tip}\0${path}`, blob);
  }

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

/**
 * The branches whose history holds `sha`, local ones first (where a fix goes), then remote ones, each group
 * sorted. Ref names cannot hold spaces or control characters (git check-ref-format), so lines parse safely.
 */
async function refsContaining(cwd: string, sha: string): Promise<RefTip[]> {
  const out = (await git(cwd, ['for-each-ref', `--contains=${sha}`, '--format=%(objectname) %(*objectname) %(refname)', 'refs/heads/', 'refs/remotes/'])).toString('utf8');
  const refs: RefTip[] = [];
  for (const line of out.split('\n')) {
    const [object, peeled, name] = line.split(' ');
    if (!name) continue;
    refs.push({ name, commit: peeled || object });
  }
  const rank = (name: string): number => (name.startsWith('refs/heads/') ? 0 : name.startsWith('refs/remotes/') ? 1 : name.startsWith('refs/tags/') ? 2 : 3);
  return refs.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The blob at each of `paths` in commit `tip` (paths that are gone, or not files, are absent). */
async function blobsAt(cwd: string, tip: string, paths: string[]): Promise<Map<string, string>> {
  const out = await git(cwd, ['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', tip, '--', ...paths]);
  const blobs = new Map<string, string>();
  for (const entry of out.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [, type, sha] = entry.slice(0, tab).split(' ');
    if (type === 'blob') blobs.set(entry.slice(tab + 1), sha);
  }
  return blobs;
}
