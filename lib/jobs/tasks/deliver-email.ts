import { z } from "zod";
import { deliverQueuedEmail } from "@/lib/notifications/delivery";
import type { TaskHandler } from "../context";

const payload = z.object({ emailId: z.string().min(1) });

/** Delivers one email of the outbox; a failure is retried with backoff, the last one marks it FAILED. */
export const deliverEmail: TaskHandler = async (raw, job, { db, mail, now, staleWorkerMs }) => {
  const { emailId } = payload.parse(raw);
  await deliverQueuedEmail(db, emailId, { transport: mail, lastAttempt: job.attempts >= job.maxAttempts, now: now(), staleClaimMs: staleWorkerMs });
};
