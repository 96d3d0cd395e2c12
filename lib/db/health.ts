import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { queueLagSeconds } from "@/lib/jobs/queue";
import { db } from "./prisma";

export async function checkDatabase(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** A queue later than this is reported as not ready: emails and reminders are not going out. */
export const QUEUE_LAG_LIMIT_SECONDS = 300;

export type Readiness = { ready: boolean; database: boolean; migrations: "applied" | "pending" | "unknown"; queueLagSeconds: number | null };

/**
 * Whether this instance should get traffic (issue #13): the database answers,
 * every migration this build ships is applied, the job queue keeps up.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (!(await checkDatabase())) return { ready: false, database: false, migrations: "unknown", queueLagSeconds: null };
  let migrations: Readiness["migrations"] = "unknown";
  try {
    const shipped = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const applied = await db().$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((row) => row.migration_name));
    migrations = shipped.every((name) => done.has(name)) ? "applied" : "pending";
  } catch {
    migrations = "unknown";
  }
  const lag = await queueLagSeconds(db()).catch(() => null);
  return { ready: migrations !== "pending" && (lag === null || lag < QUEUE_LAG_LIMIT_SECONDS), database: true, migrations, queueLagSeconds: lag };
}
