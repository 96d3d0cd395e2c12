import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { queueReminderEmail } from "./follow-up-emails";

/** Orders worth reminding: still to be collected. */
const REMINDABLE: OrderStatus[] = ["CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT"];

/**
 * Reminds the customer of a pickup, once: the conditional update on
 * `reminderSentAt` decides, so a retried or duplicated job sends nothing more. A
 * cancelled, collected or unpaid order, or one whose slot moved since the job was
 * scheduled (a newer job exists), gets no reminder.
 */
export async function sendPickupReminder(db: PrismaClient, request: { orderId: string; slotStartsAt: Date; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: request.orderId, reminderSentAt: null, status: { in: REMINDABLE }, slotStartsAt: request.slotStartsAt },
      data: { reminderSentAt: request.now },
    });
    if (claimed.count === 0) return false;
    await queueReminderEmail(tx, request.orderId);
    return true;
  });
}
