// Between the phases of a long history's scan the main thread's heap is mostly garbage: the log's parse and the
// blob plan (hundreds of thousands of entries) are dropped, but V8 collects its old generation only on reaching a
// limit set by the peak so far, so attribution's and presence's allocations stack on top of it. On a git/git-sized
// history that was the scan's own peak: 275-330 MiB at the end, with 7 MiB of it live (BENCHMARKS.md). One full
// collection between the phases gives it back. V8's gc() is exposed at run time, as jest's leak detector does:
// a flag on Node's command line is not ours to add (hooks and the Action run `keywarden` as it is).
import v8 from 'node:v8';
import vm from 'node:vm';

/** Below this much heap in use a collection would give back little (a full one costs about 1 ms per 2 MB). */
const WORTH_BYTES = 48 * 1024 * 1024;

let gc: (() => void) | null = null;

/** A full garbage collection, when the heap holds enough to be worth one. */
export function collectGarbage(): void {
  if (v8.getHeapStatistics().used_heap_size < WORTH_BYTES) return;
  if (gc === null) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
