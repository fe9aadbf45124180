// At most N git processes of one kind at a time.

/** `run` with at most `slots` calls in flight; the others wait their turn. */
export function limited<A, R>(slots: number, run: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (arg) => {
    if (active < slots) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing call hands its slot over
    try {
      return await run(arg);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
