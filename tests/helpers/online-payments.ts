import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { startOnlinePayment } from "@/lib/payments/start-online-payment";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import type { StripeDouble } from "@/scripts/stripe-double/server";
import { createShop, createTerritory, guestOwner } from "./fixtures";
import { startPaymentsDouble } from "./payments";

export const PAYING_CONTACT = { name: "Camille Martin", email: "camille@example.fr", phone: "06 12 34 56 78" };

/**
 * Online payment for an integration test file: the Stripe double started before the
 * file's tests (stopped after), a town taking 5 % commission, shops onboarded on the
 * double, and checkouts paid online through the real use cases.
 */
export function onlinePayments(db: PrismaClient) {
  const state = {} as { double: StripeDouble; gateway: PaymentGateway; place: Awaited<ReturnType<typeof createTerritory>> };
  beforeAll(async () => {
    ({ double: state.double, gateway: state.gateway } = await startPaymentsDouble());
    state.place = await createTerritory(db);
    await db.territory.update({ where: { id: state.place.territory.id }, data: { commissionBp: 500 } });
  });
  afterAll(async () => {
    await state.double?.close();
  });

  /** A shop taking online payment (its Stripe account onboarded on the double), open every day for `horizonDays`. */
  async function onlineShop(name: string, horizonDays = 7) {
    const { shop, door } = await createShop(db, state.place, `${name} ${randomUUID().slice(0, 6)}`);
    const account = await state.gateway.createAccount({ email: `${shop.id}@example.fr`, shopId: shop.id, idempotencyKey: `account:${shop.id}` });
    state.double.api.completeOnboarding(account.id);
    await db.shop.update({ where: { id: shop.id }, data: { stripeAccountId: account.id, stripeStatus: "ACTIVE", paymentMethods: ["ONLINE", "PAY_AT_PICKUP"] } });
    await db.pickupScheduleRule.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ shopId: shop.id, pickupPointId: door.id, weekday, opensAtMinute: 0, closesAtMinute: 1440, slotMinutes: 60, capacityPerSlot: 500, leadTimeMinutes: 0, horizonDays })) });
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
    await db.shopMember.create({ data: { shopId: shop.id, userId: user.id, role: "OWNER" } });
    return { shop, door, owner: await loadActor(db, user.id), accountId: account.id };
  }

  type ShopFixture = Awaited<ReturnType<typeof onlineShop>>;

  async function checkoutOnline(items: { shop: ShopFixture; productId: string; quantity: number; slotIndex?: number | "last" }[], now = new Date()) {
    const owner = guestOwner();
    for (const item of items) await addToCart(db, owner, state.place.territory.id, { productId: item.productId, quantity: item.quantity });
    const shops: { shopId: string; pickupPointId: string; slotStartsAt: string; paymentMethod: string; amountCents: number; currency: string }[] = [];
    for (const item of items) {
      if (shops.some((s) => s.shopId === item.shop.shop.id)) continue; // several lines of one shop: one order
      const slots = await listAvailableSlots(db, { shopId: item.shop.shop.id, pickupPointId: item.shop.door.id });
      const slot = item.slotIndex === "last" ? slots.at(-1) : slots[item.slotIndex ?? 2];
      shops.push({ shopId: item.shop.shop.id, pickupPointId: item.shop.door.id, slotStartsAt: slot?.startsAt.toISOString() ?? "", paymentMethod: "ONLINE", amountCents: 1, currency: "usd" });
    }
    const placed = await placeOrders(db, { actor: anonymous, owner, territoryId: state.place.territory.id, now, onlinePayment: true, input: { idempotencyKey: randomUUID(), contact: PAYING_CONTACT, shops, totalCents: 1 } });
    const page = await startOnlinePayment(db, state.gateway, { checkoutId: placed.checkoutId, now });
    const checkout = await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } });
    return { placed, page, checkout, owner };
  }

  const orderOf = async (checkoutId: string, shopId: string) => db.order.findFirstOrThrow({ where: { checkoutId, shopId }, include: { lines: true } });
  const collect = async (actor: Actor, orderId: string) => {
    const { pickupCode } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { pickupCode: true } });
    await transitionOrderByShop(db, { now: new Date(), actor, input: { orderId, action: "markCollected", pickupCode } });
  };
  const as = async (actor: Actor, orderId: string, ...actions: string[]) => {
    for (const action of actions) await transitionOrderByShop(db, { now: new Date(), actor, input: { orderId, action, ...(action === "cancel" ? { reason: "Rupture" } : {}) } });
  };

  return {
    get double() { return state.double; },
    get gateway() { return state.gateway; },
    get place() { return state.place; },
    onlineShop, checkoutOnline, orderOf, collect, as,
  };
}
