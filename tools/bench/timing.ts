/**
 * The one timing helper every benchmark uses (npm run bench, bench:suspense, bench:payments,
 * bench:worker), so their figures are measured and summarised the same way: wall-clock time from
 * performance.now(), and the median of an odd number of runs (the upper middle of an even number).
 */

/** The median of the samples: the middle one when sorted (the upper of the two middles for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs fn once: its result and the milliseconds it took. */
export function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
}

/** Runs fn `runs` times, each timed (before each run, `before` may e.g. collect the heap): every time and their median. */
export function timeRuns(fn: () => unknown, runs: number, before?: () => void): { median: number; all: number[] } {
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    before?.();
    all.push(time(fn)[1]);
  }
  return { median: median(all), all };
}
