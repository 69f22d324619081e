/** Timing and memory helpers for the benchmark. */

/** Percentiles (0..1) of a list of samples. */
export function percentiles(samples: readonly number[], ps: readonly number[]): number[] {
  const sorted = [...samples].sort((a, b) => a - b);
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? 0);
}

/**
 * Runs `f` on the first `warmUp` queries to warm up, then times each query, `rounds` times over;
 * returns p50, p95, p99 in ms, each the median of the rounds' (one pause of the machine or the
 * garbage collector moves a single round's p95 of 200 queries by half a millisecond).
 */
export function timeQueries(queries: readonly string[], f: (q: string) => unknown, warmUp = queries.length, rounds = 3): { p50: number; p95: number; p99: number } {
  for (const q of queries.slice(0, warmUp)) f(q);
  const perRound: number[][] = [];
  for (let round = 0; round < rounds; round++) {
    const samples: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      f(q);
      samples.push(performance.now() - start);
    }
    perRound.push(percentiles(samples, [0.5, 0.95, 0.99]));
  }
  const [p50, p95, p99] = [0, 1, 2].map((i) => percentiles(perRound.map((r) => r[i]!), [0.5])[0]!);
  return { p50: p50!, p95: p95!, p99: p99! };
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run the benchmark with node --expose-gc (npm run bench does)");
  gc();
  gc();
}

/** Builds something and reports the time it took and the heap it holds afterwards (MB). */
export function measureBuild<T>(build: () => T): { value: T; ms: number; heapMb: number } {
  collect();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const value = build();
  const ms = performance.now() - start;
  collect();
  return { value, ms, heapMb: (process.memoryUsage().heapUsed - before) / 1e6 };
}
