import { z } from "zod";
import { expireSubstitution } from "@/lib/orders/changes/substitutes";
import { enqueue } from "../queue";
import type { TaskHandler } from "../context";

const payload = z.object({ substitutionId: z.string().min(1) });

/** A proposed substitute's deadline: unanswered, its line is removed (issue #24). */
export const expireSubstitutionTask: TaskHandler = async (raw, _job, { db, now }) => {
  const { substitutionId } = payload.parse(raw);
  const result = await expireSubstitution(db, { substitutionId, now: now() });
  // Woken before the deadline: the same job again, at it.
  if (result.outcome === "not-yet") await enqueue(db, "expire-substitution", { substitutionId }, { runAt: result.deadline, key: `substitution:${substitutionId}` });
};
