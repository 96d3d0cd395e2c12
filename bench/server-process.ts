import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { needsBuild } from "@/scripts/lib/build-state";

/** Runs `next build` when there is no production build or a source changed since the last one. */
export function buildIfStale(): void {
  if (!needsBuild()) return;
  console.log("building the production app (sources changed)…");
  const nextCli = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [nextCli, "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

/** A process's resident memory (VmRSS), in MB; 0 when the process is gone or unknown. */
export function rssMegabytes(pid: number | undefined): number {
  let status = "";
  try {
    status = pid ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  } catch {
    // the process has exited
  }
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** V8's view of a server's memory in MB (rss, heapTotal, heapUsed…), from /api/test/requetes: the server needs COMPTOIR_TEST_CLOCK=1. */
export async function serverMemory(baseUrl: string): Promise<Record<string, number>> {
  const body = (await (await fetch(`${baseUrl}/api/test/requetes`)).json()) as { memory: Record<string, number> };
  return body.memory;
}
