// Growing the typed arrays that keep history-sized tables compact (object-numbers.ts, the blob plan, presence).

/** A copy of `array` with room for `length` items (twice its length by default), the new ones zero. */
export function grown<T extends Int32Array | Uint8Array>(array: T, length = Math.max(1024, array.length * 2)): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
