import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { getShopOrder } from "@/lib/dashboard/orders-board";
import { placeOrders } from "@/lib/orders/place-orders";
import { transitionOrderByShop } from "@/lib/orders/shop-transitions";
import { releaseExpiredHold } from "@/lib/orders/unpaid-holds";
import { weighOrderLines } from "@/lib/orders/weigh-lines";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner } from "@/tests/helpers/fixtures";
import { deliverEvents, signedDelivery, startPaymentsDouble } from "@/tests/helpers/payments";
import type { StripeDouble } from "@/scripts/stripe-double/server";
import { captureCheckout } from "./capture";
import type { PaymentGateway } from "./gateway";
import { refundOrder } from "./refunds";
import { settleCheckoutSession } from "./settle-session";
import { startOnlinePayment } from "./start-online-payment";
import { transferToShop } from "./transfers";
import { handleStripeEvent } from "./webhook";

const db = testDb();
let double: StripeDouble;
let gateway: PaymentGateway;
let place: Awaited<ReturnType<typeof createTerritory>>;
const HOUR = 3_600_000;
const contact = { name: "Camille Martin", email: "camille@example.fr", phone: "06 12 34 56 78" };

beforeAll(async () => {
  ({ double, gateway } = await startPaymentsDouble());
  place = await createTerritory(db);
  await db.territory.update({ where: { id: place.territory.id }, data: { commissionBp: 500 } });
});
afterAll(async () => {
  await double.close();
});

/** A shop taking online payment (its Stripe account onboarded on the double), open every day for `horizonDays`. */
async function onlineShop(name: string, horizonDays = 7) {
  const { shop, door } = await createShop(db, place, `${name} ${randomUUID().slice(0, 6)}`);
  const account = await gateway.createAccount({ email: `${shop.id}@example.fr`, shopId: shop.id, idempotencyKey: `account:${shop.id}` });
  double.api.completeOnboarding(account.id);
  await db.shop.update({ where: { id: shop.id }, data: { stripeAccountId: account.id, stripeStatus: "ACTIVE", paymentMethods: ["ONLINE", "PAY_AT_PICKUP"] } });
  await db.pickupScheduleRule.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ shopId: shop.id, pickupPointId: door.id, weekday, opensAtMinute: 0, closesAtMinute: 1440, slotMinutes: 60, capacityPerSlot: 500, leadTimeMinutes: 0, horizonDays })) });
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId: shop.id, userId: user.id, role: "OWNER" } });
  return { shop, door, owner: await loadActor(db, user.id), accountId: account.id };
}

type ShopFixture = Awaited<ReturnType<typeof onlineShop>>;

async function checkoutOnline(items: { shop: ShopFixture; productId: string; quantity: number; slotIndex?: number | "last" }[], now = new Date()) {
  const owner = guestOwner();
  for (const item of items) await addToCart(db, owner, place.territory.id, { productId: item.productId, quantity: item.quantity });
  const shops = [];
  for (const item of items) {
    const slots = await listAvailableSlots(db, { shopId: item.shop.shop.id, pickupPointId: item.shop.door.id });
    const slot = item.slotIndex === "last" ? slots.at(-1) : slots[item.slotIndex ?? 2];
    shops.push({ shopId: item.shop.shop.id, pickupPointId: item.shop.door.id, slotStartsAt: slot?.startsAt.toISOString() ?? "", paymentMethod: "ONLINE", amountCents: 1, currency: "usd" });
  }
  const placed = await placeOrders(db, { actor: anonymous, owner, territoryId: place.territory.id, now, onlinePayment: true, input: { idempotencyKey: randomUUID(), contact, shops, totalCents: 1 } });
  const page = await startOnlinePayment(db, gateway, { checkoutId: placed.checkoutId, now });
  const checkout = await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } });
  return { placed, page, checkout, owner };
}

const orderOf = async (checkoutId: string, shopId: string) => db.order.findFirstOrThrow({ where: { checkoutId, shopId }, include: { lines: true } });
const collect = async (actor: Actor, orderId: string) => {
  const { pickupCode } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { pickupCode: true } });
  await transitionOrderByShop(db, { actor, input: { orderId, action: "markCollected", pickupCode } });
};
const as = async (actor: Actor, orderId: string, ...actions: string[]) => {
  for (const action of actions) await transitionOrderByShop(db, { actor, input: { orderId, action, ...(action === "cancel" ? { reason: "Rupture" } : {}) } });
};

describe("online payment with the Stripe double", () => {
  it("authorizes the basket's maximum once, confirms the orders on the signed webhook, and ignores replays", async () => {
    const shop = await onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: shop.shop.id, name: "Comté 18 mois", priceCents: 3000, stock: 20, soldByWeight: true, pieceGrams: 250, unit: "kg" } });
    const from = double.events.length;
    const { placed, page, checkout } = await checkoutOnline([{ shop, productId: comte.id, quantity: 2 }]);
    expect(page?.url).toContain(`/pay/${checkout.stripeSessionId}`);
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    expect(order).toMatchObject({ status: "AWAITING_PAYMENT", totalCents: 1500, maxTotalCents: 1725 });
    expect(double.state.sessions.get(checkout.stripeSessionId ?? "")?.amount_total).toBe(1725);

    double.api.pay(checkout.stripeSessionId ?? "");
    const deliveries = double.events.slice(from).flatMap((event) => [event, event, event]).sort(() => Math.random() - 0.5);
    const outcomes = await Promise.all(deliveries.map((event) => {
      const { body, signature } = signedDelivery(event.payload);
      return handleStripeEvent(db, gateway, gateway.parseWebhook(body, signature), new Date()).catch((error: unknown) => String(error));
    }));
    expect(outcomes.filter((o) => o === "confirmed")).toHaveLength(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CONFIRMED" });
    expect(await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).toMatchObject({ paymentStatus: "AUTHORIZED", authorizedCents: 1725 });
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "order-confirmed" } })).toBe(1);
    expect(await db.payment.count({ where: { checkoutId: placed.checkoutId, kind: "AUTHORIZATION" } })).toBe(1);
  });

  it("refuses a wrong signature, an altered body and a stale timestamp", async () => {
    const payload = JSON.stringify({ id: "evt_x", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_x" } } });
    expect(() => gateway.parseWebhook(payload, signedDelivery(payload, { secret: "whsec_wrong" }).signature)).toThrow();
    expect(() => gateway.parseWebhook(payload.replace("cs_x", "cs_y"), signedDelivery(payload).signature)).toThrow();
    expect(() => gateway.parseWebhook(payload, signedDelivery(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }).signature)).toThrow();
    expect(gateway.parseWebhook(payload, signedDelivery(payload).signature).id).toBe("evt_x");
  });

  it("a 3-shop basket: one shop cancels, one line weighs less, one more within tolerance, one pickup 8 days ahead — capture, transfers and refund exact to the cent", async () => {
    const cheese = await onlineShop("Fromagerie");
    const bakery = await onlineShop("Boulangerie");
    const butcher = await onlineShop("Boucherie", 10);
    const comte = await db.product.create({ data: { shopId: cheese.shop.id, name: "Comté", priceCents: 3000, stock: 50, soldByWeight: true, pieceGrams: 250, unit: "kg" } });
    const bread = await db.product.create({ data: { shopId: bakery.shop.id, name: "Pain de campagne", priceCents: 350, stock: 50 } });
    const roast = await db.product.create({ data: { shopId: butcher.shop.id, name: "Rôti de porc", priceCents: 2200, stock: 50, soldByWeight: true, pieceGrams: 400, unit: "kg" } });
    const now = new Date();
    const { placed, checkout } = await checkoutOnline([
      { shop: cheese, productId: comte.id, quantity: 2 }, // ≈ 500 g: 15,00 €, at most 17,25 €
      { shop: bakery, productId: bread.id, quantity: 2 }, // 7,00 €
      { shop: butcher, productId: roast.id, quantity: 1, slotIndex: "last" }, // ≈ 400 g: 8,80 €, at most 10,12 €; 8+ days ahead
    ], now);
    double.api.pay(checkout.stripeSessionId ?? "");
    expect(await settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId ?? "", now })).toBe("confirmed");
    expect((await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).authorizedCents).toBe(1725 + 700 + 1012);
    const [a, b, c] = await Promise.all([orderOf(placed.checkoutId, cheese.shop.id), orderOf(placed.checkoutId, bakery.shop.id), orderOf(placed.checkoutId, butcher.shop.id)]);
    expect(c.slotStartsAt.getTime() - now.getTime()).toBeGreaterThan(8 * 24 * HOUR);

    // The cheese is weighed lighter (460 g: 13,80 €) and is ready; the bakery cancels.
    await as(cheese.owner, a.id, "startPreparing");
    await expect(as(cheese.owner, a.id, "markReady")).rejects.toMatchObject({ details: { reason: "weighFirst" } });
    await weighOrderLines(db, { actor: cheese.owner, input: { orderId: a.id, weights: [{ lineId: a.lines[0]?.id, grams: "460" }] } });
    await as(cheese.owner, a.id, "markReady");
    await as(bakery.owner, b.id, "cancel");
    // The roast's pickup is 8 days away: nothing is captured before the deadline.
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now })).toBe("waiting");
    // 24 hours before the authorization lapses: capture what is due, the roast at its maximum.
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now, deadline: true })).toBe("captured");
    const intent = double.state.intents.get((await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "");
    expect(intent?.amount_received).toBe(1380 + 0 + 1012);

    // The roast weighs more than announced, within the tolerance (430 g of 460 max): 9,46 €, the 0,66 € difference refunded.
    await expect(weighOrderLines(db, { actor: butcher.owner, input: { orderId: c.id, weights: [{ lineId: c.lines[0]?.id, grams: "461" }] } })).rejects.toMatchObject({ details: { reason: "weightAboveTolerance", max: 460 } });
    await weighOrderLines(db, { actor: butcher.owner, input: { orderId: c.id, weights: [{ lineId: c.lines[0]?.id, grams: "430" }] } });
    expect(await refundOrder(db, gateway, { orderId: c.id })).toBe(1012 - 946);
    expect(await refundOrder(db, gateway, { orderId: c.id })).toBe(0);

    // Collected: each shop is paid its share less the 5 % commission.
    await collect(cheese.owner, a.id);
    await as(butcher.owner, c.id, "startPreparing", "markReady");
    await collect(butcher.owner, c.id);
    expect(await transferToShop(db, gateway, { orderId: a.id })).toBe(1380 - 69);
    expect(await transferToShop(db, gateway, { orderId: c.id })).toBe(946 - 47);
    expect(await transferToShop(db, gateway, { orderId: c.id })).toBe(946 - 47);
    const transfers = [...double.state.transfers.values()].filter((t) => t.transfer_group === placed.checkoutId);
    expect(transfers.map((t) => [t.destination, t.amount]).sort()).toEqual([[cheese.accountId, 1311], [butcher.accountId, 899]].sort());
    expect([...double.state.refunds.values()].filter((r) => r.payment_intent === intent?.id).map((r) => r.amount)).toEqual([66]);
    expect(await db.order.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "CANCELLED", capturedCents: 0 });
    const ledger = await db.payment.findMany({ where: { checkoutId: placed.checkoutId }, orderBy: { createdAt: "asc" }, select: { kind: true, amountCents: true, status: true } });
    expect(ledger).toEqual([
      { kind: "AUTHORIZATION", amountCents: 3437, status: "SUCCEEDED" },
      { kind: "CAPTURE", amountCents: 2392, status: "SUCCEEDED" },
      { kind: "REFUND", amountCents: 66, status: "SUCCEEDED" },
      { kind: "TRANSFER", amountCents: 1311, status: "SUCCEEDED" },
      { kind: "TRANSFER", amountCents: 899, status: "SUCCEEDED" },
    ]);
    // Each shop sees its own share of the card payment, never the basket's total.
    const cheeseView = await getShopOrder(db, { actor: cheese.owner, shopId: cheese.shop.id, orderId: a.id });
    expect(cheeseView?.checkout.payments.map((m) => [m.kind, m.amountCents])).toEqual([["AUTHORIZATION", 1725], ["CAPTURE", 1380]]);
    expect(cheeseView?.payments.map((m) => [m.kind, m.amountCents])).toEqual([["TRANSFER", 1311]]);
  });

  it("100 runs of a completed payment racing its hold's expiry: one outcome each, stock and slot counters exact", async () => {
    const shop = await onlineShop("Librairie");
    const book = await db.product.create({ data: { shopId: shop.shop.id, name: "Roman", priceCents: 2000, stock: 1000 } });
    let confirmed = 0;
    for (let run = 0; run < 100; run++) {
      const now = new Date();
      const { placed, checkout } = await checkoutOnline([{ shop, productId: book.id, quantity: 1 }], now);
      const order = await orderOf(placed.checkoutId, shop.shop.id);
      double.api.pay(checkout.stripeSessionId ?? "");
      const late = new Date(now.getTime() + 36 * 60_000);
      const early = new Date(now.getTime() + 20 * 60_000);
      const [settled, released] = await Promise.all([settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId ?? "", now: early }), releaseExpiredHold(db, { orderId: order.id, now: late })]);
      const final = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      expect([settled === "confirmed", released], `run ${run}`).toEqual(final.status === "CONFIRMED" ? [true, false] : [false, true]);
      if (final.status === "CONFIRMED") confirmed++;
      else expect(settled).toBe("too-late");
    }
    expect((await db.product.findUniqueOrThrow({ where: { id: book.id } })).stock).toBe(1000 - confirmed);
    const booked = await db.slotCounter.aggregate({ where: { shopId: shop.shop.id }, _sum: { booked: true } });
    expect(booked._sum.booked).toBe(confirmed);
  });

  it("a payment made after the hold ended and the stock went to someone else: authorization lifted, customer told, no oversell", async () => {
    const shop = await onlineShop("Chocolatier");
    const last = await db.product.create({ data: { shopId: shop.shop.id, name: "Dernière boîte", priceCents: 1500, stock: 1 } });
    const now = new Date();
    const { placed, checkout } = await checkoutOnline([{ shop, productId: last.id, quantity: 1 }], now);
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    expect(await releaseExpiredHold(db, { orderId: order.id, now: new Date(now.getTime() + 36 * 60_000) })).toBe(true);
    const other = await checkoutOnline([{ shop, productId: last.id, quantity: 1 }]);
    expect((await db.product.findUniqueOrThrow({ where: { id: last.id } })).stock).toBe(0);

    double.api.pay(checkout.stripeSessionId ?? "");
    const from = double.events.length - 2;
    await deliverEvents(db, gateway, double, from, new Date(now.getTime() + 37 * 60_000));
    expect(await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).toMatchObject({ paymentStatus: "CANCELLED" });
    const cancelJob = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`cancel-authorization:${placed.checkoutId}`}`;
    expect(Number(cancelJob[0]?.n)).toBe(1);
    await gateway.cancelAuthorization((await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "", `cancel-authorization:${placed.checkoutId}`);
    expect([...double.state.intents.values()].find((i) => i.metadata.checkoutId === placed.checkoutId)?.status).toBe("canceled");
    expect(await db.outgoingEmail.count({ where: { kind: "payment-too-late", toAddress: contact.email, orderId: order.id } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: last.id } })).stock).toBe(0);
    expect(await db.order.count({ where: { checkoutId: other.placed.checkoutId, status: "AWAITING_PAYMENT" } })).toBe(1);
  });

  it("an online-paid order not collected: the shop keeps its no-show fee (paid out less the commission), the rest is refunded", async () => {
    const shop = await onlineShop("Caviste");
    await db.shop.update({ where: { id: shop.shop.id }, data: { noShowFeeCents: 500 } });
    const wine = await db.product.create({ data: { shopId: shop.shop.id, name: "Pineau", priceCents: 1600, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop, productId: wine.id, quantity: 2 }]);
    double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    await as(shop.owner, order.id, "startPreparing", "markReady");
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    // The slot is over and nobody came.
    await db.order.update({ where: { id: order.id }, data: { slotStartsAt: new Date(Date.now() - 2 * HOUR), slotEndsAt: new Date(Date.now() - HOUR) } });
    await as(shop.owner, order.id, "markNoShow");
    // Whichever job runs first, the shop is never paid more than the fee.
    expect(await transferToShop(db, gateway, { orderId: order.id })).toBe(500 - 25);
    expect(await refundOrder(db, gateway, { orderId: order.id })).toBe(3200 - 500);
    expect(await transferToShop(db, gateway, { orderId: order.id })).toBe(500 - 25);
    const movements = await db.payment.findMany({ where: { checkoutId: placed.checkoutId }, orderBy: { createdAt: "asc" }, select: { kind: true, amountCents: true } });
    expect(movements).toEqual([
      { kind: "AUTHORIZATION", amountCents: 3200 },
      { kind: "CAPTURE", amountCents: 3200 },
      { kind: "TRANSFER", amountCents: 475 },
      { kind: "REFUND", amountCents: 2700 },
    ]);
  });

  it("a refund made from Stripe's dashboard is written to the ledger once; Comptoir's own refunds are not counted twice", async () => {
    const shop = await onlineShop("Primeur");
    const basket = await db.product.create({ data: { shopId: shop.shop.id, name: "Panier de légumes", priceCents: 1500, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop, productId: basket.id, quantity: 2 }]);
    double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    await as(shop.owner, order.id, "startPreparing", "markReady");
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    const seen = double.events.length;
    // Support refunds 4 € from Stripe's dashboard (no Comptoir key on it)…
    const paymentIntentId = (await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "";
    double.api.refund({ payment_intent: paymentIntentId, amount: "400" });
    // …then the shop cancels: Comptoir refunds the rest, not the full amount again.
    await as(shop.owner, order.id, "cancel");
    expect(await refundOrder(db, gateway, { orderId: order.id })).toBe(3000 - 400);
    await deliverEvents(db, gateway, double, seen);
    await deliverEvents(db, gateway, double, seen);
    const refunds = await db.payment.findMany({ where: { checkoutId: placed.checkoutId, kind: "REFUND" }, orderBy: { createdAt: "asc" }, select: { amountCents: true, idempotencyKey: true } });
    expect(refunds.map((r) => r.amountCents).sort()).toEqual([2600, 400].sort());
    expect(refunds.filter((r) => r.idempotencyKey.startsWith("outside-refund:"))).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundedCents).toBe(3000);
  });

  it("attack: a dashboard refund on a payment for two shops, then Comptoir refunds each order — never more than was captured, to the cent", async () => {
    const cheese = await onlineShop("Fromagerie");
    const books = await onlineShop("Librairie");
    const tomme = await db.product.create({ data: { shopId: cheese.shop.id, name: "Tomme", priceCents: 1500, stock: 10 } });
    const novel = await db.product.create({ data: { shopId: books.shop.id, name: "Roman", priceCents: 2000, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop: cheese, productId: tomme.id, quantity: 2 }, { shop: books, productId: novel.id, quantity: 1 }]);
    double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const [a, b] = [await orderOf(placed.checkoutId, cheese.shop.id), await orderOf(placed.checkoutId, books.shop.id)];
    await as(cheese.owner, a.id, "startPreparing", "markReady");
    await as(books.owner, b.id, "startPreparing", "markReady");
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    const paymentIntentId = (await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "";

    // Support gives 45 € of the 50 € back from Stripe's dashboard, for no order in particular…
    double.api.refund({ payment_intent: paymentIntentId, amount: "4500" });
    // …then both shops cancel, and Comptoir refunds each order: only the 5 € left move.
    await as(cheese.owner, a.id, "cancel");
    await as(books.owner, b.id, "cancel");
    const moved = [await refundOrder(db, gateway, { orderId: a.id }), await refundOrder(db, gateway, { orderId: b.id })];
    expect(moved.reduce((sum, cents) => sum + cents, 0)).toBe(500);
    // Run again (a retried job): nothing more.
    expect(await refundOrder(db, gateway, { orderId: a.id })).toBe(0);
    expect(await refundOrder(db, gateway, { orderId: b.id })).toBe(0);

    const refundedAtStripe = (await gateway.listRefunds(paymentIntentId)).reduce((sum, r) => sum + r.amountCents, 0);
    expect(refundedAtStripe).toBe(5000);
    const ledger = await db.payment.aggregate({ where: { checkoutId: placed.checkoutId, kind: "REFUND", status: "SUCCEEDED" }, _sum: { amountCents: true } });
    expect(ledger._sum.amountCents).toBe(5000);
    expect([(await db.order.findUniqueOrThrow({ where: { id: a.id } })).refundedCents, (await db.order.findUniqueOrThrow({ where: { id: b.id } })).refundedCents]).toEqual([3000, 2000]);
  });

  it("Stripe failing on capture, refund and transfer: retried with the same keys, each movement happens once", async () => {
    const shop = await onlineShop("Épicerie");
    const jar = await db.product.create({ data: { shopId: shop.shop.id, name: "Miel", priceCents: 900, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop, productId: jar.id, quantity: 2 }]);
    double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    await as(shop.owner, order.id, "startPreparing", "markReady");

    // The SDK tries 4 times (3 retries, same key): 4 failures make one failed capture.
    double.fail("/v1/payment_intents/*/capture", { count: 4, status: 500 });
    await expect(captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now: new Date() })).rejects.toThrow();
    expect((await db.payment.findUniqueOrThrow({ where: { idempotencyKey: `capture:${placed.checkoutId}` } })).status).toBe("PENDING");
    double.fail("/v1/payment_intents/*/capture", { count: 1, mode: "timeout" });
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    expect(await captureCheckout(db, gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("nothing");
    const intent = [...double.state.intents.values()].find((i) => i.metadata.checkoutId === placed.checkoutId);
    expect(intent?.amount_received).toBe(1800);

    await collect(shop.owner, order.id);
    double.fail("/v1/transfers", { count: 4, status: 500 });
    await expect(transferToShop(db, gateway, { orderId: order.id })).rejects.toThrow();
    expect(await transferToShop(db, gateway, { orderId: order.id })).toBe(1800 - 90);
    expect([...double.state.transfers.values()].filter((t) => t.transfer_group === placed.checkoutId)).toHaveLength(1);
  });
});
