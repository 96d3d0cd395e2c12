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

/** The retention of emails not tied to a town (sign-in links, account emails). */
const DEFAULT_RETENTION_MONTHS = 12;

/**
 * Deletes the outbox's sent and failed emails older than their town's retention period: their text repeats
 * names, addresses and orders (confirmations, shops' morning digests), and once delivered the outbox only
 * served to follow them. Queued emails are never touched. Returns how many went.
 */
export async function deleteExpiredEmails(db: PrismaClient, options: { now: Date }): Promise<number> {
  const territories = await db.territory.findMany({ select: { id: true, guestRetentionMonths: true } });
  const done = { status: { in: ["SENT", "FAILED"] as ("SENT" | "FAILED")[] } };
  let deleted = 0;
  for (const territory of territories) {
    deleted += (await db.outgoingEmail.deleteMany({ where: { ...done, territoryId: territory.id, createdAt: { lt: monthsBefore(options.now, territory.guestRetentionMonths) } } })).count;
  }
  deleted += (await db.outgoingEmail.deleteMany({ where: { ...done, territoryId: null, createdAt: { lt: monthsBefore(options.now, DEFAULT_RETENTION_MONTHS) } } })).count;
  return deleted;
}
