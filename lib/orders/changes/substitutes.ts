import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { priceLine } from "@/lib/catalog/line-pricing";
import type { Tx } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/errors";
import { cancelJob, enqueue } from "@/lib/jobs/queue";
import { queuePaymentFollowUp } from "@/lib/payments/follow-up";
import { boundedText, wholeNumber } from "@/lib/validation/fields";
import { fitVoucherUsesToGoods } from "@/lib/vouchers/settle";
import { queueSubstituteEmail } from "../emails/substitute-emails";
import { mayCancelAsCustomer, sameSecret } from "../order-access";
import { cardRoomWith } from "./card-headroom";
import { recomputeOrderTotals } from "./order-totals";
import { cancelInTransaction } from "./cancel-order";
import { applyShortfall, CHANGEABLE, lockChangeableOrder } from "./short-line";
import { lockOrderRow } from "../lifecycle/lock-order";

/** The customer's answer is awaited this long unless the shop says otherwise, never past the slot's start. */
export const DEFAULT_ANSWER_MINUTES = 120;
/** "Accept reasonable substitutes": at most the original line's price plus this share. */
export const REASONABLE_MARGIN_BP = 1000;

export const hashSubstitutionSecret = (secret: string) => createHash("sha256").update(`substitution:${secret}`).digest("hex");
export const substitutionJobKey = (substitutionId: string) => `substitution:${substitutionId}`;

const proposeInput = z.object({
  orderId: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
  productId: z.string().min(1).max(64),
  quantity: wholeNumber(1, 10_000, "quantityInvalid"),
  reason: boundedText(200, "reasonTooLong").transform((value) => value.trim()).pipe(z.string().min(3, "shortReasonRequired")),
  answerWithinMinutes: wholeNumber(15, 24 * 60, "answerWithinInvalid").default(DEFAULT_ANSWER_MINUTES),
});

type LineForCap = { lineTotalCents: number; maxLineTotalCents: number };

/**
 * The most a substitute may cost. Paid online, never more than the card's
 * authorization covers for the line (its maximum); applied without asking (the
 * customer's standing consent), also at most the line's price + 10 %.
 */
export function substituteCap(line: LineForCap, options: { online: boolean; automatic: boolean }): number {
  const reasonable = Math.floor((line.lineTotalCents * (10_000 + REASONABLE_MARGIN_BP)) / 10_000);
  const authorized = Math.max(line.maxLineTotalCents, line.lineTotalCents);
  if (options.online && options.automatic) return Math.min(reasonable, authorized);
  if (options.online) return authorized;
  return options.automatic ? reasonable : Number.POSITIVE_INFINITY;
}

/**
 * Paid online: null when the substitute fits what the card's authorization holds for the
 * checkout; else the new authorization it needs (the checkout's new maximum). Refused when
 * the authorization was already captured (at its deadline): it cannot be replaced any more.
 */
export async function reauthorizationFor(db: Tx | PrismaClient, change: { orderId: string; lineMaxBefore: number; lineMaxAfter: number }): Promise<number | null> {
  const room = await cardRoomWith(db, change);
  if (room.neededCents <= room.authorizedCents) return null;
  if (room.paymentStatus !== "AUTHORIZED") {
    const maxEuros = Math.max(0, room.authorizedCents - (room.neededCents - change.lineMaxAfter)) / 100;
    throw new DomainError("conflict", "more than the card's authorization, already captured", { reason: "substituteOverAuthorization", maxEuros });
  }
  return room.neededCents;
}

/** The link's secret is never returned: it goes to the customer's email only (staff cannot answer for them). */
export type ProposalResult = { substitutionId: string; applied: boolean; expiresAt: Date };

/**
 * Staff propose another product of the shop for a line they cannot hand over as
 * ordered. The customer who chose "accept reasonable substitutes" at checkout gets
 * it at once when it fits the cap; otherwise they are emailed a one-use link to
 * accept or refuse until the deadline (default 2 h, never past the slot's start),
 * when a job removes the line. One proposal at a time per line (the order's row
 * is locked first, then the pending ones counted).
 */
export async function proposeSubstitute(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<ProposalResult> {
  const input = proposeInput.parse(request.input);
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true, shopId: true, status: true, paymentMethod: true, acceptSubstitutes: true, slotStartsAt: true,
      lines: { select: { id: true, productId: true, productName: true, quantity: true, deliveredQuantity: true, lineTotalCents: true, maxLineTotalCents: true } },
    },
  });
  if (!order) throw new NotFoundError("order");
  const staff = requireShopMember(request.actor, order.shopId);
  if (!CHANGEABLE.includes(order.status)) throw new DomainError("conflict", "lines change while preparing", { reason: "notBeingPrepared" });
  const line = order.lines.find((l) => l.id === input.lineId);
  if (!line) throw new DomainError("invalidInput", "not a line of this order", { reason: "lineNotInOrder" });
  if (line.deliveredQuantity !== null) throw new DomainError("conflict", "only a line still as ordered", { reason: "lineAlreadyChanged" });
  if (input.productId === line.productId) throw new DomainError("invalidInput", "the same product", { reason: "sameProduct" });
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, shopId: true, name: true, unit: true, active: true, stock: true, priceCents: true, vatRateBp: true, soldByWeight: true, pieceGrams: true, weightToleranceBp: true },
  });
  if (!product || product.shopId !== order.shopId) throw new DomainError("invalidInput", "a product of another shop", { reason: "substituteNotInShop" });
  if (!product.active) throw new DomainError("conflict", "not on sale", { reason: "substituteUnavailable" });
  if (product.stock !== null && product.stock < input.quantity) throw new DomainError("conflict", "not enough in stock", { reason: "substituteSoldOut", stock: product.stock });
  const price = priceLine(product, input.quantity);
  const online = order.paymentMethod === "ONLINE";
  const reauthorizeCents = online ? await reauthorizationFor(db, { orderId: order.id, lineMaxBefore: Math.max(line.maxLineTotalCents, line.lineTotalCents), lineMaxAfter: price.maxTotalCents }) : null;
  // More than the card holds: only with the customer's explicit consent and a new authorization (substitute-payment.ts).
  const automatic = order.acceptSubstitutes && reauthorizeCents === null && price.maxTotalCents <= substituteCap(line, { online, automatic: true });
  const expiresAt = new Date(Math.min(request.now.getTime() + input.answerWithinMinutes * 60_000, order.slotStartsAt.getTime()));
  if (!automatic && expiresAt.getTime() <= request.now.getTime() + 5 * 60_000) throw new DomainError("conflict", "no time left to ask", { reason: "tooLateToAsk" });
  const secret = randomBytes(24).toString("base64url");

  return db.$transaction(async (tx) => {
    await lockChangeableOrder(tx, order.id, request.now);
    const pending = await tx.substitution.count({ where: { lineId: line.id, status: "PROPOSED" } });
    if (pending > 0) throw new DomainError("conflict", "a proposal already waits for the customer", { reason: "substitutePending" });
    const proposal = await tx.substitution.create({
      data: {
        orderId: order.id, lineId: line.id, originalName: line.productName, originalQuantity: line.quantity, originalTotalCents: line.lineTotalCents, reason: input.reason,
        productId: product.id, productName: product.name, unit: product.unit, quantity: input.quantity, unitPriceCents: product.priceCents, vatRateBp: product.vatRateBp,
        soldByWeight: product.soldByWeight && price.estimatedGrams !== null, estimatedGrams: price.estimatedGrams, lineTotalCents: price.totalCents, maxLineTotalCents: price.maxTotalCents,
        tokenHash: hashSubstitutionSecret(secret), expiresAt, proposedById: staff.userId, automatic, reauthorizeCents,
      },
      select: { id: true },
    });
    await tx.orderEvent.create({
      data: {
        orderId: order.id, fromStatus: order.status, toStatus: order.status, actorUserId: staff.userId, change: "SUBSTITUTE_PROPOSED",
        note: `${line.productName} → ${input.quantity} × ${product.name} proposé${automatic ? " (accord donné à la commande)" : ""} : ${input.reason}`,
        details: {
          substitutionId: proposal.id, lineId: line.id, productName: line.productName, before: `${line.quantity} × ${line.productName}`, after: `${input.quantity} × ${product.name}`,
          lineTotalBefore: line.lineTotalCents, lineTotalAfter: price.totalCents, reason: input.reason, automatic, expiresAt: expiresAt.toISOString(),
        },
      },
    });
    if (automatic) {
      await applySubstitute(tx, { substitutionId: proposal.id, actorUserId: staff.userId, now: request.now });
    } else {
      await enqueue(tx, "expire-substitution", { substitutionId: proposal.id }, { runAt: expiresAt, key: substitutionJobKey(proposal.id) });
      await queueSubstituteEmail(tx, { substitutionId: proposal.id, secret, kind: "proposed" });
    }
    return { substitutionId: proposal.id, applied: automatic, expiresAt };
  });
}

const answerInput = z.object({
  substitutionId: z.string().min(1).max(64),
  /** The email's one-use secret, or the order's link (order page), or the customer's account */
  secret: z.string().max(200).optional(),
  token: z.string().max(200).optional(),
  answer: z.enum(["accept", "refuse"], { message: "answerInvalid" }),
});

export type AnswerResult = { outcome: "accepted" | "refused"; totalCents: number } | { outcome: "payment-required"; reauthorizeCents: number };

/**
 * The customer accepts or refuses a proposal, once, before its deadline. Accepted:
 * the substitute's stock is taken atomically (sold out meanwhile → refused with
 * that reason, nothing changed, the proposal still open) and the line replaced;
 * refused: the line is removed as a missing one. Racing the deadline job, exactly
 * one of them decides (the proposal's status is updated conditionally).
 */
export async function answerSubstitute(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<AnswerResult> {
  const input = answerInput.parse(request.input);
  const proposal = await db.substitution.findUnique({
    where: { id: input.substitutionId },
    select: {
      id: true, tokenHash: true, status: true, expiresAt: true, maxLineTotalCents: true,
      line: { select: { maxLineTotalCents: true, lineTotalCents: true } },
      order: { select: { id: true, checkoutId: true, paymentMethod: true, customerId: true, placedById: true, shopId: true, territoryId: true, accessToken: true } },
    },
  });
  const bySecret = proposal && input.secret ? sameSecret(hashSubstitutionSecret(input.secret), proposal.tokenHash) : false;
  if (!proposal || !(bySecret || mayCancelAsCustomer(request.actor, proposal.order, input.token))) throw new NotFoundError("substitution");
  if (proposal.status !== "PROPOSED") throw new DomainError("conflict", "already answered", { reason: "substituteDecided", status: proposal.status });
  if (proposal.expiresAt.getTime() <= request.now.getTime()) throw new DomainError("conflict", "past its deadline", { reason: "substituteExpired" });
  const actorUserId = request.actor.kind === "user" ? request.actor.userId : null;
  const onlineAccept = input.answer === "accept" && proposal.order.paymentMethod === "ONLINE";
  return db.$transaction(async (tx) => {
    // The checkout before the order, as the payment's settlement locks them (settle-session, substitute-payment): never the other way round.
    if (onlineAccept) await tx.$queryRaw`SELECT 1 FROM "Checkout" WHERE "id" = ${proposal.order.checkoutId} FOR UPDATE`;
    await lockChangeableOrder(tx, proposal.order.id, request.now);
    if (onlineAccept) {
      // Other lines of the basket may have changed since the proposal: the card's room is read again, one answer per checkout at a time.
      const reauthorizeCents = await reauthorizationFor(tx, { orderId: proposal.order.id, lineMaxBefore: Math.max(proposal.line.maxLineTotalCents, proposal.line.lineTotalCents), lineMaxAfter: proposal.maxLineTotalCents });
      if (reauthorizeCents !== null) {
        await tx.substitution.updateMany({ where: { id: proposal.id, status: "PROPOSED" }, data: { reauthorizeCents } });
        return { outcome: "payment-required" as const, reauthorizeCents };
      }
    }
    const decided = await tx.substitution.updateMany({
      where: { id: proposal.id, status: "PROPOSED", expiresAt: { gt: request.now } },
      data: { status: input.answer === "accept" ? "ACCEPTED" : "REFUSED", decidedAt: request.now },
    });
    if (decided.count === 0) throw new DomainError("conflict", "already answered", { reason: "substituteDecided" });
    await cancelJob(tx, substitutionJobKey(proposal.id));
    if (input.answer === "accept") return { outcome: "accepted" as const, totalCents: (await applySubstitute(tx, { substitutionId: proposal.id, actorUserId, now: request.now })).totalCents };
    return { outcome: "refused" as const, totalCents: (await removeLine(tx, proposal.id, "refusé", actorUserId, request.now)).totalCents };
  });
}

/**
 * The deadline job: a proposal still unanswered removes its line as missing. An
 * order no longer being prepared (cancelled, or handed over) only closes the
 * proposal. Conditional on the proposal's status: an answer that won keeps its outcome.
 */
export async function expireSubstitution(db: PrismaClient, request: { substitutionId: string; now: Date }): Promise<{ outcome: "expired" | "decided" | "order-closed" } | { outcome: "not-yet"; deadline: Date }> {
  const proposal = await db.substitution.findUnique({ where: { id: request.substitutionId }, select: { id: true, status: true, expiresAt: true, orderId: true } });
  if (!proposal || proposal.status !== "PROPOSED") return { outcome: "decided" };
  if (proposal.expiresAt.getTime() > request.now.getTime()) return { outcome: "not-yet", deadline: proposal.expiresAt };
  return db.$transaction(async (tx) => {
    const changeable = await lockOrderRow(tx, proposal.orderId, CHANGEABLE, request.now);
    const closed = await tx.substitution.updateMany({ where: { id: proposal.id, status: "PROPOSED" }, data: { status: "EXPIRED", decidedAt: request.now } });
    if (closed.count === 0) return { outcome: "decided" as const };
    if (!changeable) return { outcome: "order-closed" as const };
    await removeLine(tx, proposal.id, "sans réponse", null, request.now);
    return { outcome: "expired" as const };
  });
}

/** The line becomes the substitute: its stock taken now (the original's is not there), totals, vouchers, history, email, money. */
export async function applySubstitute(tx: Tx, change: { substitutionId: string; actorUserId: string | null; now: Date }): Promise<{ totalCents: number }> {
  const s = await tx.substitution.findUniqueOrThrow({ where: { id: change.substitutionId } });
  const taken = await tx.$executeRaw`UPDATE "Product" SET "stock" = "stock" - ${s.quantity}, "updatedAt" = now() WHERE "id" = ${s.productId} AND "active" AND ("stock" IS NULL OR "stock" >= ${s.quantity})`;
  if (taken === 0) throw new DomainError("conflict", "the substitute sold out meanwhile", { reason: "substituteSoldOut" });
  if (s.automatic) await tx.substitution.update({ where: { id: s.id }, data: { status: "ACCEPTED", decidedAt: change.now } });
  const replaced = await tx.orderLine.updateMany({
    where: { id: s.lineId, deliveredQuantity: null },
    data: {
      productId: s.productId, productName: s.productName, unit: s.unit, quantity: s.quantity, unitPriceCents: s.unitPriceCents, vatRateBp: s.vatRateBp,
      soldByWeight: s.soldByWeight, estimatedGrams: s.estimatedGrams, actualGrams: null, lineTotalCents: s.lineTotalCents, maxLineTotalCents: s.maxLineTotalCents,
    },
  });
  if (replaced.count === 0) throw new DomainError("conflict", "someone changed this line meanwhile", { reason: "lineChanged" });
  const order = await tx.order.findUniqueOrThrow({ where: { id: s.orderId }, select: { id: true, checkoutId: true, paymentMethod: true, status: true, deliveryFeeCents: true, totalCents: true } });
  const totals = await recomputeOrderTotals(tx, order);
  const { releasedCents } = await fitVoucherUsesToGoods(tx, order.id, change.now);
  await tx.orderEvent.create({
    data: {
      orderId: order.id, fromStatus: order.status, toStatus: order.status, actorUserId: change.actorUserId, change: "SUBSTITUTED",
      note: `${s.originalName} remplacé par ${s.quantity} × ${s.productName}${s.automatic ? " (accord donné à la commande)" : ""}`,
      details: {
        substitutionId: s.id, lineId: s.lineId, productName: s.originalName, before: `${s.originalQuantity} × ${s.originalName}`, after: `${s.quantity} × ${s.productName}`,
        lineTotalBefore: s.originalTotalCents, lineTotalAfter: s.lineTotalCents, reason: s.reason, automatic: s.automatic, totalBefore: order.totalCents, totalAfter: totals.totalCents, voucherReleasedCents: releasedCents,
      },
    },
  });
  await queueSubstituteEmail(tx, { substitutionId: s.id, kind: "applied" });
  await queuePaymentFollowUp(tx, order, { amountChanged: true });
  return { totalCents: totals.totalCents };
}

/** A refused or unanswered proposal: the line goes as a missing one (item 1), the customer told why. */
async function removeLine(tx: Tx, substitutionId: string, why: "refusé" | "sans réponse", actorUserId: string | null, now: Date): Promise<{ totalCents: number }> {
  const s = await tx.substitution.findUniqueOrThrow({
    where: { id: substitutionId },
    select: {
      reason: true, productName: true,
      order: { select: { id: true, checkoutId: true, paymentMethod: true, deliveryFeeCents: true, totalCents: true, lines: { select: { id: true, quantity: true, deliveredQuantity: true } } } },
      line: { select: { id: true, productId: true, productName: true, quantity: true, deliveredQuantity: true, unitPriceCents: true, soldByWeight: true } },
    },
  });
  const reason = `${s.reason} (remplacement par ${s.productName} ${why})`;
  const othersLeft = s.order.lines.some((l) => l.id !== s.line.id && (l.deliveredQuantity ?? l.quantity) > 0);
  const result = await applyShortfall(tx, { order: s.order, line: s.line, delivered: 0, reason, restock: false, actorUserId, now, emailed: othersLeft });
  if (othersLeft) return result;
  // Nothing left to hand over: the order is cancelled (as the shop would for a line missing alone), refunded if paid online.
  await cancelInTransaction(tx, s.order, { move: "cancelledByChange", from: CHANGEABLE, reason: `Plus rien à vous remettre : ${reason}`, note: reason, actorUserId, now });
  return { totalCents: 0 };
}
