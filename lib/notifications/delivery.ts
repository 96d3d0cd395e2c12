import type { PrismaClient } from "@/generated/prisma/client";
import type { MailTransport } from "./transport";

export type DeliveryOutcome = "sent" | "already-sent";

type Attachment = { filename: string; contentType: string; content: string };

/**
 * Delivers one queued email. The row is claimed first with a conditional update
 * (QUEUED or FAILED → SENDING), so two workers never send it at the same time,
 * and a row once SENT is never sent again. A failure is recorded on the row and
 * thrown, so the queue retries it; on the last attempt the row is left FAILED.
 */
export async function deliverQueuedEmail(
  db: PrismaClient,
  emailId: string,
  options: { transport: MailTransport; lastAttempt: boolean; now: Date; staleClaimMs: number },
): Promise<DeliveryOutcome> {
  // A claim as old as a dead worker's lock is taken over: the worker that made it is gone.
  const staleBefore = new Date(options.now.getTime() - options.staleClaimMs);
  const [claimed] = await db.$queryRaw<{ id: string; toAddress: string; subject: string; text: string; html: string | null; attachments: unknown }[]>`
    UPDATE "OutgoingEmail" SET "status" = 'SENDING', "lockedAt" = ${options.now}
    WHERE "id" = ${emailId} AND ("status" IN ('QUEUED', 'FAILED') OR ("status" = 'SENDING' AND "lockedAt" < ${staleBefore}))
    RETURNING "id", "toAddress", "subject", "text", "html", "attachments"`;
  if (!claimed) {
    const row = await db.outgoingEmail.findUnique({ where: { id: emailId }, select: { status: true } });
    if (!row || row.status === "SENT") return "already-sent";
    throw new Error(`Email ${emailId} is being sent by another worker`);
  }
  try {
    await options.transport.send({
      id: claimed.id,
      to: claimed.toAddress,
      subject: claimed.subject,
      text: claimed.text,
      html: claimed.html,
      attachments: Array.isArray(claimed.attachments) ? (claimed.attachments as Attachment[]) : [],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.outgoingEmail.update({
      where: { id: emailId },
      data: { status: options.lastAttempt ? "FAILED" : "QUEUED", error: message.slice(0, 1000), attempts: { increment: 1 }, lockedAt: null },
    });
    throw error;
  }
  await db.outgoingEmail.update({ where: { id: emailId }, data: { status: "SENT", sentAt: options.now, error: null, attempts: { increment: 1 }, lockedAt: null } });
  return "sent";
}
