import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/install";
import { seedDemoData } from "@/prisma/seed/seed";
import { startApp } from "@/tests/helpers/app-server";
import { buildIfStale } from "./server-process";
import type { Instance } from "./soak-report";

export type SoakInstances = { instances: Instance[]; databaseUrl: string; stop: () => Promise<void> };

/**
 * The instances the soak drives: those of BASE_URLS (with their DATABASE_URL and SOAK_PIDS), or two production
 * instances it starts on a fresh embedded PostgreSQL with the demo data — the background worker on A only.
 */
export async function soakInstances(): Promise<SoakInstances> {
  const external = process.env.BASE_URLS?.split(",").map((u) => u.trim().replace(/\/$/, "")).filter(Boolean) ?? [];
  if (external.length) {
    const databaseUrl = process.env.DATABASE_URL ?? "";
    if (!databaseUrl) throw new Error("BASE_URLS needs DATABASE_URL: the database of those instances");
    const pids = (process.env.SOAK_PIDS ?? "").split(",").map(Number);
    const instances = external.map((url, i) => ({ name: String.fromCharCode(65 + i), url, pid: pids[i] || undefined, worker: null, memory: [], requests: 0, errors: 0 }));
    return { instances, databaseUrl, stop: async () => undefined };
  }
  if (process.env.SOAK_BUILD !== "0") buildIfStale();
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-soak-"));
  chmodSync(dir, 0o755);
  let pg: EmbeddedServer | null = null;
  const instances: Instance[] = [];
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.app?.stop()));
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
    const databaseUrl = withDatabase(pg.serverUrl, "soak");
    await ensureDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
    await installJobQueue(databaseUrl);
    await seedDemoData(databaseUrl);
    // One secret for both: a session or cart cookie from one instance is good on the other, as behind a balancer.
    // COMPTOIR_TEST_CLOCK opens /api/test/requetes, which reports the V8 heap.
    const env = { NEXTAUTH_SECRET: randomBytes(24).toString("base64url"), COMPTOIR_TEST_CLOCK: "1" };
    const [a, b] = await Promise.all([startApp({ databaseUrl, env: { ...env, WORKER: "true" } }), startApp({ databaseUrl, env: { ...env, WORKER: "false" } })]);
    instances.push(
      { name: "A", url: a.url, pid: a.process.pid, app: a, worker: true, memory: [], requests: 0, errors: 0 },
      { name: "B", url: b.url, pid: b.process.pid, app: b, worker: false, memory: [], requests: 0, errors: 0 },
    );
    return { instances, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The build the instances serve (a `next build` during the run replaces it under them). */
export function buildId(): string {
  const file = path.join(".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : "none";
}
