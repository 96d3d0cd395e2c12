import { z } from "zod";
import { releaseExpiredHold } from "@/lib/orders/holds/unpaid-holds";
import type { TaskHandler } from "../context";

const payload = z.object({ orderId: z.string().min(1) });

/** The end of an unpaid order's hold: released unless the payment won the race. */
export const releaseHold: TaskHandler = async (raw, _job, { db, now }) => {
  const { orderId } = payload.parse(raw);
  await releaseExpiredHold(db, { orderId, now: now() });
};
