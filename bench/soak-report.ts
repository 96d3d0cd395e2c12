import type { AppServer } from "@/tests/helpers/app-server";
import { percentile } from "./stats";

/** The soak's figures (bench/soak.ts): per kind of request, per instance, and the verdict line. */
export const KINDS = ["browse", "search", "cart", "order", "cancel", "shop"] as const;
export type Kind = (typeof KINDS)[number];
export type Outcome = "ok" | "refused" | "error";
export type Sample = { kind: Kind; instance: number; at: number; ms: number; outcome: Outcome };
export type Instance = { name: string; url: string; pid?: number; app?: AppServer; worker: boolean | null; memory: { at: number; rss: number; heapUsed: number | null }[]; requests: number; errors: number };
type SoakRun = { duration: number; warmupSeconds: number; users: number; thinkMs: number; samples: Sample[]; instances: Instance[]; errors: Map<string, number>; refusals: Map<string, number> };

const GROWTH_TARGET_PERCENT = 10;

export const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Error lines in a started server's own log, by message. */
function loggedErrors(instance: Instance): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of instance.app?.output().split("\n") ?? []) {
    if (!/"level":"(error|fatal)"/.test(line)) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      count(found, `${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
    } catch {
      count(found, line.slice(0, 200));
    }
  }
  return found;
}

function ms(value: number): string {
  return value.toFixed(1);
}

/** The run's figures in the stable form the issue asks for, and whether the targets were met. */
export function soakReport(run: SoakRun): { text: string; ok: boolean } {
  const { duration, samples, instances, errors, refusals } = run;
  const WARMUP_SECONDS = run.warmupSeconds;
  const warmupMs = WARMUP_SECONDS * 1000;
  const measuredSeconds = Math.max(0.001, (duration - warmupMs) / 1000);
  const total = samples.length;
  const errorCount = samples.filter((s) => s.outcome === "error").length;
  const refusedCount = samples.filter((s) => s.outcome === "refused").length;
  const p95s: string[] = [];
  const lines: string[] = [];
  lines.push(`soak run ${(duration / 1000).toFixed(0)} s (warm-up ${WARMUP_SECONDS.toFixed(0)} s), ${run.users} users, think ${run.thinkMs} ms, ${instances.length} instances (worker on ${instances.filter((i) => i.worker).map((i) => i.name).join(", ") || "unknown"})`);
  lines.push(`soak requests ${total} errors ${errorCount} refused ${refusedCount}`);
  for (const kind of KINDS) {
    const all = samples.filter((s) => s.kind === kind);
    const measured = all.filter((s) => s.at >= warmupMs).map((s) => s.ms).sort((a, b) => a - b);
    const p95 = percentile(measured, 95);
    p95s.push(`${kind} ${p95.toFixed(0)} ms`);
    lines.push(
      `kind ${kind.padEnd(6)} requests ${all.length} errors ${all.filter((s) => s.outcome === "error").length} refused ${all.filter((s) => s.outcome === "refused").length} ` +
        `p50 ${ms(percentile(measured, 50))} p95 ${ms(p95)} p99 ${ms(percentile(measured, 99))} req/s ${(measured.length / measuredSeconds).toFixed(1)}`,
    );
  }
  const firstOf = (map: Map<string, number>) => [...map].slice(0, 5).map(([what, n]) => `${what} ×${n}`);
  lines.push(`refusals ${refusals.size ? firstOf(refusals).join("; ") : "none"}`);
  lines.push(`errors ${errors.size ? `${errors.size} distinct, first: ${firstOf(errors).join("; ")}` : "none"}`);
  const growths: string[] = [];
  const failures: string[] = [];
  for (const instance of instances) {
    const baseline = instance.memory.find((m) => m.at >= warmupMs);
    // Halfway through the measured part: growth in the second half tells a filling cache (it flattens) from a leak (it goes on).
    const middle = instance.memory.find((m) => m.at >= (warmupMs + duration) / 2);
    const end = instance.memory.at(-1);
    const peak = Math.max(...instance.memory.map((m) => m.rss));
    const heap = baseline?.heapUsed != null && end?.heapUsed != null ? ` heapUsed ${baseline.heapUsed} → ${end.heapUsed} MB` : "";
    const logged = instance.app ? loggedErrors(instance) : null;
    const measured = baseline && end && baseline.rss > 0 && end.rss > 0;
    const growth = measured ? ((end.rss - baseline.rss) / baseline.rss) * 100 : NaN;
    const percent = (value: number) => (Number.isNaN(value) ? "n/a" : `${value >= 0 ? "+" : ""}${value.toFixed(1)} %`);
    const signed = percent(growth);
    const secondHalf = middle && end && middle.rss > 0 ? percent(((end.rss - middle.rss) / middle.rss) * 100) : "n/a";
    growths.push(`${instance.name} ${signed}`);
    if (Number.isNaN(growth)) failures.push(`memory of ${instance.name} not measured`);
    else if (growth >= GROWTH_TARGET_PERCENT) failures.push(`memory growth ${instance.name} ${signed}`);
    lines.push(
      `instance ${instance.name} ${instance.url}${instance.worker ? " (worker)" : ""} requests ${instance.requests} errors ${instance.errors} ` +
        `rss after warm-up ${baseline?.rss ?? "n/a"} MB mid-run ${middle?.rss ?? "n/a"} MB end ${end?.rss ?? "n/a"} MB peak ${peak} MB growth ${signed} (second half ${secondHalf})${heap}` +
        (logged ? ` logged errors ${[...logged.values()].reduce((a, b) => a + b, 0)}${logged.size ? ` (${firstOf(logged).join("; ")})` : ""}` : ""),
    );
  }
  if (errorCount > 0) failures.unshift(`${errorCount} errors`);
  const verdict = failures.length ? `targets NOT met: ${failures.join(", ")}` : `targets met (0 errors, memory growth < ${GROWTH_TARGET_PERCENT} % after warm-up)`;
  lines.push(`soak: ${(duration / 1000).toFixed(0)} s, ${total} requests, ${errorCount} errors, ${refusedCount} refused, p95 ${p95s.join(", ")}, memory growth ${growths.join(" ")} — ${verdict}`);
  return { text: lines.join("\n"), ok: failures.length === 0 };
}

