// The branches' history in memory, for presence (presence.ts): the branches that hold a commit are the branch
// tips its descendants reach. Without git's commit-graph file every ancestry question walks history
// (`for-each-ref --contains` once per commit took a minute each on a git/git-shaped repository), so commits and
// their parents are read once, numbered (ObjectNumbers), and the parent → child edges kept in typed arrays: as
// strings in maps, the 200,000 commits of a git/git-sized history took about 60 MiB.
import { ObjectNumbers } from './object-numbers.js';
import { grown } from './typed-arrays.js';

export interface RefTip {
  name: string;
  /** The commit at the tip (an annotated tag is peeled). */
  commit: string;
}

/** For each commit, the branches whose history holds it, local ones first (where a fix goes), then remote ones, each group sorted. */
export interface BranchGraph {
  /** For each commit, the branches that hold it (none: on no branch). */
  holders(commits: ReadonlySet<string>): Map<string, RefTip[]>;
}

/**
 * Commits and their parents. Filled from `git rev-list --parents` (presence.ts), or by a whole history's scan
 * from its own log as it streams (commits/plan.ts readPlan): then presence needs no second walk of history.
 */
export class Ancestry {
  readonly ids = new ObjectNumbers();
  /** [parent, child, parent, child, ...] */
  private edges: Int32Array = new Int32Array(1 << 16);
  private count = 0;
  private sealed = false;

  /** Every commit of the history is in: the read that filled it has read the whole log (seal). */
  get complete(): boolean {
    return this.sealed;
  }

  /** Said by the read that filled it, once it has read the whole log without error. */
  seal(): void {
    this.sealed = true;
  }

  /** A commit and its parents (hex ids of one width: ObjectNumbers refuses any other). */
  add(sha: string, parents: readonly string[]): void {
    const child = this.ids.numberOf(sha);
    for (const parent of parents) this.edge(this.ids.numberOf(parent), child);
  }

  /** An edge between commits numbered in `ids` already (rev-list's lines are numbered as they are parsed). */
  edge(parent: number, child: number): void {
    if (this.count + 2 > this.edges.length) this.edges = grown(this.edges);
    this.edges[this.count++] = parent;
    this.edges[this.count++] = child;
  }

  /** The branches that hold each commit, answered from these edges (every branch tip must be among the commits). */
  branches(tips: ReadonlyMap<string, RefTip[]>): BranchGraph {
    const { ids, edges, count } = this;
    // Children of each commit, as one array with each commit's run marked by `first` (CSR).
    const first = new Int32Array(ids.size + 1);
    for (let e = 0; e < count; e += 2) first[edges[e] + 1]++;
    for (let id = 0; id < ids.size; id++) first[id + 1] += first[id];
    const children = new Int32Array(count / 2);
    const filled = first.slice(0, ids.size);
    for (let e = 0; e < count; e += 2) children[filled[edges[e]]++] = edges[e + 1];
    const tipsById = new Map<number, RefTip[]>();
    for (const [sha, refs] of tips) {
      const id = ids.find(sha);
      if (id !== undefined) tipsById.set(id, refs);
    }
    const seen = new Uint8Array(ids.size);
    return { holders: (commits) => holdersIn(commits, ids, first, children, tipsById, seen) };
  }
}

function holdersIn(commits: ReadonlySet<string>, ids: ObjectNumbers, first: Int32Array, children: Int32Array, tipsById: Map<number, RefTip[]>, seen: Uint8Array): Map<string, RefTip[]> {
  const holders = new Map<string, RefTip[]>([...commits].map((sha) => [sha, []]));
  for (const sha of commits) {
    const start = ids.find(sha);
    if (start === undefined) continue; // on no branch
    const visited = [start];
    seen[start] = 1;
    const found: RefTip[] = [];
    for (let v = 0; v < visited.length; v++) {
      const next = visited[v];
      for (const tip of tipsById.get(next) ?? []) found.push(tip);
      for (let c = first[next]; c < first[next + 1]; c++) {
        if (seen[children[c]] === 1) continue;
        seen[children[c]] = 1;
        visited.push(children[c]);
      }
    }
    for (const id of visited) seen[id] = 0;
    holders.set(sha, sortRefs(found));
  }
  return holders;
}

/** Local branches first, then remote ones, each group sorted. */
function sortRefs(refs: RefTip[]): RefTip[] {
  const rank = (name: string): number => (name.startsWith('refs/heads/') ? 0 : 1);
  return refs.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
