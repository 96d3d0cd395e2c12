import { describe, expect, it } from "vitest";
import { getShopOrder } from "@/lib/dashboard/orders-board";
import { releaseExpiredHold } from "@/lib/orders/holds/unpaid-holds";
import { weighOrderLines } from "@/lib/orders/changes/weigh-lines";
import { testDb } from "@/tests/helpers/db";
import { onlinePayments, PAYING_CONTACT } from "@/tests/helpers/online-payments";
import { deliverEvents, signedDelivery } from "@/tests/helpers/payments";
import { captureCheckout } from "./capture";
import { refundOrder } from "./refunds";
import { settleCheckoutSession } from "./settle-session";
import { transferToShop } from "./transfers";
import { handleStripeEvent } from "./webhook";

const db = testDb();
const pay = onlinePayments(db);
const { onlineShop, checkoutOnline, orderOf, collect, as } = pay;
const HOUR = 3_600_000;

describe("online payment with the Stripe pay.double", () => {
  it("authorizes the basket's maximum once, confirms the orders on the signed webhook, and ignores replays", async () => {
    const shop = await onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: shop.shop.id, name: "Comté 18 mois", priceCents: 3000, stock: 20, soldByWeight: true, pieceGrams: 250, unit: "kg" } });
    const from = pay.double.events.length;
    const { placed, page, checkout } = await checkoutOnline([{ shop, productId: comte.id, quantity: 2 }]);
    expect(page?.url).toContain(`/pay/${checkout.stripeSessionId}`);
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    expect(order).toMatchObject({ status: "AWAITING_PAYMENT", totalCents: 1500, maxTotalCents: 1725 });
    expect(pay.double.state.sessions.get(checkout.stripeSessionId ?? "")?.amount_total).toBe(1725);

    pay.double.api.pay(checkout.stripeSessionId ?? "");
    const deliveries = pay.double.events.slice(from).flatMap((event) => [event, event, event]).sort(() => Math.random() - 0.5);
    const outcomes = await Promise.all(deliveries.map((event) => {
      const { body, signature } = signedDelivery(event.payload);
      return handleStripeEvent(db, pay.gateway, pay.gateway.parseWebhook(body, signature), new Date()).catch((error: unknown) => String(error));
    }));
    expect(outcomes.filter((o) => o === "confirmed")).toHaveLength(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CONFIRMED" });
    expect(await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).toMatchObject({ paymentStatus: "AUTHORIZED", authorizedCents: 1725 });
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "order-confirmed" } })).toBe(1);
    expect(await db.payment.count({ where: { checkoutId: placed.checkoutId, kind: "AUTHORIZATION" } })).toBe(1);
  });

  it("refuses a wrong signature, an altered body and a stale timestamp", async () => {
    const payload = JSON.stringify({ id: "evt_x", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_x" } } });
    expect(() => pay.gateway.parseWebhook(payload, signedDelivery(payload, { secret: "whsec_wrong" }).signature)).toThrow();
    expect(() => pay.gateway.parseWebhook(payload.replace("cs_x", "cs_y"), signedDelivery(payload).signature)).toThrow();
    expect(() => pay.gateway.parseWebhook(payload, signedDelivery(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }).signature)).toThrow();
    expect(pay.gateway.parseWebhook(payload, signedDelivery(payload).signature).id).toBe("evt_x");
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
    pay.double.api.pay(checkout.stripeSessionId ?? "");
    expect(await settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now })).toBe("confirmed");
    expect((await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).authorizedCents).toBe(1725 + 700 + 1012);
    const [a, b, c] = await Promise.all([orderOf(placed.checkoutId, cheese.shop.id), orderOf(placed.checkoutId, bakery.shop.id), orderOf(placed.checkoutId, butcher.shop.id)]);
    expect(c.slotStartsAt.getTime() - now.getTime()).toBeGreaterThan(8 * 24 * HOUR);

    // The cheese is weighed lighter (460 g: 13,80 €) and is ready; the bakery cancels.
    await as(cheese.owner, a.id, "startPreparing");
    await expect(as(cheese.owner, a.id, "markReady")).rejects.toMatchObject({ details: { reason: "weighFirst" } });
    await weighOrderLines(db, { now: new Date(), actor: cheese.owner, input: { orderId: a.id, weights: [{ lineId: a.lines[0]?.id, grams: "460" }] } });
    await as(cheese.owner, a.id, "markReady");
    await as(bakery.owner, b.id, "cancel");
    // The roast's pickup is 8 days away: nothing is captured before the deadline.
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now })).toBe("waiting");
    // 24 hours before the authorization lapses: capture what is due, the roast at its maximum.
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now, deadline: true })).toBe("captured");
    const intent = pay.double.state.intents.get((await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "");
    expect(intent?.amount_received).toBe(1380 + 0 + 1012);

    // The roast weighs more than announced, within the tolerance (430 g of 460 max): 9,46 €, the 0,66 € difference refunded.
    await expect(weighOrderLines(db, { now: new Date(), actor: butcher.owner, input: { orderId: c.id, weights: [{ lineId: c.lines[0]?.id, grams: "461" }] } })).rejects.toMatchObject({ details: { reason: "weightAboveTolerance", max: 460 } });
    await weighOrderLines(db, { now: new Date(), actor: butcher.owner, input: { orderId: c.id, weights: [{ lineId: c.lines[0]?.id, grams: "430" }] } });
    expect(await refundOrder(db, pay.gateway, { orderId: c.id })).toBe(1012 - 946);
    expect(await refundOrder(db, pay.gateway, { orderId: c.id })).toBe(0);

    // Collected: each shop is paid its share less the 5 % commission.
    await collect(cheese.owner, a.id);
    await as(butcher.owner, c.id, "startPreparing", "markReady");
    await collect(butcher.owner, c.id);
    expect(await transferToShop(db, pay.gateway, { orderId: a.id })).toBe(1380 - 69);
    expect(await transferToShop(db, pay.gateway, { orderId: c.id })).toBe(946 - 47);
    expect(await transferToShop(db, pay.gateway, { orderId: c.id })).toBe(946 - 47);
    const transfers = [...pay.double.state.transfers.values()].filter((t) => t.transfer_group === placed.checkoutId);
    expect(transfers.map((t) => [t.destination, t.amount]).sort()).toEqual([[cheese.accountId, 1311], [butcher.accountId, 899]].sort());
    expect([...pay.double.state.refunds.values()].filter((r) => r.payment_intent === intent?.id).map((r) => r.amount)).toEqual([66]);
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
      pay.double.api.pay(checkout.stripeSessionId ?? "");
      const late = new Date(now.getTime() + 36 * 60_000);
      const early = new Date(now.getTime() + 20 * 60_000);
      const [settled, released] = await Promise.all([settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now: early }), releaseExpiredHold(db, { orderId: order.id, now: late })]);
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

    pay.double.api.pay(checkout.stripeSessionId ?? "");
    const from = pay.double.events.length - 2;
    await deliverEvents(db, pay.gateway, pay.double, from, new Date(now.getTime() + 37 * 60_000));
    expect(await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).toMatchObject({ paymentStatus: "CANCELLED" });
    const cancelJob = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`cancel-authorization:${placed.checkoutId}`}`;
    expect(Number(cancelJob[0]?.n)).toBe(1);
    await pay.gateway.cancelAuthorization((await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "", `cancel-authorization:${placed.checkoutId}`);
    expect([...pay.double.state.intents.values()].find((i) => i.metadata.checkoutId === placed.checkoutId)?.status).toBe("canceled");
    expect(await db.outgoingEmail.count({ where: { kind: "payment-too-late", toAddress: PAYING_CONTACT.email, orderId: order.id } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: last.id } })).stock).toBe(0);
    expect(await db.order.count({ where: { checkoutId: other.placed.checkoutId, status: "AWAITING_PAYMENT" } })).toBe(1);
  });

  it("an online-paid order not collected: the shop keeps its no-show fee (paid out less the commission), the rest is refunded", async () => {
    const shop = await onlineShop("Caviste");
    await db.shop.update({ where: { id: shop.shop.id }, data: { noShowFeeCents: 500 } });
    const wine = await db.product.create({ data: { shopId: shop.shop.id, name: "Pineau", priceCents: 1600, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop, productId: wine.id, quantity: 2 }]);
    pay.double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    await as(shop.owner, order.id, "startPreparing", "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    // The slot is over and nobody came.
    await db.order.update({ where: { id: order.id }, data: { slotStartsAt: new Date(Date.now() - 2 * HOUR), slotEndsAt: new Date(Date.now() - HOUR) } });
    await as(shop.owner, order.id, "markNoShow");
    // Whichever job runs first, the shop is never paid more than the fee.
    expect(await transferToShop(db, pay.gateway, { orderId: order.id })).toBe(500 - 25);
    expect(await refundOrder(db, pay.gateway, { orderId: order.id })).toBe(3200 - 500);
    expect(await transferToShop(db, pay.gateway, { orderId: order.id })).toBe(500 - 25);
    const movements = await db.payment.findMany({ where: { checkoutId: placed.checkoutId }, orderBy: { createdAt: "asc" }, select: { kind: true, amountCents: true } });
    expect(movements).toEqual([
      { kind: "AUTHORIZATION", amountCents: 3200 },
      { kind: "CAPTURE", amountCents: 3200 },
      { kind: "TRANSFER", amountCents: 475 },
      { kind: "REFUND", amountCents: 2700 },
    ]);
  });

  it("Stripe failing on capture, refund and transfer: retried with the same keys, each movement happens once", async () => {
    const shop = await onlineShop("Épicerie");
    const jar = await db.product.create({ data: { shopId: shop.shop.id, name: "Miel", priceCents: 900, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop, productId: jar.id, quantity: 2 }]);
    pay.double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    await as(shop.owner, order.id, "startPreparing", "markReady");

    // The SDK tries 4 times (3 retries, same key): 4 failures make one failed capture.
    pay.double.fail("/v1/payment_intents/*/capture", { count: 4, status: 500 });
    await expect(captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).rejects.toThrow();
    expect((await db.payment.findUniqueOrThrow({ where: { idempotencyKey: `capture:${placed.checkoutId}` } })).status).toBe("PENDING");
    pay.double.fail("/v1/payment_intents/*/capture", { count: 1, mode: "timeout" });
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("nothing");
    const intent = [...pay.double.state.intents.values()].find((i) => i.metadata.checkoutId === placed.checkoutId);
    expect(intent?.amount_received).toBe(1800);

    await collect(shop.owner, order.id);
    pay.double.fail("/v1/transfers", { count: 4, status: 500 });
    await expect(transferToShop(db, pay.gateway, { orderId: order.id })).rejects.toThrow();
    expect(await transferToShop(db, pay.gateway, { orderId: order.id })).toBe(1800 - 90);
    expect([...pay.double.state.transfers.values()].filter((t) => t.transfer_group === placed.checkoutId)).toHaveLength(1);
  });
});
