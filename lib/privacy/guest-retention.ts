import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { eraseOrderContacts } from "./erase-orders";

const ENDED: OrderStatus[] = ["COLLECTED", "CANCELLED", "NO_SHOW"];
const BATCH = 200;

/** The same day `months` calendar months earlier (UTC): "12 months after" reads as a person expects. */
export function monthsBefore(date: Date, months: number): Date {
  const shifted = new Date(date);
  shifted.setUTCMonth(shifted.getUTCMonth() - months);
  return shifted;
}

/**
 * Erases the contact details of guests' orders that ended longer ago than their
 * town's retention period (RGPD storage limitation; default 12 months). Orders of
 * signed-in customers stay with the account until it is deleted. Runs daily from
 * the job queue, in batches, each in its own transaction; running it twice erases
 * nothing more.
 */
export async function anonymiseExpiredGuestOrders(db: PrismaClient, options: { now: Date; maxBatches?: number }): Promise<number> {
  const territories = await db.territory.findMany({ select: { id: true, guestRetentionMonths: true } });
  let erased = 0;
  for (const territory of territories) {
    const cutoff = monthsBefore(options.now, territory.guestRetentionMonths);
    for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
      const expired = await db.order.findMany({
        where: { territoryId: territory.id, anonymizedAt: null, customerId: null, status: { in: ENDED }, updatedAt: { lt: cutoff } },
        select: { id: true },
        take: BATCH,
      });
      if (expired.length === 0) break;
      erased += await db.$transaction((tx) => eraseOrderContacts(tx, expired.map((order) => order.id), "expiredGuest", options.now));
      if (expired.length < BATCH) break;
    }
  }
  return erased;
}
