import type { PrismaClient } from "@/generated/prisma/client";
import { advanceClockBy } from "@/lib/time/clock";

/**
 * Test harness only (COMPTOIR_TEST_CLOCK=1, or integration tests): moves time
 * forward by `ms` for this process and for the queue — every waiting job becomes
 * due `ms` sooner — so a reminder or a no-show deadline is reached without waiting.
 */
export async function advanceTime(db: PrismaClient, ms: number): Promise<void> {
  advanceClockBy(ms);
  await makeJobsDueSooner(db, ms);
}

/** Waiting jobs come `ms` closer (retries included), then the workers are woken. */
export async function makeJobsDueSooner(db: PrismaClient, ms: number): Promise<void> {
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = run_at - make_interval(secs => ${ms / 1000}) WHERE locked_at IS NULL`;
  await db.$executeRaw`SELECT pg_notify('jobs:insert', '{"r":0,"count":1}')`;
}
