// The blobs of a history's plan (plan.ts): a few hundred thousand on git/git, each with the path it is scanned
// under and the commit that set it. Kept as columns: binary ids numbered by ObjectNumbers and typed arrays indexed
// by that number, about 40 bytes a blob where a sha string and two map entries were about 150 (30 MiB of a
// git/git-sized scan, held through the log's phase).
import { ObjectNumbers } from '../object-numbers.js';
import { grown } from '../typed-arrays.js';

export interface PlannedBlob {
  sha: string;
  path: string;
  /** LogPlan.setBy's meaning: the position of the one commit that set it, or -1. */
  setBy: number;
}

export class PlannedBlobs {
  private numbers = new ObjectNumbers();
  /** Per blob: its path, as an index into `names` (paths are few: most blobs share one with many others). */
  private pathAt = new Int32Array(1024);
  private setter = new Int32Array(1024);
  private names: string[] = [];
  private nameIndex = new Map<string, number>();

  get size(): number {
    return this.numbers.size;
  }

  /** The number of blob `sha`; a new one is numbered size - 1, its path and setter to be set. */
  number(sha: string): number {
    const number = this.numbers.numberOf(sha);
    if (number >= this.setter.length) {
      this.pathAt = grown(this.pathAt);
      this.setter = grown(this.setter);
    }
    return number;
  }

  find(sha: string): number | undefined {
    return this.numbers.find(sha);
  }

  sha(number: number): string {
    return this.numbers.hexAt(number);
  }

  path(number: number): string {
    return this.names[this.pathAt[number]];
  }

  setPath(number: number, path: string): void {
    let name = this.nameIndex.get(path);
    if (name === undefined) {
      name = this.names.length;
      this.names.push(path);
      this.nameIndex.set(path, name);
    }
    this.pathAt[number] = name;
  }

  setterOf(number: number): number {
    return this.setter[number];
  }

  setSetter(number: number, setBy: number): void {
    this.setter[number] = setBy;
  }

  /** Every blob, in the order numbered (the tests compare plans). */
  list(): PlannedBlob[] {
    const blobs: PlannedBlob[] = [];
    for (let number = 0; number < this.size; number++) blobs.push({ sha: this.sha(number), path: this.path(number), setBy: this.setter[number] });
    return blobs;
  }

  /** Lets everything go (the plan is large, and the scan's last phases need none of it). */
  clear(): void {
    this.numbers = new ObjectNumbers();
    this.pathAt = new Int32Array(0);
    this.setter = new Int32Array(0);
    this.names = [];
    this.nameIndex = new Map();
  }
}
