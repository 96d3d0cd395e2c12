/** Latency percentiles and a one-line report. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function report(name: string, latencies: number[], elapsedMs: number, extra: Record<string, number | string> = {}): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const fields = {
    requests: latencies.length,
    "throughput/s": ((latencies.length / elapsedMs) * 1000).toFixed(1),
    "p50 ms": percentile(sorted, 50).toFixed(1),
    "p95 ms": percentile(sorted, 95).toFixed(1),
    "p99 ms": percentile(sorted, 99).toFixed(1),
    ...extra,
  };
  return `${name.padEnd(28)} ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join("  ")}`;
}

/** Runs `total` tasks with at most `concurrency` in flight; returns each task's latency in ms. */
export async function runPool(total: number, concurrency: number, task: (index: number) => Promise<void>): Promise<{ latencies: number[]; errors: number; elapsedMs: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const t0 = performance.now();
        try {
          await task(index);
        } catch (error) {
          // The first failure is printed: a run full of errors should say why.
          if (errors++ === 0) console.error("first error:", error);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, errors, elapsedMs: performance.now() - started };
}
