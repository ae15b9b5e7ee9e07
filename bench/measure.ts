/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; answers calls per second. */
export function opsPerSecond(fn: () => void, ms = 2000): { perSecond: number; meanMs: number } {
  const warmUntil = performance.now() + Math.min(500, ms / 4);
  while (performance.now() < warmUntil) fn();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    fn();
    count++;
    elapsed = performance.now() - start;
  }
  return { perSecond: (count * 1000) / elapsed, meanMs: elapsed / count };
}

/** The p-th percentile (0..100) of single-call durations in ms, over `runs` calls. */
export function percentileMs(fn: () => void, runs: number, p: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function row(label: string, value: string, note = ""): void {
  console.log(`  ${label.padEnd(44)} ${value.padStart(14)}  ${note}`);
}

/** Median, lowest and highest of repeated measurements. */
export function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = values.slice().sort((a, b) => a - b);
  return {
    median: sorted[sorted.length >> 1] ?? 0,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}
