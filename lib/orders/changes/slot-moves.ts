import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/errors";
import { cancelJob, enqueue } from "@/lib/jobs/queue";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { toLocal } from "@/lib/time/zoned";
import { queueSlotMoveEmail } from "../emails/slot-move-emails";
import { mayCancelAsCustomer, sameSecret } from "../order-access";
import { cancelInTransaction } from "./cancel-order";
import { moveOrderToSlot } from "./reschedule";
import { lockOrderRow } from "../lifecycle/lock-order";

/** Orders a closure can move to another slot: placed and paid (or to pay at pickup), not yet handed over. */
export const SHOP_MOVABLE: readonly OrderStatus[] = ["CONFIRMED", "PREPARING", "READY"];
/** Orders a closure can cancel: the movable ones, and those still waiting for their payment. */
export const SHOP_CANCELLABLE_FOR_CLOSURE: readonly OrderStatus[] = ["AWAITING_PAYMENT", ...SHOP_MOVABLE];
/** How many free slots are offered, nearest first. */
export const OPTIONS_OFFERED = 3;
const ANSWER_HOURS = 24;

export type SlotOption = { pickupPointId: string; startsAt: string; endsAt: string };

export const hashSlotMoveSecret = (secret: string) => createHash("sha256").update(`slot-move:${secret}`).digest("hex");
const jobKey = (slotMoveId: string) => `slot-move:${slotMoveId}`;

const orderSelect = {
  id: true, status: true, shopId: true, checkoutId: true, paymentMethod: true, territoryId: true, customerId: true, placedById: true, accessToken: true,
  pickupPointId: true, slotStartsAt: true, slotEndsAt: true, rescheduleCount: true,
  pickupPoint: { select: { kind: true, capacityPerSlot: true } },
  lines: { select: { productId: true, quantity: true, deliveredQuantity: true } },
} as const;

/**
 * The shop closed the slot of a booked order: the customer is offered the nearest
 * free slots at the same point (up to 3) and asked to choose one, or to cancel
 * (refunded), before a deadline (24 h, or an hour before the first slot offered).
 * With no free slot left to offer, the order is cancelled and refunded at once.
 */
export async function proposeSlotMove(db: PrismaClient, request: { orderId: string; reason: string; actorUserId: string | null; now: Date }): Promise<{ outcome: "proposed"; slotMoveId: string; options: SlotOption[] } | { outcome: "cancelled" }> {
  const order = await db.order.findUniqueOrThrow({ where: { id: request.orderId }, select: orderSelect });
  if (!SHOP_MOVABLE.includes(order.status)) throw new DomainError("conflict", "not an order a closure moves", { reason: "notMovable" });
  const free = await listAvailableSlots(db, { shopId: order.shopId, pickupPointId: order.pickupPointId, now: request.now });
  const options = free
    .filter((slot) => slot.remaining > 0 && slot.startsAt.getTime() !== order.slotStartsAt.getTime())
    .slice(0, OPTIONS_OFFERED)
    .map((slot) => ({ pickupPointId: order.pickupPointId, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() }));
  const note = `Créneau fermé par le commerce${request.reason ? ` : ${request.reason}` : ""}`;
  if (options.length === 0) {
    await db.$transaction((tx) => cancelInTransaction(tx, order, { move: "cancelledByChange", from: SHOP_MOVABLE, reason: `${note} (aucun autre créneau libre)`, note, actorUserId: request.actorUserId, now: request.now }));
    return { outcome: "cancelled" };
  }
  const first = new Date(options[0]!.startsAt).getTime();
  const expiresAt = new Date(Math.max(request.now.getTime() + 15 * 60_000, Math.min(request.now.getTime() + ANSWER_HOURS * 3_600_000, first - 3_600_000)));
  const secret = randomBytes(24).toString("base64url");
  return db.$transaction(async (tx) => {
    if (!(await lockOrderRow(tx, order.id, SHOP_MOVABLE, request.now, { slotStartsAt: order.slotStartsAt }))) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
    await tx.slotMove.updateMany({ where: { orderId: order.id, status: "PROPOSED" }, data: { status: "CANCELLED", decidedAt: request.now } });
    const made = await tx.slotMove.create({ data: { orderId: order.id, options, reason: request.reason, tokenHash: hashSlotMoveSecret(secret), expiresAt }, select: { id: true } });
    await tx.orderEvent.create({
      data: {
        orderId: order.id, fromStatus: order.status, toStatus: order.status, actorUserId: request.actorUserId, change: "SLOT_MOVE_PROPOSED", note,
        details: { slotMoveId: made.id, before: { slotStartsAt: order.slotStartsAt.toISOString() }, after: options.map((o) => o.startsAt).join(" | "), reason: request.reason },
      },
    });
    await enqueue(tx, "expire-slot-move", { slotMoveId: made.id }, { runAt: expiresAt, key: jobKey(made.id) });
    await queueSlotMoveEmail(tx, { slotMoveId: made.id, secret });
    return { outcome: "proposed" as const, slotMoveId: made.id, options };
  });
}

const answerInput = z.object({
  slotMoveId: z.string().min(1).max(64),
  secret: z.string().max(200).optional(),
  token: z.string().max(200).optional(),
  /** The index of an offered slot, or "cancel" */
  choice: z.union([z.literal("cancel"), z.coerce.number("choiceInvalid").int("choiceInvalid").min(0, "choiceInvalid").max(OPTIONS_OFFERED - 1, "choiceInvalid")], { message: "choiceInvalid" }),
});

/**
 * The customer answers, once, before the deadline: one of the slots offered (taken
 * only if still free: a full one is refused, nothing changed, another can be chosen),
 * or cancel — refunded online, stock and place given back.
 */
export async function answerSlotMove(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<{ outcome: "moved"; slotStartsAt: Date } | { outcome: "cancelled" }> {
  const input = answerInput.parse(request.input);
  const proposal = await db.slotMove.findUnique({ where: { id: input.slotMoveId }, select: { id: true, status: true, expiresAt: true, options: true, tokenHash: true, order: { select: orderSelect } } });
  const bySecret = proposal && input.secret ? sameSecret(hashSlotMoveSecret(input.secret), proposal.tokenHash) : false;
  if (!proposal || !(bySecret || mayCancelAsCustomer(request.actor, proposal.order, input.token))) throw new NotFoundError("slotMove");
  if (proposal.status !== "PROPOSED") throw new DomainError("conflict", "already answered", { reason: "slotMoveDecided" });
  if (proposal.expiresAt.getTime() <= request.now.getTime()) throw new DomainError("conflict", "past its deadline", { reason: "slotMoveExpired" });
  const actorUserId = request.actor.kind === "user" ? request.actor.userId : null;
  if (input.choice === "cancel") {
    await db.$transaction(async (tx) => {
      await decide(tx, proposal.id, "CANCELLED", true, request.now);
      await cancelInTransaction(tx, proposal.order, { move: "cancelledByChange", from: SHOP_MOVABLE, reason: "Annulée par le client après la fermeture de son créneau", note: "le client a choisi d’annuler", actorUserId, now: request.now });
    });
    return { outcome: "cancelled" };
  }
  const option = (proposal.options as SlotOption[])[input.choice];
  if (!option) throw new DomainError("invalidInput", "not a slot offered", { reason: "choiceInvalid" });
  const target = await offeredSlot(db, proposal.order.shopId, option, request.now);
  if (!target) throw new DomainError("conflict", "this slot is no longer offered", { reason: "slotInvalid" });
  if (target.slot.remaining <= 0) throw new DomainError("conflict", "the slot is full", { reason: "slotFull" });
  await db.$transaction(async (tx) => {
    await decide(tx, proposal.id, "MOVED", true, request.now);
    await moveOrderToSlot(tx, { order: proposal.order, ...target, now: request.now, byCustomer: false, actorUserId, note: "nouveau créneau choisi par le client après une fermeture", statuses: SHOP_MOVABLE });
  });
  return { outcome: "moved", slotStartsAt: target.slot.startsAt };
}

/**
 * The deadline job: unanswered, the order goes to the first slot offered that is
 * still free (each tried in its own savepoint-free transaction: a full one rolls
 * back whole); none left → cancelled and refunded. An answer that won keeps its outcome.
 */
export async function expireSlotMove(db: PrismaClient, request: { slotMoveId: string; now: Date }): Promise<{ outcome: "decided" | "moved" | "cancelled" } | { outcome: "not-yet"; deadline: Date }> {
  const proposal = await db.slotMove.findUnique({ where: { id: request.slotMoveId }, select: { id: true, status: true, expiresAt: true, options: true, order: { select: orderSelect } } });
  if (!proposal || proposal.status !== "PROPOSED") return { outcome: "decided" };
  if (proposal.expiresAt.getTime() > request.now.getTime()) return { outcome: "not-yet", deadline: proposal.expiresAt };
  for (const option of proposal.options as SlotOption[]) {
    const target = await offeredSlot(db, proposal.order.shopId, option, request.now);
    if (!target || target.slot.remaining <= 0) continue;
    try {
      await db.$transaction(async (tx) => {
        await decide(tx, proposal.id, "MOVED", false, request.now);
        await moveOrderToSlot(tx, { order: proposal.order, ...target, now: request.now, byCustomer: false, actorUserId: null, note: "sans réponse : premier créneau proposé encore libre", statuses: SHOP_MOVABLE,
          emailWhy: "Sans réponse de votre part avant l’échéance, nous avons retenu le premier des créneaux proposés encore libre. S’il ne vous convient pas, le suivi de votre commande vous permet d’en changer ou d’annuler tant que c’est possible.",
        });
      });
      return { outcome: "moved" };
    } catch (error) {
      const reason = (error as DomainError).details?.reason;
      if (reason === "slotMoveDecided") return { outcome: "decided" };
      if (reason === "orderChanged") return closeUnanswerable(db, proposal.id, request.now);
      if (reason !== "slotFull") throw error;
    }
  }
  try {
    await db.$transaction(async (tx) => {
      await decide(tx, proposal.id, "CANCELLED", false, request.now);
      await cancelInTransaction(tx, proposal.order, { move: "cancelledByChange", from: SHOP_MOVABLE, reason: "Créneau fermé par le commerce, aucun autre créneau libre à l’heure limite", note: "sans réponse, plus de créneau libre", actorUserId: null, now: request.now });
    });
  } catch (error) {
    const reason = (error as DomainError).details?.reason;
    if (reason === "slotMoveDecided") return { outcome: "decided" };
    if (reason === "notCancellable") return closeUnanswerable(db, proposal.id, request.now);
    throw error;
  }
  return { outcome: "cancelled" };
}

/** The order moved on meanwhile (handed over, cancelled by the shop): the proposal only closes. */
async function closeUnanswerable(db: PrismaClient, slotMoveId: string, now: Date): Promise<{ outcome: "decided" }> {
  await db.slotMove.updateMany({ where: { id: slotMoveId, status: "PROPOSED" }, data: { status: "CANCELLED", decidedAt: now } });
  return { outcome: "decided" };
}

/** The proposal decided once: of the customer and the deadline job, the first here wins. */
async function decide(tx: Tx, slotMoveId: string, status: "MOVED" | "CANCELLED", answered: boolean, now: Date): Promise<void> {
  const decided = await tx.slotMove.updateMany({ where: { id: slotMoveId, status: "PROPOSED" }, data: { status, answered, decidedAt: now } });
  if (decided.count === 0) throw new DomainError("conflict", "already answered", { reason: "slotMoveDecided" });
  await cancelJob(tx, jobKey(slotMoveId));
}

/** The offered slot as the shop's rules give it now (capacity, what is left), or null when no longer offered. */
async function offeredSlot(db: PrismaClient, shopId: string, option: SlotOption, now: Date) {
  const startsAt = new Date(option.startsAt);
  const day = toLocal(startsAt).date;
  const slot = (await listAvailableSlots(db, { shopId, pickupPointId: option.pickupPointId, now, fromDate: day, toDate: day, includeFull: true })).find((s) => s.startsAt.getTime() === startsAt.getTime());
  if (!slot) return null;
  const point = await db.pickupPoint.findUniqueOrThrow({ where: { id: option.pickupPointId }, select: { id: true, kind: true, capacityPerSlot: true } });
  return { point, slot };
}

export type SlotMoveView = { id: string; status: "PROPOSED" | "MOVED" | "CANCELLED"; expiresAt: Date; reason: string; options: { startsAt: Date; endsAt: Date }[]; order: { id: string; reference: string; shopName: string; slotStartsAt: Date; slotEndsAt: Date } };

const viewSelect = { id: true, status: true, expiresAt: true, reason: true, options: true, order: { select: { id: true, reference: true, slotStartsAt: true, slotEndsAt: true, shop: { select: { name: true } } } } } as const;

function toView(found: { id: string; status: SlotMoveView["status"]; expiresAt: Date; reason: string; options: unknown; order: { id: string; reference: string; slotStartsAt: Date; slotEndsAt: Date; shop: { name: string } } }): SlotMoveView {
  return {
    id: found.id, status: found.status, expiresAt: found.expiresAt, reason: found.reason,
    options: (found.options as SlotOption[]).map((o) => ({ startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt) })),
    order: { id: found.order.id, reference: found.order.reference, shopName: found.order.shop.name, slotStartsAt: found.order.slotStartsAt, slotEndsAt: found.order.slotEndsAt },
  };
}

/** The proposal a link shows when the link's secret is its own (else a 404). */
export async function slotMoveForLink(db: PrismaClient, request: { slotMoveId: string; secret: string | undefined }): Promise<SlotMoveView> {
  const found = await db.slotMove.findUnique({ where: { id: request.slotMoveId.slice(0, 64) }, select: { ...viewSelect, tokenHash: true } });
  if (!found || !request.secret || !sameSecret(hashSlotMoveSecret(request.secret.slice(0, 200)), found.tokenHash)) throw new NotFoundError("slotMove");
  return toView(found);
}

/** The open proposal of an order, if any (order page; the caller has checked who may see the order). */
export async function openSlotMoveOfOrder(db: PrismaClient, orderId: string): Promise<SlotMoveView | null> {
  const found = await db.slotMove.findFirst({ where: { orderId, status: "PROPOSED" }, orderBy: { createdAt: "desc" }, select: viewSelect });
  return found ? toView(found) : null;
}

/** The shop chose "cancel and refund" for an order its closure hits: one transaction, the customer emailed, an online payment refunded. */
export async function cancelOrderForClosure(db: PrismaClient, request: { orderId: string; reason: string; actorUserId: string | null; now: Date }): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: request.orderId }, select: orderSelect });
  const reason = `Fermeture exceptionnelle du commerce${request.reason ? ` : ${request.reason}` : ""}`;
  await db.$transaction((tx) => cancelInTransaction(tx, order, { move: "cancelledByChange", from: SHOP_CANCELLABLE_FOR_CLOSURE, reason, note: reason, actorUserId: request.actorUserId, now: request.now }));
}
