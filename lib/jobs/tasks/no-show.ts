import { z } from "zod";
import { markNoShowAutomatically } from "@/lib/orders/holds/automatic-no-show";
import { enqueue } from "../queue";
import type { TaskHandler } from "../context";

const payload = z.object({ orderId: z.string().min(1) });

/**
 * The no-show check of one order at the end of its grace period. If the shop has
 * since lengthened its grace, the check is rescheduled for the new deadline.
 */
export const noShow: TaskHandler = async (raw, _job, { db, now }) => {
  const { orderId } = payload.parse(raw);
  const result = await markNoShowAutomatically(db, { orderId, now: now() });
  if (result.outcome === "not-yet") await enqueue(db, "no-show", { orderId }, { runAt: result.deadline, key: `no-show:${orderId}` });
};
