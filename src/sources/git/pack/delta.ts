// git's delta format (pack entries of type OFS_DELTA / REF_DELTA): two varints (base size, result size), then
// instructions. An instruction byte with the high bit set copies a range of the base (its low 7 bits say which
// offset and size bytes follow; size 0 means 0x10000); otherwise it inserts the next 1..127 bytes verbatim.
// Parsing yields where each instruction lands in the result, which lets the history scan read any part of a
// result without building all of it, and look only at what a blob adds to its base (keyword-blobs.ts).

/**
 * Flat instruction list, in result order: [resultStart, length, source] per instruction, where source >= 0 is
 * an offset in the base (a copy) and source < 0 is -(offset in the delta) - 1 (an insert).
 */
export type DeltaOps = number[];

export interface ParsedDelta {
  size: number;
  ops: DeltaOps;
}

/** The size of the blob a delta builds, from its header alone. */
export function deltaResultSize(delta: Buffer): number {
  return readSize(delta, readSize(delta, 0).next).value;
}

export function parseDelta(delta: Buffer, baseLength: number): ParsedDelta {
  const baseSize = readSize(delta, 0);
  if (baseSize.value !== baseLength) throw new Error(`delta expects a ${baseSize.value}-byte base, got ${baseLength}`);
  const resultSize = readSize(delta, baseSize.next);
  const size = resultSize.value;
  const ops: DeltaOps = [];
  let at = resultSize.next;
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++];
    if (op & 0x80) {
      let offset = 0;
      let length = 0;
      if (op & 0x01) offset = delta[at++];
      if (op & 0x02) offset |= delta[at++] << 8;
      if (op & 0x04) offset |= delta[at++] << 16;
      if (op & 0x08) offset = (offset | (delta[at++] << 24)) >>> 0;
      if (op & 0x10) length = delta[at++];
      if (op & 0x20) length |= delta[at++] << 8;
      if (op & 0x40) length |= delta[at++] << 16;
      if (length === 0) length = 0x10000;
      if (at > delta.length || offset + length > baseLength || written + length > size) throw new Error('delta copies outside its base or result');
      ops.push(written, length, offset);
      written += length;
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > size) throw new Error('delta inserts past its end');
      ops.push(written, op, -at - 1);
      written += op;
      at += op;
    } else throw new Error('delta has a reserved instruction');
  }
  if (written !== size) throw new Error(`delta builds ${written} bytes, expected ${size}`);
  return { size, ops };
}

/** Copies result bytes [from, to) into `out` at `at` (to <= size); returns how many were copied. */
export function copyResult(base: Buffer, delta: Buffer, ops: DeltaOps, from: number, to: number, out: Buffer, at: number): number {
  // The last instruction starting at or before `from`.
  let low = 0;
  let high = ops.length / 3 - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (ops[mid * 3] <= from) low = mid;
    else high = mid - 1;
  }
  let copied = 0;
  for (let o = low * 3; o < ops.length && from < to; o += 3) {
    const skip = from - ops[o];
    const take = Math.min(ops[o + 1] - skip, to - from);
    const source = ops[o + 2];
    if (source >= 0) base.copy(out, at + copied, source + skip, source + skip + take);
    else delta.copy(out, at + copied, -source - 1 + skip, -source - 1 + skip + take);
    copied += take;
    from += take;
  }
  return copied;
}

/** The whole result of `delta` on `base`. */
export function applyDelta(base: Buffer, delta: Buffer, parsed: ParsedDelta = parseDelta(delta, base.length)): Buffer {
  const out = Buffer.allocUnsafe(parsed.size);
  copyResult(base, delta, parsed.ops, 0, parsed.size, out, 0);
  return out;
}

function readSize(data: Buffer, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 1;
  let byte: number;
  do {
    if (at >= data.length) throw new Error('delta header is truncated');
    byte = data[at++];
    value += (byte & 0x7f) * shift;
    shift *= 128;
  } while (byte & 0x80);
  return { value, next: at };
}
