import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load";

/** pgbench from PATH or PostgreSQL's usual install places; null when the machine has none. */
export function findPgbench(): string | null {
  const candidates = ["pgbench", ...["18", "17", "16", "15"].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`)];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/**
 * The database's own yardstick: `pgbench -b tpcb-like` with `clients` connections
 * for `seconds`, on a scratch database (`databaseUrl`) of the same PostgreSQL. Every transaction's
 * latency comes from pgbench's per-transaction log.
 */
export function runPgbench(binary: string, databaseUrl: string, options: { clients: number; seconds: number; scale: number }): LoadResult {
  const url = new URL(databaseUrl);
  const env = { ...process.env, PGHOST: url.hostname, PGPORT: url.port, PGUSER: decodeURIComponent(url.username), PGPASSWORD: decodeURIComponent(url.password), PGDATABASE: url.pathname.slice(1) };
  const pgbench = (args: string[]) => spawnSync(binary, args, { env, encoding: "utf8" });
  const init = pgbench(["-i", "-s", String(options.scale), "-q", "-I", "dtgvp"]);
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const logs = mkdtempSync(path.join(os.tmpdir(), "comptoir-pgbench-"));
  try {
    const run = pgbench(["-b", "tpcb-like", "-c", String(options.clients), "-j", "2", "-T", String(options.seconds), "-l", "--log-prefix", path.join(logs, "tx")]);
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(run.stdout)?.[1] ?? 0);
    // Log lines: client_id transaction_no time_us script_no time_epoch time_us_fraction
    const latencies = readdirSync(logs).flatMap((file) =>
      readFileSync(path.join(logs, file), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => Number(line.split(" ")[2]) / 1000),
    );
    return { name: "pgbench", requests: latencies.length, elapsedMs: tps > 0 ? (latencies.length / tps) * 1000 : options.seconds * 1000, latencies, errors: failed, bytes: 0 };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}
