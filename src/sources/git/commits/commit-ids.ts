// The commits a history scan covers, in git log's order, held as binary ids in one growing buffer: 20 bytes
// a commit (32 with SHA-256) where an array of strings costs about 80. A later read of the log is pinned to
// exactly these commits (`git log --no-walk=unsorted --stdin`), so that a ref moved in the meantime cannot
// make it read another history than the one scanned.
import { RuntimeError } from '../../../errors.js';
import { words } from '../../../words/index.js';

export class CommitIds {
  private bytes = Buffer.alloc(0);
  private width = 0;
  count = 0;

  add(sha: string): void {
    const width = sha.length / 2;
    if (this.count === 0) this.width = width;
    else if (width !== this.width) throw new RuntimeError(words().git.idLengths(this.width * 2, sha.length));
    if ((this.count + 1) * width > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(64 * width, this.bytes.length * 2));
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    this.bytes.write(sha, this.count * width, width, 'hex');
    this.count++;
  }

  at(index: number): string {
    return this.bytes.toString('hex', index * this.width, (index + 1) * this.width);
  }

  /**
   * The ids at the given positions (all when none are given), in order, as hex lines for git's stdin: one
   * buffer, where 200,000 strings and their join added about 30 MB to a git/git-sized scan's peak.
   */
  lines(indexes?: readonly number[]): Buffer {
    const count = indexes?.length ?? this.count;
    const line = this.width * 2 + 1;
    const out = Buffer.alloc(count * line);
    for (let k = 0; k < count; k++) {
      const index = indexes === undefined ? k : indexes[k];
      out.write(this.bytes.toString('hex', index * this.width, (index + 1) * this.width), k * line, 'latin1');
      out[k * line + line - 1] = 10;
    }
    return out;
  }
}
