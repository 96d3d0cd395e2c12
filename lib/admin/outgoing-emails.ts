import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { isSuperAdmin, requireAdmin } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { queueCounts, type QueueCounts } from "@/lib/jobs/queue";
import { requeueEmail } from "@/lib/notifications/outbox";
import { audit } from "./audit";

const statusFilter = z.enum(["all", "QUEUED", "SENDING", "SENT", "FAILED"]).catch("all");

const emailColumns = { id: true, toAddress: true, subject: true, kind: true, status: true, attempts: true, error: true, createdAt: true, sentAt: true, order: { select: { reference: true } } } as const;

/**
 * The territory's outgoing emails for its admins (status, attempts, last error),
 * and the queue's counts. A super-admin also sees emails tied to no territory
 * (sign-in links).
 */
export async function listOutgoingEmails(db: PrismaClient, request: { actor: Actor; territoryId: string; status?: unknown }): Promise<{ emails: Awaited<ReturnType<typeof findEmails>>; queue: QueueCounts; failed: number }> {
  requireAdmin(request.actor, request.territoryId);
  const status = statusFilter.parse(request.status ?? "all");
  const scope = isSuperAdmin(request.actor) ? { OR: [{ territoryId: request.territoryId }, { territoryId: null }] } : { territoryId: request.territoryId };
  const [emails, queue, failed] = await Promise.all([findEmails(db, { ...scope, ...(status === "all" ? {} : { status }) }), queueCounts(db), db.outgoingEmail.count({ where: { ...scope, status: "FAILED" } })]);
  return { emails, queue, failed };
}

function findEmails(db: PrismaClient, where: object) {
  return db.outgoingEmail.findMany({ where, orderBy: { createdAt: "desc" }, take: 200, select: emailColumns });
}

/** An admin sends a failed email of their territory again; audited. */
export async function retryOutgoingEmail(db: PrismaClient, request: { actor: Actor; territoryId: string; emailId: string }): Promise<void> {
  const user = requireAdmin(request.actor, request.territoryId);
  const email = await db.outgoingEmail.findUnique({ where: { id: request.emailId }, select: { id: true, territoryId: true, status: true } });
  const visible = email && (email.territoryId === request.territoryId || (email.territoryId === null && isSuperAdmin(user)));
  if (!email || !visible) throw new NotFoundError("email");
  await db.$transaction(async (tx) => {
    if (!(await requeueEmail(tx, email.id))) return;
    await audit(tx, { actor: user, territoryId: request.territoryId, action: "email.retry", entityType: "OutgoingEmail", entityId: email.id, before: { status: email.status }, after: { status: "QUEUED" } });
  });
}
