import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";

/** Emails about the shop's orders that could not be delivered: the shop should call those customers. */
export async function listFailedShopEmails(db: PrismaClient, request: { actor: Actor; shopId: string }) {
  requireShopMember(request.actor, request.shopId);
  return db.outgoingEmail.findMany({
    where: { status: "FAILED", order: { shopId: request.shopId } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, toAddress: true, subject: true, error: true, createdAt: true, order: { select: { id: true, reference: true, contactName: true, contactPhone: true } } },
  });
}
