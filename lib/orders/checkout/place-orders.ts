import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireOperator } from "@/lib/auth/guards";
import type { CartOwner } from "@/lib/cart/cart-owner";
import { getCart } from "@/lib/cart/get-cart";
import { includedVat, priceLine } from "@/lib/catalog/line-pricing";
import { deliveryFeeVatCents } from "@/lib/delivery/fee";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { DomainError, isDomainError } from "@/lib/errors";
import { assertAllowed, consumeLimits, LIMITS, releaseLimits } from "@/lib/security/rate-limit";
import { applyVouchers, type AppliedVoucher } from "@/lib/vouchers/apply";
import { CheckoutError, type CheckoutProblem } from "./checkout-error";
import { newAccessToken, newOrderReference, newPickupCode } from "./codes";
import { HOLD_MINUTES } from "../emails/follow-up-times";
import { scheduleFollowUps } from "../emails/follow-ups";
import { queueOrderConfirmations } from "../emails/order-emails";
import { addressBucket } from "@/lib/http/client-address";
import { assertTownOpen } from "@/lib/territory/open";
import { placeOrdersInput } from "./place-orders-input";
import { groupAtRelayPoints } from "../handover/relay-baskets";
import { validateCheckout, type ShopCheckout } from "./validate-checkout";
import { confirmAtCheckout } from "../lifecycle/transition";

export type PlacedCheckout = {
  checkoutId: string;
  accessToken: string;
  created: boolean;
  orders: { id: string; reference: string; pickupCode: string; accessToken: string; shopId: string }[];
};

type ProductRow = { id: string; name: string; unit: string; priceCents: number; vatRateBp: number; soldByWeight: boolean; pieceGrams: number | null; weightToleranceBp: number };

/**
 * Who submits a checkout: the signed-in user (or operator), else the guest's cart
 * cookie, hashed. A checkout is handed back on a retry only to the same owner, so
 * an idempotency key seen elsewhere opens nothing.
 */
export function checkoutOwnerKey(actor: Actor, owner: CartOwner): string {
  if (actor.kind === "user") return `user:${actor.userId}`;
  const token = owner.guestToken ?? randomUUID(); // no cookie: matches nothing
  return `guest:${createHash("sha256").update(token).digest("base64url")}`;
}

/** The checkout already made with this key, if its owner is the one asking again. */
async function findCheckout(db: PrismaClient, idempotencyKey: string, ownerKey: string): Promise<PlacedCheckout | null> {
  const checkout = await db.checkout.findUnique({
    where: { idempotencyKey },
    select: { id: true, ownerKey: true, accessToken: true, orders: { select: { id: true, reference: true, pickupCode: true, accessToken: true, shopId: true } } },
  });
  if (!checkout) return null;
  if (checkout.ownerKey !== ownerKey) throw new DomainError("conflict", "idempotency key used by someone else", { reason: "checkoutKeyUsed" });
  return { checkoutId: checkout.id, accessToken: checkout.accessToken, created: false, orders: checkout.orders };
}

/** Takes the stock of every line, in product-id order (the lock order every transaction follows). */
async function takeStock(tx: Tx, shops: ShopCheckout[], cartNames: Map<string, string>): Promise<Map<string, ProductRow>> {
  const lines = shops.flatMap((s) => s.lines.map((l) => ({ ...l, shopId: s.shopId }))).sort((a, b) => (a.productId < b.productId ? -1 : 1));
  const taken = new Map<string, ProductRow>();
  const problems: CheckoutProblem[] = [];
  for (const line of lines) {
    const rows = await tx.$queryRaw<ProductRow[]>`
      UPDATE "Product" SET "stock" = "stock" - ${line.quantity}, "updatedAt" = now()
      WHERE "id" = ${line.productId} AND "shopId" = ${line.shopId} AND "active" AND ("stock" IS NULL OR "stock" >= ${line.quantity})
      RETURNING "id", "name", "unit", "priceCents", "vatRateBp", "soldByWeight", "pieceGrams", "weightToleranceBp"`;
    const row = rows[0];
    if (row) {
      taken.set(row.id, row);
      continue;
    }
    const current = await tx.product.findUnique({ where: { id: line.productId }, select: { stock: true, active: true, name: true } });
    const name = current?.name ?? cartNames.get(line.productId) ?? "";
    problems.push(current?.active ? { kind: "stock", productId: line.productId, name, available: current.stock ?? 0 } : { kind: "unavailableProduct", productId: line.productId, name });
  }
  if (problems.length) throw new CheckoutError(problems);
  return taken;
}

/**
 * Books one place in each chosen slot (shop slot, then the relay point's own
 * capacity). The capacity is today's schedule's: an owner who lowers it changes
 * existing counters too (never below what is already booked).
 */
async function bookSlots(tx: Tx, shops: ShopCheckout[]): Promise<void> {
  const ordered = [...shops].sort((a, b) => `${a.shopId}|${a.pickupPointId}`.localeCompare(`${b.shopId}|${b.pickupPointId}`));
  const problems: CheckoutProblem[] = [];
  for (const shop of ordered) {
    const { startsAt, endsAt, capacity } = shop.slot;
    const booked = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "SlotCounter" ("id", "shopId", "pickupPointId", "startsAt", "endsAt", "capacity", "booked")
      VALUES (${randomUUID()}, ${shop.shopId}, ${shop.pickupPointId}, ${startsAt}, ${endsAt}, ${capacity}, 1)
      ON CONFLICT ("shopId", "pickupPointId", "startsAt")
      DO UPDATE SET "booked" = "SlotCounter"."booked" + 1, "capacity" = EXCLUDED."capacity"
      WHERE "SlotCounter"."booked" < EXCLUDED."capacity"
      RETURNING "id"`;
    if (booked.length === 0) problems.push({ kind: "slotFull", shopId: shop.shopId });
  }
  for (const shop of ordered.filter((s) => s.relayCapacity !== null).sort((a, b) => a.pickupPointId.localeCompare(b.pickupPointId))) {
    const booked = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RelayPointSlotCounter" ("id", "pickupPointId", "startsAt", "endsAt", "capacity", "booked")
      VALUES (${randomUUID()}, ${shop.pickupPointId}, ${shop.slot.startsAt}, ${shop.slot.endsAt}, ${shop.relayCapacity}, 1)
      ON CONFLICT ("pickupPointId", "startsAt")
      DO UPDATE SET "booked" = "RelayPointSlotCounter"."booked" + 1, "capacity" = EXCLUDED."capacity"
      WHERE "RelayPointSlotCounter"."booked" < EXCLUDED."capacity"
      RETURNING "id"`;
    if (booked.length === 0) problems.push({ kind: "slotFull", shopId: shop.shopId });
  }
  if (problems.length) throw new CheckoutError(problems);
}

/** The least a card payment can be (the provider refuses less than 0,50 €). */
const MIN_CARD_CENTS = 50;

/**
 * An online order the vouchers pay entirely — or all but a few cents, less than a
 * card can be charged — needs no payment page: confirmed at once, any rest paid
 * at pickup.
 */
async function confirmFullyCovered(tx: Tx, orders: { id: string; maxTotalCents: number; online: boolean }[], vouchers: AppliedVoucher[]): Promise<string[]> {
  const covered = orders.filter((order) => order.online && order.maxTotalCents - vouchers.reduce((sum, v) => sum + (v.perOrder[order.id] ?? 0), 0) < MIN_CARD_CENTS).map((order) => order.id);
  for (const id of covered) {
    await confirmAtCheckout(tx, id);
  }
  return covered;
}

/** Tries to place the checkout again when a new order drew a reference already taken (rolled back whole). */
async function drawingReferencesAgain<T>(place: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await place();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error, "Order_reference_key")) throw error;
    }
  }
}

/**
 * Turns the cart into one order per shop, in one transaction: stock and slot
 * capacity are taken by conditional updates, so two customers racing for the
 * last item or place cannot both win. The confirmation emails and the later jobs
 * (reminder, no-show check, end of an unpaid hold) are queued in that same
 * transaction. The same idempotency key always yields the same checkout, however
 * often it is submitted.
 */
export async function placeOrders(
  db: PrismaClient,
  request: {
    actor: Actor;
    owner: CartOwner;
    territoryId: string;
    input: unknown;
    onBehalfOfCaller?: boolean;
    now: Date;
    /** Whether online payment can be taken (a payment provider is configured) */
    onlinePayment?: boolean;
    /** The client's address, for the voucher codes' rate limit */
    clientIp?: string;
  },
): Promise<PlacedCheckout> {
  const input = placeOrdersInput.parse(request.input);
  const now = request.now;
  const operator = request.onBehalfOfCaller ? requireOperator(request.actor, request.territoryId) : null;
  const customerId = !operator && request.actor.kind === "user" ? request.actor.userId : null;
  if (!operator && !input.contact.email) throw new DomainError("invalidInput", "email required", { field: "email", reason: "emailRequired" });

  const ownerKey = checkoutOwnerKey(request.actor, request.owner);

  const previous = await findCheckout(db, input.idempotencyKey, ownerKey);
  if (previous) return previous;

  // Guessing codes is slow: a customer or an address that typed too many wrong codes waits. The attempt is
  // counted before the code is read (one statement: a burst cannot slip under the limit) and given back
  // unless the code was wrong (right codes cost nothing).
  const codeLimits = [{ limit: LIMITS.voucherCodeOwner, subject: ownerKey }, { limit: LIMITS.voucherCodeIp, subject: addressBucket(request.clientIp ?? "unknown") }];
  if (input.voucherCode) assertAllowed(await consumeLimits(db, codeLimits, now));
  let wrongCode = false;

  try {
    await assertTownOpen(db, request.territoryId);
    const cart = await getCart(db, request.owner, request.territoryId);
    const shops = await validateCheckout(db, cart, input, now, { onlinePayment: request.onlinePayment });
    const cartNames = new Map(cart.groups.flatMap((g) => g.lines.map((l) => [l.productId, l.name] as const)));
    const placeOnce = () => db.$transaction(
      async (tx) => {
        const checkout = await tx.checkout.create({
          data: { idempotencyKey: input.idempotencyKey, ownerKey, accessToken: newAccessToken(), userId: customerId },
          select: { id: true, accessToken: true },
        });
        const products = await takeStock(tx, shops, cartNames);
        await bookSlots(tx, shops);
        const orders: PlacedCheckout["orders"] = [];
        const confirmed: string[] = [];
        const amounts: { id: string; shopId: string; totalCents: number; maxTotalCents: number; online: boolean; feeCents: number }[] = [];
        for (const shop of shops) {
          const lines = shop.lines.map((line) => {
            const product = products.get(line.productId) as ProductRow;
            const price = priceLine(product, line.quantity);
            return { product, quantity: line.quantity, total: price.totalCents, max: price.maxTotalCents, estimatedGrams: price.estimatedGrams };
          });
          const goods = lines.reduce((sum, l) => sum + l.total, 0);
          // Delivery: its fee, computed when the checkout was checked, is part of what is due.
          const fee = shop.delivery?.feeCents ?? 0;
          const total = goods + fee;
          const status = shop.paymentMethod === "ONLINE" ? "AWAITING_PAYMENT" : "CONFIRMED";
          const order = await tx.order.create({
            data: {
              reference: newOrderReference(),
              territoryId: request.territoryId,
              shopId: shop.shopId,
              checkoutId: checkout.id,
              customerId,
              placedById: operator?.userId ?? null,
              contactName: input.contact.name,
              contactEmail: input.contact.email || null,
              contactPhone: input.contact.phone,
              status,
              pickupPointId: shop.pickupPointId,
              slotStartsAt: shop.slot.startsAt,
              slotEndsAt: shop.slot.endsAt,
              pickupCode: newPickupCode(),
              paymentMethod: shop.paymentMethod,
              acceptSubstitutes: shop.acceptSubstitutes,
              subtotalCents: total,
              vatCents: lines.reduce((sum, l) => sum + includedVat(l.total, l.product.vatRateBp), 0) + deliveryFeeVatCents(fee, lines.map((l) => ({ totalCents: l.total, vatRateBp: l.product.vatRateBp }))),
              totalCents: total,
              maxTotalCents: lines.reduce((sum, l) => sum + l.max, 0) + fee,
              deliveryFeeCents: fee,
              deliveryCommuneId: shop.delivery?.communeId ?? null,
              deliveryAddress: shop.delivery?.addressLine ?? null,
              deliveryInstructions: shop.delivery?.instructions ?? "",
              note: input.note ?? "",
              accessToken: newAccessToken(),
              lines: {
                create: lines.map((l) => ({
                  productId: l.product.id,
                  productName: l.product.name,
                  unit: l.product.unit,
                  unitPriceCents: l.product.priceCents,
                  vatRateBp: l.product.vatRateBp,
                  quantity: l.quantity,
                  lineTotalCents: l.total,
                  maxLineTotalCents: l.max,
                  soldByWeight: l.product.soldByWeight,
                  estimatedGrams: l.estimatedGrams,
                })),
              },
              holdExpiresAt: status === "AWAITING_PAYMENT" ? new Date(now.getTime() + HOLD_MINUTES * 60_000) : null,
              events: { create: { toStatus: status, actorUserId: operator?.userId ?? customerId, note: operator ? "placed by phone" : "" } },
            },
            select: { id: true, reference: true, pickupCode: true, accessToken: true, shopId: true, status: true, totalCents: true, maxTotalCents: true },
          });
          amounts.push({ id: order.id, shopId: order.shopId, totalCents: order.totalCents, maxTotalCents: order.maxTotalCents, online: order.status === "AWAITING_PAYMENT", feeCents: fee });
          orders.push({ id: order.id, reference: order.reference, pickupCode: order.pickupCode, accessToken: order.accessToken, shopId: order.shopId });
          if (order.status === "CONFIRMED") confirmed.push(order.id);
        }
        // The town's vouchers, their budget taken here: a refused code refuses the whole checkout.
        // The town funds the goods, not the delivery: vouchers are split over what each shop sells.
        const goodsAmounts = amounts.map((a) => ({ ...a, totalCents: a.totalCents - a.feeCents }));
        const vouchers = await applyVouchers(tx, { territoryId: request.territoryId, now, orders: goodsAmounts, code: input.voucherCode, contact: input.contact, accountEmail: customerId && request.actor.kind === "user" ? request.actor.email : null });
        confirmed.push(...(await confirmFullyCovered(tx, amounts, vouchers)));
        await groupAtRelayPoints(tx, checkout.id, shops, orders);
        // In the same transaction: the confirmations (unpaid orders get theirs when paid) and what happens later.
        await queueOrderConfirmations(tx, confirmed);
        await scheduleFollowUps(tx, orders.map((o) => o.id), now);
        if (cart.cartId) {
          await tx.cartLine.deleteMany({ where: { cartId: cart.cartId, productId: { in: [...products.keys()] } } });
        }
        return { checkoutId: checkout.id, accessToken: checkout.accessToken, created: true, orders };
      },
      { maxWait: 15_000, timeout: 20_000 },
    );
    return await drawingReferencesAgain(placeOnce);
  } catch (error) {
    // A copy of this very submission may have committed meanwhile: its cart then
    // looks emptied, its slot full, or its key taken. Its result is the answer.
    const existing = await findCheckout(db, input.idempotencyKey, ownerKey);
    if (existing) return existing;
    // A wrong code stays counted against the guesser.
    wrongCode = isDomainError(error) && error.details?.field === "voucherCode";
    throw error;
  } finally {
    if (input.voucherCode && !wrongCode) await releaseLimits(db, codeLimits, now);
  }
}
