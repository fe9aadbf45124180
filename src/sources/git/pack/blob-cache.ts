// Rebuilt blobs kept for the deltas that will want them as a base: least recently used first out, bounded in
// bytes (git's core.deltaBaseCacheLimit plays the same part, 96 MiB by default). One per thread, shared by
// the packs it reads, so that the bound holds however many packs a repository has.
export class BlobCache {
  private readonly entries = new Map<number, Buffer>();
  private bytes = 0;

  constructor(private readonly limit: number) {}

  get(key: number): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Map order is insertion order: moving a hit to the end keeps the least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  delete(key: number): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.bytes -= old.length;
  }

  set(key: number, data: Buffer): void {
    if (data.length > this.limit / 4) return; // one huge blob would flush everything else
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= old.length;
    this.entries.delete(key);
    this.entries.set(key, data);
    this.bytes += data.length;
    for (const [oldest, bytes] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(oldest);
      this.bytes -= bytes.length;
    }
  }
}
