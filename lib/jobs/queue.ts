import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

/**
 * The job queue is graphile-worker's, in PostgreSQL (docs/decisions/0004). A job
 * is added with SQL inside the caller's own transaction: it exists exactly when
 * the change that caused it committed.
 */
export type TaskName =
  | "deliver-email"
  | "send-reminder"
  | "no-show"
  | "release-hold"
  | "maintenance"
  | "capture-payment"
  | "transfer-to-shop"
  | "refund-order"
  | "cancel-authorization"
  | "expire-session"
  | "expire-substitution"
  | "expire-slot-move";

export type EnqueueOptions = {
  /** When the job is due (default: now) */
  runAt?: Date;
  /** At most one pending job per key: adding again replaces it (new payload and due time) */
  key?: string;
  /** Attempts before the job is marked failed for good (default 10) */
  maxAttempts?: number;
  /** Lower runs first (sign-in links before digests) */
  priority?: number;
  /** Jobs of one queue run one at a time, in order (a checkout's payment movements) */
  queue?: string;
};

type Db = PrismaClient | Tx;

export async function enqueue(db: Db, task: TaskName, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at := ${options.runAt ?? null}::timestamptz,
    job_key := ${options.key ?? null}::text,
    max_attempts := ${options.maxAttempts ?? 10}::int,
    priority := ${options.priority ?? 0}::int,
    queue_name := ${options.queue ?? null}::text
  )`;
}

/** Removes a pending job by key (a running job finishes; its task re-checks the facts anyway). */
export async function cancelJob(db: Db, key: string): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.remove_job(${key}::text)`;
}

export type QueueCounts = { pending: number; failed: number; running: number };

/** Jobs waiting (due or scheduled), running, and failed for good — for the admin console. */
export async function queueCounts(db: Db): Promise<QueueCounts> {
  const [row] = await db.$queryRaw<{ pending: bigint; failed: bigint; running: bigint }[]>`
    SELECT count(*) FILTER (WHERE attempts < max_attempts AND locked_at IS NULL) AS pending,
           count(*) FILTER (WHERE attempts >= max_attempts) AS failed,
           count(*) FILTER (WHERE locked_at IS NOT NULL) AS running
    FROM graphile_worker.jobs`;
  return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0), running: Number(row?.running ?? 0) };
}

/** How late the queue is: seconds since the oldest job that is due and not taken became due (0 when none waits). */
export async function queueLagSeconds(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ lag: number | null }[]>`
    SELECT extract(epoch FROM now() - min(run_at))::float8 AS lag
    FROM graphile_worker.jobs
    WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()`;
  return Math.max(0, Math.round(row?.lag ?? 0));
}
