import http from "node:http";
import { percentile } from "./stats";

export type LoadResult = { name: string; requests: number; elapsedMs: number; latencies: number[]; errors: number; bytes: number };

/**
 * A small closed-loop HTTP load generator: `connections` keep-alive connections,
 * each sending its next request as soon as the previous answer is read, for
 * `durationMs`. The body is read as sent (gzip accepted, like a browser), so
 * `bytes` is what travels per response. A non-2xx answer counts as an error.
 */
export async function loadTest(options: {
  name: string;
  baseUrl: string;
  path: string | ((index: number) => string);
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const once = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const request = http.request(
        { host: base.hostname, port: base.port, path, agent, headers: { "accept-encoding": "gzip", accept: "text/html", ...options.headers } },
        (response) => {
          let size = 0;
          response.on("data", (chunk: Buffer) => (size += chunk.length));
          response.on("end", () => {
            latencies.push(performance.now() - t0);
            bytes += size;
            if ((response.statusCode ?? 0) >= 300) errors++;
            resolve();
          });
          response.on("error", () => {
            errors++;
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors++;
        latencies.push(performance.now() - t0);
        resolve();
      });
      request.end();
    });

  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const index = sent++;
        await once(typeof options.path === "function" ? options.path(index) : options.path);
      }
    }),
  );
  agent.destroy();
  return { name: options.name, requests: latencies.length, elapsedMs: performance.now() - started, latencies, errors, bytes: latencies.length ? Math.round(bytes / latencies.length) : 0 };
}

/** `scenario <name> req/s <n> p50 <ms> p95 <ms> p99 <ms> errors <n> bytes <n>` */
export function scenarioLine(result: LoadResult): string {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const rate = result.elapsedMs > 0 ? (result.requests / result.elapsedMs) * 1000 : 0;
  const ms = (p: number) => percentile(sorted, p).toFixed(1);
  return `scenario ${result.name} req/s ${rate.toFixed(1)} p50 ${ms(50)} p95 ${ms(95)} p99 ${ms(99)} errors ${result.errors} bytes ${result.bytes}`;
}

export function throughput(result: LoadResult): number {
  return result.elapsedMs > 0 ? (result.requests / result.elapsedMs) * 1000 : 0;
}
