import { z } from "zod";
import { expireSlotMove } from "@/lib/orders/changes/slot-moves";
import { enqueue } from "../queue";
import type { TaskHandler } from "../context";

const payload = z.object({ slotMoveId: z.string().min(1) });

/** A closed slot's deadline: unanswered, the order goes to the first slot offered still free, or is cancelled (issue #24). */
export const expireSlotMoveTask: TaskHandler = async (raw, _job, { db, now }) => {
  const { slotMoveId } = payload.parse(raw);
  const result = await expireSlotMove(db, { slotMoveId, now: now() });
  if (result.outcome === "not-yet") await enqueue(db, "expire-slot-move", { slotMoveId }, { runAt: result.deadline, key: `slot-move:${slotMoveId}` });
};
