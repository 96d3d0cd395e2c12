import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { DomainError, isDomainError, NotFoundError } from "@/lib/errors";
import { cancelJob, enqueue } from "@/lib/jobs/queue";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { firstDelivery } from "@/lib/payments/webhook-events";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";
import { formatPrice } from "@/lib/money/format";
import { mayCancelAsCustomer, sameSecret } from "../order-access";
import { cardRoomWith } from "./card-headroom";
import { lockChangeableOrder } from "./short-line";
import { applySubstitute, hashSubstitutionSecret, substitutionJobKey } from "./substitutes";

/** Stripe's shortest payment page (30 minutes from its creation), with a minute to spare. */
const PAGE_MINUTES = 31;
/** Capture at the latest 24 hours before the card authorization lapses (as for the first one). */
const CAPTURE_MARGIN_MS = 24 * 3_600_000;

const startInput = z.object({
  substitutionId: z.string().min(1).max(64),
  secret: z.string().max(200).optional(),
  token: z.string().max(200).optional(),
});

const proposalSelect = {
  id: true, status: true, expiresAt: true, tokenHash: true, reauthorizeCents: true, stripeSessionId: true, stripeSessionUrl: true, maxLineTotalCents: true, productName: true, quantity: true,
  line: { select: { maxLineTotalCents: true, lineTotalCents: true } },
  order: { select: { id: true, reference: true, checkoutId: true, territoryId: true, customerId: true, placedById: true, shopId: true, accessToken: true, contactEmail: true, paymentMethod: true } },
} as const;

/**
 * The customer accepts a substitute dearer than what their card's authorization holds
 * (issue #24, item 2): a new payment page authorizes the checkout's new maximum on the
 * card. Once it is authorized (settleSubstitutePayment), the substitute is applied and the
 * new authorization replaces the old one, which is released: the card is still charged
 * once, at the end, for what is owed. The same page again while it is open.
 */
export async function startSubstitutePayment(db: PrismaClient, gateway: PaymentGateway, request: { actor: Actor; input: unknown; now: Date }): Promise<{ url: string }> {
  const input = startInput.parse(request.input);
  const proposal = await db.substitution.findUnique({ where: { id: input.substitutionId }, select: proposalSelect });
  const bySecret = proposal && input.secret ? sameSecret(hashSubstitutionSecret(input.secret), proposal.tokenHash) : false;
  if (!proposal || !(bySecret || mayCancelAsCustomer(request.actor, proposal.order, input.token))) throw new NotFoundError("substitution");
  if (proposal.status !== "PROPOSED") throw new DomainError("conflict", "already answered", { reason: "substituteDecided", status: proposal.status });
  if (proposal.expiresAt.getTime() <= request.now.getTime()) throw new DomainError("conflict", "past its deadline", { reason: "substituteExpired" });
  if (proposal.order.paymentMethod !== "ONLINE") throw new DomainError("conflict", "not paid online", { reason: "substituteNoPaymentNeeded" });
  const room = await cardRoomWith(db, { orderId: proposal.order.id, lineMaxBefore: Math.max(proposal.line.maxLineTotalCents, proposal.line.lineTotalCents), lineMaxAfter: proposal.maxLineTotalCents });
  if (room.neededCents <= room.authorizedCents) throw new DomainError("conflict", "the card already covers it", { reason: "substituteNoPaymentNeeded" });
  if (room.paymentStatus !== "AUTHORIZED") throw new DomainError("conflict", "the authorization was captured", { reason: "substituteOverAuthorization", maxEuros: 0 });
  if (proposal.stripeSessionId) {
    const open = await gateway.getCheckoutSession(proposal.stripeSessionId);
    if (open.status === "open" && open.url) return { url: open.url };
    if (open.status === "complete") {
      await settleSubstitutePayment(db, gateway, { sessionId: open.id, now: request.now });
      throw new DomainError("conflict", "already paid", { reason: "substituteDecided" });
    }
  }
  const publicUrl = await publicUrlOfTerritory(db, proposal.order.territoryId);
  // Back to the page the customer answered from, with the same proof of who they are.
  const back = input.secret && bySecret
    ? `${publicUrl}/remplacements/${proposal.id}?s=${encodeURIComponent(input.secret)}`
    : `${publicUrl}/commandes/${proposal.order.id}?t=${proposal.order.accessToken}`;
  const session = await gateway.createCheckoutSession({
    checkoutId: proposal.order.checkoutId,
    lines: [{ name: `Nouvelle autorisation — commande ${proposal.order.reference} avec ${proposal.quantity} × ${proposal.productName} (l’ancienne est libérée)`, amountCents: room.neededCents }],
    customerEmail: proposal.order.contactEmail,
    successUrl: `${back}&paiement=ok`,
    cancelUrl: `${back}&paiement=annule`,
    expiresAt: new Date(request.now.getTime() + PAGE_MINUTES * 60_000),
    idempotencyKey: `substitute-session:${proposal.id}:${request.now.getTime()}`,
  });
  await db.substitution.updateMany({ where: { id: proposal.id, status: "PROPOSED" }, data: { reauthorizeCents: room.neededCents, stripeSessionId: session.id, stripeSessionUrl: session.url } });
  if (!session.url) throw new DomainError("conflict", "no payment page", { reason: "paymentUnavailable" });
  return { url: session.url };
}

export type SubstitutePaymentOutcome = "accepted" | "pending" | "expired" | "failed" | "unknown" | "already" | "released";

/**
 * The new authorization's page, read from the provider (the webhook, the customer's return,
 * or a retry all call it: one outcome). Authorized and the proposal still open, the goods
 * still there: the substitute is applied, the checkout's authorization becomes the new one
 * (its capture deadline with it) and the old one is released. Anything else (answered or
 * past its deadline meanwhile, sold out, the order moved on): the new authorization is
 * released, nothing else changes, and the customer can still answer while the proposal is open.
 */
export async function settleSubstitutePayment(db: PrismaClient, gateway: PaymentGateway, request: { sessionId: string; now: Date; event?: { id: string; type: string } }): Promise<SubstitutePaymentOutcome> {
  const proposal = await db.substitution.findUnique({ where: { stripeSessionId: request.sessionId }, select: { id: true, orderId: true, order: { select: { checkoutId: true } } } });
  if (!proposal) return "unknown";
  const checkoutId = proposal.order.checkoutId;
  const session = await gateway.getCheckoutSession(request.sessionId);
  if (session.status === "open") return "pending";
  if (session.status === "expired" || !session.paymentIntentId) {
    await db.$transaction(async (tx) => {
      if (!(await firstDelivery(tx, request.event))) return;
      await tx.substitution.updateMany({ where: { id: proposal.id, stripeSessionId: request.sessionId, status: "PROPOSED" }, data: { stripeSessionId: null, stripeSessionUrl: null } });
    });
    return "expired";
  }
  const authorization = await gateway.getAuthorization(session.paymentIntentId);
  if (authorization.status !== "requires_capture") return "failed";
  try {
    return await db.$transaction(async (tx) => {
      if (!(await firstDelivery(tx, request.event))) return "already" as const;
      const [checkout] = await tx.$queryRaw<{ paymentStatus: string; stripePaymentIntentId: string | null }[]>`SELECT "paymentStatus", "stripePaymentIntentId" FROM "Checkout" WHERE "id" = ${checkoutId} FOR UPDATE`;
      if (checkout?.stripePaymentIntentId === authorization.id) return "already" as const;
      if (checkout?.paymentStatus !== "AUTHORIZED" || !checkout.stripePaymentIntentId) throw new DomainError("conflict", "the first authorization is no longer there", { reason: "substituteOverAuthorization", maxEuros: 0 });
      await acceptPaidSubstitute(tx, { substitutionId: proposal.id, orderId: proposal.orderId, authorizedCents: authorization.amountCapturable, paymentIntentId: authorization.id, now: request.now });
      await tx.checkout.update({
        where: { id: checkoutId },
        data: { stripePaymentIntentId: authorization.id, stripeChargeId: authorization.chargeId, authorizedCents: authorization.amountCapturable, captureBefore: authorization.captureBefore },
      });
      const key = `authorization:${checkoutId}:${proposal.id}`;
      await tx.payment.upsert({ where: { idempotencyKey: key }, create: { checkoutId, kind: "AUTHORIZATION", amountCents: authorization.amountCapturable, status: "SUCCEEDED", providerId: authorization.id, idempotencyKey: key }, update: {} });
      await enqueue(tx, "cancel-authorization", { checkoutId, paymentIntentId: checkout.stripePaymentIntentId }, { key: `cancel-authorization:${checkout.stripePaymentIntentId}`, queue: `payments:${checkoutId}` });
      if (authorization.captureBefore) {
        await enqueue(tx, "capture-payment", { checkoutId, deadline: true }, { key: `capture-deadline:${checkoutId}`, queue: `payments:${checkoutId}`, runAt: new Date(authorization.captureBefore.getTime() - CAPTURE_MARGIN_MS) });
      }
      return "accepted" as const;
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // Not applied: the customer's new hold on the card is lifted; the proposal stays as it was.
    await db.$transaction(async (tx) => {
      if (!(await firstDelivery(tx, request.event))) return;
      await tx.substitution.updateMany({ where: { id: proposal.id, stripeSessionId: request.sessionId, status: "PROPOSED" }, data: { stripeSessionId: null, stripeSessionUrl: null } });
      await enqueue(tx, "cancel-authorization", { checkoutId, paymentIntentId: authorization.id }, { key: `cancel-authorization:${authorization.id}`, queue: `payments:${checkoutId}` });
      const { status } = await tx.order.findUniqueOrThrow({ where: { id: proposal.orderId }, select: { status: true } });
      await tx.orderEvent.create({ data: { orderId: proposal.orderId, fromStatus: status, toStatus: status, note: `nouvelle autorisation de ${formatPrice(authorization.amountCapturable, "fr")} libérée : remplacement non appliqué (${String(error.details?.reason ?? error.message)})` } });
    });
    return "released";
  }
}

/** Inside the settlement: the proposal accepted on the new authorization's strength, if it still can be. */
async function acceptPaidSubstitute(tx: Tx, paid: { substitutionId: string; orderId: string; authorizedCents: number; paymentIntentId: string; now: Date }): Promise<void> {
  await lockChangeableOrder(tx, paid.orderId, paid.now);
  const s = await tx.substitution.findUniqueOrThrow({ where: { id: paid.substitutionId }, select: { maxLineTotalCents: true, line: { select: { maxLineTotalCents: true, lineTotalCents: true } } } });
  const room = await cardRoomWith(tx, { orderId: paid.orderId, lineMaxBefore: Math.max(s.line.maxLineTotalCents, s.line.lineTotalCents), lineMaxAfter: s.maxLineTotalCents });
  if (room.neededCents > paid.authorizedCents) throw new DomainError("conflict", "the new authorization is short", { reason: "substituteOverAuthorization", maxEuros: paid.authorizedCents / 100 });
  const decided = await tx.substitution.updateMany({ where: { id: paid.substitutionId, status: "PROPOSED", expiresAt: { gt: paid.now } }, data: { status: "ACCEPTED", decidedAt: paid.now, paymentIntentId: paid.paymentIntentId } });
  if (decided.count === 0) throw new DomainError("conflict", "already answered or past its deadline", { reason: "substituteDecided" });
  await cancelJob(tx, substitutionJobKey(paid.substitutionId));
  await applySubstitute(tx, { substitutionId: paid.substitutionId, actorUserId: null, now: paid.now });
}

/**
 * Back from the new authorization's page (the webhook may come later): the open pages of an
 * order's proposals (or of one proposal) are settled from the provider's state. Reading only
 * what the caller may already see: the order's id or the link's proposal.
 */
export async function refreshSubstitutePayments(db: PrismaClient, gateway: PaymentGateway, request: { orderId?: string; substitutionId?: string; now: Date }): Promise<void> {
  if (!request.orderId && !request.substitutionId) return;
  const open = await db.substitution.findMany({
    where: { status: "PROPOSED", stripeSessionId: { not: null }, ...(request.orderId ? { orderId: request.orderId } : { id: request.substitutionId }) },
    select: { stripeSessionId: true },
  });
  for (const { stripeSessionId } of open) if (stripeSessionId) await settleSubstitutePayment(db, gateway, { sessionId: stripeSessionId, now: request.now });
}
