import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { signWithTown } from "./town-signature";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the email is about: "sign-in", "order-confirmed", … */
  kind: string;
  orderId?: string;
  territoryId?: string | null;
  attachments?: { filename: string; contentType: string; content: string }[];
};

/**
 * Attempts of a delivery: graphile-worker waits e^n seconds after the n-th failure,
 * so 9 attempts spread over about 80 minutes (more than 30) before the email is
 * marked FAILED.
 */
export const EMAIL_MAX_ATTEMPTS = 9;

/** Sign-in links go first: someone is waiting at the sign-in page. */
const URGENT_KINDS = new Set(["sign-in"]);

/**
 * The transactional outbox: records the email and schedules its delivery in the
 * caller's transaction, so an email exists exactly when the change it reports
 * committed. A worker delivers it (lib/jobs/tasks/deliver-email.ts).
 */
export async function queueEmail(tx: Tx, message: EmailMessage, options: { runAt?: Date } = {}): Promise<string> {
  // An email about a town is signed by it (name and contact its admins set).
  const town = message.territoryId ? await tx.territory.findUnique({ where: { id: message.territoryId }, select: { name: true, contactEmail: true, contactPhone: true, contactAddress: true } }) : null;
  const row = await tx.outgoingEmail.create({
    data: {
      toAddress: message.to,
      subject: message.subject,
      text: town ? signWithTown(message.text, town) : message.text,
      html: message.html ?? null,
      kind: message.kind,
      orderId: message.orderId ?? null,
      territoryId: message.territoryId ?? null,
      attachments: message.attachments ?? undefined,
      status: "QUEUED",
    },
    select: { id: true },
  });
  await enqueue(tx, "deliver-email", { emailId: row.id }, { key: `email:${row.id}`, maxAttempts: EMAIL_MAX_ATTEMPTS, priority: URGENT_KINDS.has(message.kind) ? -10 : 0, runAt: options.runAt });
  return row.id;
}

/** queueEmail in a transaction of its own, for emails that report no other change (sign-in links). */
export function queueEmailAlone(db: PrismaClient, message: EmailMessage): Promise<string> {
  return db.$transaction((tx) => queueEmail(tx, message));
}

/** Sends a failed email again (admin console): back in the queue, attempts counted anew. */
export async function requeueEmail(tx: Tx, emailId: string): Promise<boolean> {
  const updated = await tx.outgoingEmail.updateMany({ where: { id: emailId, status: "FAILED" }, data: { status: "QUEUED", lockedAt: null } });
  if (updated.count === 0) return false;
  await enqueue(tx, "deliver-email", { emailId }, { key: `email:${emailId}`, maxAttempts: EMAIL_MAX_ATTEMPTS });
  return true;
}
