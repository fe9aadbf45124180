// The main thread's queue of dirty blobs handed over by the pack threads while they scan (pack-worker.ts,
// packs.ts): once the log is read, the main thread mostly waits for them, so it takes a share of the scanning.
// The queue's size is shared through an Int32Array over a SharedArrayBuffer (Atomics): KiB handed over and not
// yet scanned. A thread hands its next blob over while that is under HAND_KIB and scans it itself otherwise,
// so the main thread takes as much as it keeps up with, and no more (it may be scanning loose blobs too).

/** At most this much waits in the main thread's queue (about 10 ms of its scanning) before a thread hands more. */
export const HAND_KIB = 1024;

/**
 * Larger blobs are never handed over: a handed blob is a copy (the thread's cache keeps its own), and a copy of
 * a blob of hundreds of MB would add its size to the peak (memory.test.ts bounds it at twice the blob's size).
 */
export const HAND_MAX_BYTES = HAND_KIB * 1024;

/** The KiB a handed blob counts for: whole KiB, so that the int32 cannot overflow with files up to terabytes. */
export function queuedKib(bytes: number): number {
  return Math.ceil(bytes / 1024);
}
