// A pack's .idx file: which objects the pack holds and where each one starts. Versions 1 and 2 (git has
// written v2 since 1.5.2, v1 only survives in very old repositories); SHA-1 or SHA-256 names.
//   v2: "\377tOc" 0002, fanout[256], names[N], crc32[N], offset32[N], offset64[...] (MSB of offset32 set)
//   v1: fanout[256], then N × (offset32, name)
// Offsets are kept as doubles: a pack may be larger than 4 GiB. The names are copied out of the file.

export interface PackIndex {
  count: number;
  hashLength: number;
  /** names[i] = the object name (raw bytes) at hashLength * i, sorted by name. */
  names: Buffer;
  /** offsets[i] = where object i's entry starts in the .pack. */
  offsets: Float64Array;
}

/** What finding an object by name needs (a judge keeps this much of the index once it has its offsets). */
export type PackNames = Pick<PackIndex, 'count' | 'hashLength' | 'names'>;

const V2_MAGIC = 0xff744f63;

export function parsePackIndex(file: Buffer, hashLength: number): PackIndex {
  const v2 = file.length >= 8 && file.readUInt32BE(0) === V2_MAGIC;
  if (v2 && file.readUInt32BE(4) !== 2) throw new Error(`pack index version ${file.readUInt32BE(4)} is not supported`);
  const fanout = v2 ? 8 : 0;
  if (file.length < fanout + 1024) throw new Error('pack index is truncated');
  const count = file.readUInt32BE(fanout + 255 * 4);
  const offsets = new Float64Array(count);
  if (!v2) {
    const names = Buffer.allocUnsafe(count * hashLength);
    const entry = 4 + hashLength;
    if (file.length < 1024 + count * entry) throw new Error('pack index is truncated');
    for (let i = 0; i < count; i++) {
      const at = 1024 + i * entry;
      offsets[i] = file.readUInt32BE(at);
      file.copy(names, i * hashLength, at + 4, at + entry);
    }
    return { count, hashLength, names, offsets };
  }
  const namesAt = fanout + 1024;
  const offsetsAt = namesAt + count * hashLength + count * 4;
  const largeAt = offsetsAt + count * 4;
  if (file.length < largeAt) throw new Error('pack index is truncated');
  for (let i = 0; i < count; i++) {
    const small = file.readUInt32BE(offsetsAt + i * 4);
    if (small & 0x80000000) {
      const at = largeAt + (small & 0x7fffffff) * 8;
      if (at + 8 > file.length) throw new Error('pack index is truncated');
      offsets[i] = file.readUInt32BE(at) * 2 ** 32 + file.readUInt32BE(at + 4);
    } else offsets[i] = small;
  }
  // A copy: a view would keep the whole file (CRCs, offsets) alive as long as the names (git/git: 33 MB).
  return { count, hashLength, names: Buffer.from(file.subarray(namesAt, namesAt + count * hashLength)), offsets };
}

/** The index of `name` (raw bytes) in the pack, or -1: binary search over the sorted names. */
export function findObject(index: PackNames, name: Buffer): number {
  const h = index.hashLength;
  let low = 0;
  let high = index.count - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const order = index.names.compare(name, 0, h, mid * h, mid * h + h);
    if (order === 0) return mid;
    // compare(target, ...) is target-relative: > 0 means names[mid] sorts after `name`.
    if (order > 0) high = mid - 1;
    else low = mid + 1;
  }
  return -1;
}
