/**
 * Load scenario: 10,000 emails all due at the same moment, delivered into the dev
 * mailbox by the job queue with 1 then 2 worker processes (`npm run worker`) on one
 * embedded PostgreSQL.
 *   npm run bench:jobs [-- --emails 10000 --concurrency 4]
 * Prints jobs/s (due time → last delivered), the delay from due time to delivery
 * (p50/p95/p99), and errors (emails not delivered exactly once).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/install";
import { queueEmail } from "@/lib/notifications/outbox";
import { percentile } from "./stats";

const { values } = parseArgs({ options: { emails: { type: "string", default: "10000" }, concurrency: { type: "string", default: "4" } } });
const total = Number(values.emails);

function startWorkers(count: number, url: string): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: url, DEV_MAILBOX: "true", SMTP_URL: "", WORKER_CONCURRENCY: values.concurrency },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-jobs-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const url = withDatabase(server.serverUrl, "bench_jobs");
  try {
    await ensureDatabase(url);
    await applyMigrations(url);
    await installJobQueue(url);
    const db = createPrismaClient(url, { poolSize: 4 });
    for (const workers of [1, 2]) {
      await db.outgoingEmail.deleteMany();
      const children = startWorkers(workers, url);
      // Everything becomes due at once, after the burst is queued and the workers listen.
      const dueAt = new Date(Date.now() + 20_000 + total * 3);
      for (let batch = 0; batch < total; batch += 500) {
        await db.$transaction(async (tx) => {
          for (let i = batch; i < Math.min(total, batch + 500); i++) await queueEmail(tx, { to: `bench-${i}@example.fr`, subject: `Bench ${i}`, text: "…", kind: "bench" }, { runAt: dueAt });
        });
      }
      const started = dueAt.getTime();
      const deadline = Date.now() + 15 * 60_000;
      while ((await db.outgoingEmail.count({ where: { status: "SENT" } })) < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      const rows = await db.outgoingEmail.findMany({ select: { sentAt: true, attempts: true, status: true } });
      const sent = rows.filter((r) => r.status === "SENT" && r.sentAt);
      const delays = sent.map((r) => (r.sentAt as Date).getTime() - started).sort((a, b) => a - b);
      const last = Math.max(...sent.map((r) => (r.sentAt as Date).getTime()));
      const errors = rows.length - sent.length + sent.filter((r) => r.attempts !== 1).length;
      console.log(
        `${`email jobs, ${workers} worker${workers > 1 ? "s" : ""}`.padEnd(24)} jobs=${sent.length}  throughput/s=${((sent.length / (last - started)) * 1000).toFixed(1)}  ` +
          `delay p50 ms=${percentile(delays, 50)}  p95 ms=${percentile(delays, 95)}  p99 ms=${percentile(delays, 99)}  errors=${errors}`,
      );
      await Promise.all(children.map((child) => new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      })));
    }
    await db.$disconnect();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
