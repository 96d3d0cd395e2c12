import { z } from "zod";
import { sendMorningDigests } from "@/lib/dashboard/morning-digest";
import { markNoShowAutomatically } from "@/lib/orders/automatic-no-show";
import { releaseExpiredHold } from "@/lib/orders/unpaid-holds";
import type { TaskContext, TaskHandler } from "../context";

/** The recurring sweeps, each run by graphile-worker's cron on exactly one instance per tick. */
const payload = z.object({ sweep: z.enum(["holds", "no-shows", "digests", "purge"]) });

const BATCH = 200;

/** Safety net behind each order's own job: every expired hold is released within the minute. */
async function sweepExpiredHolds({ db, now }: TaskContext): Promise<void> {
  const expired = await db.order.findMany({ where: { status: "AWAITING_PAYMENT", holdExpiresAt: { lte: now() } }, select: { id: true }, take: BATCH });
  for (const order of expired) await releaseExpiredHold(db, { orderId: order.id, now: now() });
}

/** Safety net for orders placed before a grace change or before this feature: each is checked against its deadline. */
async function sweepNoShows({ db, now }: TaskContext): Promise<void> {
  const overdue = await db.order.findMany({
    where: { status: { in: ["READY", "AT_RELAY_POINT"] }, slotEndsAt: { lte: new Date(now().getTime() - 3_600_000) } },
    select: { id: true },
    orderBy: { slotEndsAt: "asc" },
    take: BATCH,
  });
  for (const order of overdue) await markNoShowAutomatically(db, { orderId: order.id, now: now() });
}

/** Old counters and sessions that can no longer matter. */
async function purge({ db, now }: TaskContext): Promise<void> {
  const dayAgo = new Date(now().getTime() - 86_400_000);
  await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: dayAgo } } });
  await db.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { revokedAt: { lt: dayAgo } }] } });
  await db.workerHeartbeat.deleteMany({ where: { lastSeenAt: { lt: dayAgo } } });
}

export const maintenance: TaskHandler = async (raw, _job, context) => {
  const { sweep } = payload.parse(raw);
  if (sweep === "holds") await sweepExpiredHolds(context);
  else if (sweep === "no-shows") await sweepNoShows(context);
  else if (sweep === "digests") await sendMorningDigests(context.db, context.now());
  else await purge(context);
};

/** graphile-worker crontab: minute hour day month weekday task ?options payload */
export const CRONTAB = [
  `* * * * * maintenance ?id=sweep-holds&max=1 {"sweep":"holds"}`,
  `*/10 * * * * maintenance ?id=sweep-no-shows&max=1 {"sweep":"no-shows"}`,
  `*/15 * * * * maintenance ?id=morning-digests&max=1 {"sweep":"digests"}`,
  `17 * * * * maintenance ?id=purge&max=1 {"sweep":"purge"}`,
].join("\n");
