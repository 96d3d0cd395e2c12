import type { PrismaClient } from "@/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { sameSecret } from "../order-access";
import { hashSubstitutionSecret } from "./substitutes";

/** What the customer and the shop read of a substitute proposal (issue #24, item 2): the link's page and the order pages. */
export type SubstitutionView = {
  id: string;
  lineId: string;
  status: "PROPOSED" | "ACCEPTED" | "REFUSED" | "EXPIRED";
  expiresAt: Date;
  originalName: string;
  originalQuantity: number;
  originalTotalCents: number;
  reason: string;
  productName: string;
  quantity: number;
  unit: string;
  lineTotalCents: number;
  maxLineTotalCents: number;
  soldByWeight: boolean;
  /** Paid online, dearer than the card holds: accepting authorizes this amount instead */
  reauthorizeCents: number | null;
  order: { id: string; reference: string; shopName: string; status: string };
};

const viewSelect = {
  id: true, lineId: true, status: true, expiresAt: true, originalName: true, originalQuantity: true, originalTotalCents: true, reason: true,
  productName: true, quantity: true, unit: true, lineTotalCents: true, maxLineTotalCents: true, soldByWeight: true, reauthorizeCents: true,
} as const;

/**
 * The proposal a link shows, when the link's secret is its own: a tampered or
 * foreign link reads as nothing (404), an answered or expired one shows its outcome.
 */
export async function substitutionForLink(db: PrismaClient, request: { substitutionId: string; secret: string | undefined }): Promise<SubstitutionView> {
  const found = await db.substitution.findUnique({
    where: { id: request.substitutionId.slice(0, 64) },
    select: { tokenHash: true, ...viewSelect, order: { select: { id: true, reference: true, status: true, shop: { select: { name: true } } } } },
  });
  if (!found || !request.secret || !sameSecret(hashSubstitutionSecret(request.secret.slice(0, 200)), found.tokenHash)) throw new NotFoundError("substitution");
  const { tokenHash, order, ...view } = found;
  void tokenHash; // never leaves this function
  return { ...view, order: { id: order.id, reference: order.reference, shopName: order.shop.name, status: order.status } };
}

/** The proposals of an order, newest first (order page; the caller has checked who may see the order). */
export async function substitutionsOfOrder(db: PrismaClient, orderId: string): Promise<Omit<SubstitutionView, "order">[]> {
  return db.substitution.findMany({ where: { orderId }, orderBy: { createdAt: "desc" }, select: viewSelect });
}

