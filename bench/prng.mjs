// The bench generators' random numbers: an integer-only PRNG (mulberry32), so a seed gives the same
// repository on every engine and machine.

/** Returns rand(n): an integer in [0, n), from `seed`. */
export function prng(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}
