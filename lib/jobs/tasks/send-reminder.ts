import { z } from "zod";
import { sendPickupReminder } from "@/lib/orders/emails/send-reminder";
import type { TaskHandler } from "../context";

const payload = z.object({ orderId: z.string().min(1), slotStartsAt: z.iso.datetime() });

/** The pickup reminder of one order (sent once, and only if the order is still to be collected). */
export const sendReminder: TaskHandler = async (raw, _job, { db, now }) => {
  const { orderId, slotStartsAt } = payload.parse(raw);
  await sendPickupReminder(db, { orderId, slotStartsAt: new Date(slotStartsAt), now: now() });
};
