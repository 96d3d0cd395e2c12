import type { PrismaClient } from "@/generated/prisma/client";

/**
 * graphile-worker leaves a job locked for 4 hours when its process dies (kill -9,
 * power loss). Each runner writes a heartbeat for its workers; a job locked by a
 * worker without a recent heartbeat is unlocked here and runs again (its attempt
 * already counted).
 */
export async function beatHeart(db: PrismaClient, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("workerId", "lastSeenAt")
    SELECT id, now() FROM unnest(${workerIds}::text[]) AS id
    ON CONFLICT ("workerId") DO UPDATE SET "lastSeenAt" = now()`;
}

export async function forgetWorkers(db: PrismaClient, workerIds: string[]): Promise<void> {
  if (workerIds.length) await db.workerHeartbeat.deleteMany({ where: { workerId: { in: workerIds } } });
}

/** Unlocks the jobs of workers silent for `staleMs`; returns how many jobs went back to the queue. */
export async function recoverAbandonedJobs(db: PrismaClient, staleMs: number): Promise<number> {
  const seconds = staleMs / 1000;
  const abandoned = await db.$queryRaw<{ workerId: string; jobs: bigint }[]>`
    SELECT j.locked_by AS "workerId", count(*) AS jobs
    FROM graphile_worker._private_jobs j
    WHERE j.locked_by IS NOT NULL
      AND j.locked_at < now() - make_interval(secs => ${seconds})
      AND NOT EXISTS (
        SELECT 1 FROM "WorkerHeartbeat" h WHERE h."workerId" = j.locked_by AND h."lastSeenAt" > now() - make_interval(secs => ${seconds})
      )
    GROUP BY j.locked_by`;
  if (abandoned.length === 0) return 0;
  await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${abandoned.map((a) => a.workerId)}::text[])`;
  await forgetWorkers(db, abandoned.map((a) => a.workerId));
  return abandoned.reduce((sum, a) => sum + Number(a.jobs), 0);
}
