// Which blobs of a pack could hold a finding, judged from what each blob adds to its delta base.
//
// A history's blobs are mostly small edits of each other, and git stores them that way: a delta copies ranges
// of its base and inserts a few new bytes. A keyword occurrence in the result either lies wholly inside one
// copied range (then the base had it, at a known place) or touches an inserted range or a seam between two
// instructions (then it lies in a window of (longest keyword - 1) bytes around them). So the keyword positions
// of every blob follow exactly from its base's positions plus a keyword search of those few windows, and the
// 1.3 GiB of the benchmark's blobs cost a search of a few MB. The answer is exact, the same as the byte
// prefilter run over every whole blob (engine/prefilter.ts): blobs with a keyword, or that may be UTF-16 (the
// prefilter lets those through to the decoder), are "dirty" and need a full scan; the rest are clean. With the
// engine's value anchors (JudgeOptions.values), a blob whose keywords are all names (`aws`) is dirty only if it
// could hold a value (engine/scan.ts mayHoldValue, checked on the blob built whole): still no finding missed.
//
// A blob that is some delta's base is rebuilt whole (inflate, apply the delta to its base) and cached until
// its last dependant is judged; a blob that is nobody's base (half of them) is never built: its windows are
// read through the delta's instructions straight from its base and the delta. Anything this reader does not
// judge (a blob over the size limit, a delta on one, a base outside the pack) is left for `git cat-file` to
// read like a loose object.
import { archiveFormat } from '../../../archive/magic.js';
import { mayBeUtf16, type KeywordSet } from '../../../engine/prefilter.js';
import { mayHoldValue } from '../../../engine/scan.js';
import { SNIFF_BYTES } from '../../../text/decode.js';
import { BlobCache } from './blob-cache.js';
import { applyDelta, copyResult, deltaResultSize, parseDelta } from './delta.js';
import { findObject, type PackIndex, type PackNames } from './index-file.js';
import { OBJ_BLOB, OBJ_OFS_DELTA, OBJ_REF_DELTA, PackFile } from './pack-file.js';

export interface JudgeOptions {
  keywords: KeywordSet;
  /** Blobs larger than this are not rebuilt (their deltas are left to git too). */
  maxSize: number;
  /** Shared by the packs a thread reads; a fresh one of 32 MiB by default. */
  cache?: BlobCache;
  /** Tells this pack's cache entries from other packs' (each pack a different number). */
  packNumber?: number;
  /**
   * The engine's value anchors (engine/scan.ts valueAnchors): with them, a blob whose only keywords are names
   * (`aws`) and that holds no value (mayHoldValue) is clean, as the engine would find nothing in it. Without,
   * every keyword makes a blob dirty.
   */
  values?: { anchors: KeywordSet; longRun: number };
}

export interface RangeVerdict {
  /** Blob names (hex) certainly without a keyword: no need to read them again. */
  clean: string[];
  /** Blob names (hex) that need a full scan (a keyword, or perhaps UTF-16). */
  dirty: string[];
  /** The blobs' sizes, in the same order as clean then dirty. */
  cleanSizes: number[];
  dirtySizes: number[];
}

const UNSEEN = 0;
const VISITING = 1;
const NOT_BLOB = 2;
const CLEAN = 3;
const DIRTY = 4;
const LEFT_TO_GIT = 5;

const NO_KEYWORDS: number[] = [];
/** Progress is reported every 1,024 blobs or this many bytes of them (packs.ts decides early from it). */
const REPORT_BYTES = 1024 * 1024;

export class PackJudge {
  /** Entries in offset order ("ranks"): each one's position in the index and start, and each position's rank. */
  private readonly byOffset: Uint32Array;
  private readonly starts: Float64Array;
  private readonly rankOfPosition: Uint32Array;
  /** The index's names (its offsets are `starts` now: 8 bytes an object not kept twice). */
  private readonly index: PackNames;
  /**
   * Each entry's type, inflated size (the delta's for a delta) and header length (its zlib data starts after:
   * at most 52 bytes, a byte where a double was, on a million entries 7 MB).
   */
  private readonly types: Uint8Array;
  private readonly headerSizes: Float64Array;
  private readonly headerLengths: Uint8Array;
  /** The base's rank for a delta (-1: not a delta, -2: a base this pack does not have). */
  private readonly bases: Int32Array;
  /** How many deltas not yet judged use each entry as their base. */
  private readonly dependants: Uint32Array;
  private readonly state: Uint8Array;
  private readonly sizes: Float64Array;
  /** Keyword occurrences (flat [start, length, ...]) of judged blobs that have any. */
  private readonly keywordsOf = new Map<number, number[]>();
  private readonly cache: BlobCache;
  private readonly cacheKey: number;
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** A result's leading bytes, which decide "may be UTF-16" (mayBeUtf16) as for a whole blob. */
  private readonly sniff = Buffer.allocUnsafe(SNIFF_BYTES);

  constructor(
    private readonly pack: PackFile,
    index: PackIndex,
    private readonly options: JudgeOptions,
  ) {
    const count = index.count;
    this.index = { count, hashLength: index.hashLength, names: index.names };
    this.byOffset = offsetOrder(index, pack.length);
    this.starts = new Float64Array(count);
    this.rankOfPosition = new Uint32Array(count);
    for (let rank = 0; rank < count; rank++) {
      this.starts[rank] = index.offsets[this.byOffset[rank]];
      this.rankOfPosition[this.byOffset[rank]] = rank;
    }
    this.types = new Uint8Array(count);
    this.headerSizes = new Float64Array(count);
    this.headerLengths = new Uint8Array(count);
    this.bases = new Int32Array(count);
    this.dependants = new Uint32Array(count);
    for (let rank = 0; rank < count; rank++) {
      const header = pack.header(this.starts[rank], index.hashLength);
      this.types[rank] = header.type;
      this.headerSizes[rank] = header.size;
      const headerLength = header.dataAt - this.starts[rank];
      // (A well-formed header is at most 52 bytes: type and size, then a base's offset or name.)
      if (headerLength > 255) throw new Error(`pack entry header at ${this.starts[rank]} is ${headerLength} bytes long`);
      this.headerLengths[rank] = headerLength;
      let base = -1;
      if (header.type === OBJ_OFS_DELTA) base = this.rankAt(header.baseOffset);
      else if (header.type === OBJ_REF_DELTA) {
        const position = findObject(index, header.baseName!);
        base = position === -1 ? -1 : this.rankOfPosition[position];
      }
      if (header.type === OBJ_OFS_DELTA || header.type === OBJ_REF_DELTA) {
        this.bases[rank] = base === -1 ? -2 : base;
        if (base >= 0) this.dependants[base]++;
      } else this.bases[rank] = -1;
    }
    pack.rewind();
    this.state = new Uint8Array(count);
    this.sizes = new Float64Array(count);
    this.cache = options.cache ?? new BlobCache(32 * 1024 * 1024);
    this.cacheKey = (options.packNumber ?? 0) * 2 ** 32;
  }

  /** Closes the pack file until it is next read. */
  release(): void {
    this.pack.release();
  }

  /** The first rank whose entry starts at or after `fraction` of the pack's bytes: cuts a pack into parts. */
  rankAtFraction(fraction: number): number {
    if (fraction >= 1) return this.starts.length;
    const offset = fraction * this.pack.length;
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Judges the blobs with ranks in [from, to) (and whatever bases they need), reporting only those. Progress:
   * blobs and their bytes since the last call, how many of those bytes are dirty, and how many bytes of the pack
   * those entries took.
   */
  judgeRanks(from: number, to: number, onProgress?: (blobs: number, bytes: number, dirtyBytes: number, packBytes: number) => void): RangeVerdict {
    const verdict: RangeVerdict = { clean: [], dirty: [], cleanSizes: [], dirtySizes: [] };
    let blobs = 0;
    let bytes = 0;
    let dirtyBytes = 0;
    let reportedUpTo = from;
    const report = (rank: number): void => {
      onProgress?.(blobs, bytes, dirtyBytes, this.end(rank) - this.starts[reportedUpTo]);
      reportedUpTo = rank + 1;
      blobs = bytes = dirtyBytes = 0;
    };
    for (let rank = from; rank < to; rank++) {
      this.judge(rank);
      const state = this.state[rank];
      if (state !== CLEAN && state !== DIRTY) continue;
      (state === CLEAN ? verdict.clean : verdict.dirty).push(this.nameOf(rank));
      (state === CLEAN ? verdict.cleanSizes : verdict.dirtySizes).push(this.sizes[rank]);
      blobs++;
      bytes += this.sizes[rank];
      if (state === DIRTY) dirtyBytes += this.sizes[rank];
      if (blobs >= 1024 || bytes >= REPORT_BYTES) report(rank);
    }
    if (to > reportedUpTo) report(to - 1);
    return verdict;
  }

  /** Where blobs are in the pack, for visiting them in pack order (unknown names last). */
  rankOf(name: string): number {
    const position = findObject(this.index, Buffer.from(name, 'hex'));
    return position === -1 ? Infinity : this.rankOfPosition[position];
  }

  /**
   * A judged blob's bytes by name (for the full scan of dirty ones) and its keyword occurrences (flat [start,
   * length, ...]), or null if this pack did not judge it.
   */
  blob(name: string): { data: Buffer; keywords: readonly number[] } | null {
    const position = findObject(this.index, Buffer.from(name, 'hex'));
    if (position === -1) return null;
    const rank = this.rankOfPosition[position];
    if (this.state[rank] !== CLEAN && this.state[rank] !== DIRTY) return null;
    return { data: this.content(rank), keywords: this.keywordsOf.get(rank) ?? NO_KEYWORDS };
  }

  private nameOf(rank: number): string {
    const h = this.index.hashLength;
    return this.index.names.toString('hex', this.byOffset[rank] * h, (this.byOffset[rank] + 1) * h);
  }

  private end(rank: number): number {
    return rank + 1 < this.starts.length ? this.starts[rank + 1] : this.pack.length - this.index.hashLength;
  }

  /** The rank of the entry starting at `offset`, or -1. */
  private rankAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid] === offset) return mid;
      if (this.starts[mid] < offset) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private inflate(rank: number): Buffer {
    return this.pack.inflate(this.starts[rank] + this.headerLengths[rank], this.end(rank), this.headerSizes[rank]);
  }

  /**
   * Judges one entry and, first, the chain of bases under it that are not judged yet. Iterative: git allows
   * chains thousands deep. A base is usually earlier in the pack (an OFS_DELTA's must be), a REF_DELTA's may not.
   */
  private judge(rank: number): void {
    const chain: number[] = [];
    for (let at = rank; at >= 0 && this.state[at] === UNSEEN; at = this.bases[at]) {
      this.state[at] = VISITING; // a damaged pack's cycle of REF_DELTAs stops here
      chain.push(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) this.state[chain[i]] = this.judgeOne(chain[i]);
  }

  private judgeOne(rank: number): number {
    const { keywords, maxSize } = this.options;
    const base = this.bases[rank];
    if (base === -1) {
      if (this.types[rank] !== OBJ_BLOB) return NOT_BLOB;
      if (this.headerSizes[rank] > maxSize) return LEFT_TO_GIT;
      const data = this.inflate(rank);
      this.sizes[rank] = data.length;
      if (this.dependants[rank] > 0) this.cache.set(this.cacheKey + rank, data);
      const found = keywords.any(data) ? unique(keywords.occurrences(data, 0, data.length)) : NO_KEYWORDS;
      return this.verdict(rank, found, mayBeUtf16(data) || archiveFormat(data) !== null, () => data);
    }
    // A base elsewhere (a thin pack's) is git's to resolve, and so is a delta on anything left to git.
    const baseState = base === -2 ? LEFT_TO_GIT : this.state[base];
    if (baseState === NOT_BLOB) return NOT_BLOB;
    if (baseState !== CLEAN && baseState !== DIRTY) return LEFT_TO_GIT;
    const delta = this.inflate(rank);
    if (deltaResultSize(delta) > maxSize) return LEFT_TO_GIT;
    const baseData = this.content(base);
    const parsed = parseDelta(delta, baseData.length);
    this.sizes[rank] = parsed.size;
    const found = this.deltaKeywords(parsed.size, parsed.ops, this.keywordsOf.get(base) ?? NO_KEYWORDS, (from, to, out, at) => copyResult(baseData, delta, parsed.ops, from, to, out, at));
    const sniffed = copyResult(baseData, delta, parsed.ops, 0, Math.min(SNIFF_BYTES, parsed.size), this.sniff, 0);
    // An archive's keywords are compressed out of sight: like possible UTF-16, it is dirty by its first bytes.
    const utf16 = mayBeUtf16(this.sniff.subarray(0, sniffed)) || archiveFormat(this.sniff.subarray(0, sniffed)) !== null;
    // Built whole only if a later delta needs it as a base (or for the value check); the base is let go after
    // its last dependant.
    let built: Buffer | undefined;
    const build = (): Buffer => (built ??= applyDelta(baseData, delta, parsed));
    if (this.dependants[rank] > 0) this.cache.set(this.cacheKey + rank, build());
    const state = this.verdict(rank, found, utf16, build);
    if (--this.dependants[base] === 0) this.cache.delete(this.cacheKey + base);
    return state;
  }

  /** `data` builds the blob's bytes, asked only when keywords alone do not decide. */
  private verdict(rank: number, keywords: number[], utf16: boolean, data: () => Buffer): number {
    if (keywords.length > 0) this.keywordsOf.set(rank, keywords);
    if (utf16) return DIRTY;
    if (keywords.length === 0) return CLEAN;
    const values = this.options.values;
    if (values === undefined) return DIRTY;
    // Names only (`aws` on every line) and no value anywhere: the engine would open no window (engine/scan.ts).
    const bytes = data();
    return values.anchors.any(bytes) || mayHoldValue(bytes.toString('latin1'), values.longRun) ? DIRTY : CLEAN;
  }

  /**
   * Keyword occurrences of a delta's result: those copied whole from the base, plus any in the windows around
   * inserts and seams. `read` copies result bytes [from, to) into a buffer.
   */
  private deltaKeywords(size: number, ops: number[], baseKeywords: number[], read: (from: number, to: number, out: Buffer, at: number) => number): number[] {
    const found: number[] = [];
    for (let o = 0; o < ops.length && baseKeywords.length > 0; o += 3) {
      const source = ops[o + 2];
      if (source < 0) continue;
      const target = ops[o];
      const length = ops[o + 1];
      for (let k = 0; k < baseKeywords.length; k += 2) {
        const at = baseKeywords[k];
        if (at >= source && at + baseKeywords[k + 1] <= source + length) found.push(target + at - source, baseKeywords[k + 1]);
      }
    }
    // Windows: an insert and `margin` bytes either side of it; `margin` bytes either side of every seam.
    const { keywords } = this.options;
    const margin = keywords.longest - 1;
    const windows: number[] = [];
    let windowBytes = 0;
    for (let o = 0; o < ops.length; o += 3) {
      const from = Math.max(0, ops[o] - margin);
      const to = Math.min(size, ops[o + 2] < 0 ? ops[o] + ops[o + 1] + margin : ops[o] + margin);
      const last = windows.length - 1;
      if (last > 0 && from <= windows[last]) {
        windowBytes += Math.max(0, to - windows[last]);
        windows[last] = Math.max(windows[last], to);
      } else if (to > from) {
        windows.push(from, to);
        windowBytes += to - from + 1;
      }
    }
    // All windows side by side, joined by a byte that is in no keyword: one keyword pass, and only on a hit
    // a search of each window for where.
    if (windowBytes > this.scratch.length) this.scratch = Buffer.allocUnsafe(windowBytes * 2);
    const placed: number[] = [];
    let filled = 0;
    for (let w = 0; w < windows.length; w += 2) {
      placed.push(filled);
      filled += read(windows[w], windows[w + 1], this.scratch, filled);
      this.scratch[filled++] = keywords.outsider;
    }
    if (keywords.any(this.scratch.subarray(0, filled))) {
      for (let w = 0; w < windows.length; w += 2) {
        const shift = windows[w] - placed[w / 2];
        const local = keywords.occurrences(this.scratch, placed[w / 2], placed[w / 2] + windows[w + 1] - windows[w]);
        for (let k = 0; k < local.length; k += 2) found.push(local[k] + shift, local[k + 1]);
      }
    }
    return found.length === 0 ? NO_KEYWORDS : unique(found);
  }

  /** A judged blob's bytes: from the cache, or rebuilt from its chain (down to the nearest cached or whole entry). */
  private content(rank: number): Buffer {
    const hit = this.cache.get(this.cacheKey + rank);
    if (hit !== undefined) return hit;
    const chain: number[] = [];
    let data: Buffer | undefined;
    for (let at = rank; data === undefined; ) {
      if (this.bases[at] < 0) data = this.inflate(at);
      else {
        chain.push(at);
        at = this.bases[at];
        data = this.cache.get(this.cacheKey + at);
      }
    }
    // Every link is kept: the next blob asked for is likely on the same chain.
    for (let i = chain.length - 1; i >= 0; i--) {
      data = applyDelta(data, this.inflate(chain[i]));
      this.cache.set(this.cacheKey + chain[i], data);
    }
    return data;
  }
}

/** Index positions in offset order. A typed sort of (offset, position) packed in one double when they fit. */
function offsetOrder(index: PackIndex, packLength: number): Uint32Array {
  const count = index.count;
  if (packLength < 2 ** 32 && count < 2 ** 21) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = index.offsets[i] * 2 ** 21 + i;
    keys.sort();
    const order = new Uint32Array(count);
    for (let rank = 0; rank < count; rank++) order[rank] = keys[rank] % 2 ** 21;
    return order;
  }
  return Uint32Array.from(Array.from({ length: count }, (_, i) => i).sort((a, b) => index.offsets[a] - index.offsets[b]));
}

/** Flat [start, length, ...] pairs sorted and without repeats (an index sort: no string keys, no tuples). */
function unique(pairs: number[]): number[] {
  const count = pairs.length / 2;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => pairs[2 * a] - pairs[2 * b] || pairs[2 * a + 1] - pairs[2 * b + 1]);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = pairs[2 * order[i]];
    const length = pairs[2 * order[i] + 1];
    if (out.length === 0 || out[out.length - 2] !== start || out[out.length - 1] !== length) out.push(start, length);
  }
  return out;
}
