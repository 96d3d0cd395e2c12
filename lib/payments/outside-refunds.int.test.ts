import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { onlinePayments } from "@/tests/helpers/online-payments";
import { deliverEvents } from "@/tests/helpers/payments";
import { captureCheckout } from "./capture";
import { refundOrder } from "./refunds";
import { settleCheckoutSession } from "./settle-session";

/**
 * Refunds made outside Comptoir (Stripe's dashboard, a support agent): written to the
 * ledger once, counted against the orders, never refunded again by Comptoir.
 */
const db = testDb();
const pay = onlinePayments(db);
const { onlineShop, checkoutOnline, orderOf, as } = pay;

describe("refunds made from Stripe's dashboard", () => {
  it("a refund made from Stripe's dashboard is written to the ledger once; Comptoir's own refunds are not counted twice", async () => {
    const shop = await onlineShop("Primeur");
    const basket = await db.product.create({ data: { shopId: shop.shop.id, name: "Panier de légumes", priceCents: 1500, stock: 10 } });
    const { placed, checkout } = await checkoutOnline([{ shop, productId: basket.id, quantity: 2 }]);
    pay.double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const order = await orderOf(placed.checkoutId, shop.shop.id);
    await as(shop.owner, order.id, "startPreparing", "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    const seen = pay.double.events.length;
    // Support refunds 4 € from Stripe's dashboard (no Comptoir key on it)…
    const paymentIntentId = (await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "";
    pay.double.api.refund({ payment_intent: paymentIntentId, amount: "400" });
    // …then the shop cancels: Comptoir refunds the rest, not the full amount again.
    await as(shop.owner, order.id, "cancel");
    expect(await refundOrder(db, pay.gateway, { orderId: order.id })).toBe(3000 - 400);
    await deliverEvents(db, pay.gateway, pay.double, seen);
    await deliverEvents(db, pay.gateway, pay.double, seen);
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
    pay.double.api.pay(checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
    const [a, b] = [await orderOf(placed.checkoutId, cheese.shop.id), await orderOf(placed.checkoutId, books.shop.id)];
    await as(cheese.owner, a.id, "startPreparing", "markReady");
    await as(books.owner, b.id, "startPreparing", "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
    const paymentIntentId = (await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "";
    const admin = await db.user.create({ data: { email: `admin-${placed.checkoutId}@ville.example.fr` } });
    await db.roleGrant.create({ data: { userId: admin.id, role: "ADMIN", territoryId: pay.place.territory.id } });

    // Support gives 45 € of the 50 € back from Stripe's dashboard, for no order in particular…
    pay.double.api.refund({ payment_intent: paymentIntentId, amount: "4500" });
    // …then both shops cancel, and Comptoir refunds each order: only the 5 € left move.
    await as(cheese.owner, a.id, "cancel");
    await as(books.owner, b.id, "cancel");
    const moved = [await refundOrder(db, pay.gateway, { orderId: a.id }), await refundOrder(db, pay.gateway, { orderId: b.id })];
    expect(moved.reduce((sum, cents) => sum + cents, 0)).toBe(500);
    // Run again (a retried job): nothing more.
    expect(await refundOrder(db, pay.gateway, { orderId: a.id })).toBe(0);
    expect(await refundOrder(db, pay.gateway, { orderId: b.id })).toBe(0);

    const refundedAtStripe = (await pay.gateway.listRefunds(paymentIntentId)).reduce((sum, r) => sum + r.amountCents, 0);
    expect(refundedAtStripe).toBe(5000);
    const ledger = await db.payment.aggregate({ where: { checkoutId: placed.checkoutId, kind: "REFUND", status: "SUCCEEDED" }, _sum: { amountCents: true } });
    expect(ledger._sum.amountCents).toBe(5000);
    expect([(await db.order.findUniqueOrThrow({ where: { id: a.id } })).refundedCents, (await db.order.findUniqueOrThrow({ where: { id: b.id } })).refundedCents]).toEqual([3000, 2000]);
    // The 45 € were for no known order: the town's admins are asked to attribute them, once.
    const asked = await db.outgoingEmail.findMany({ where: { toAddress: admin.email, kind: "payment-outside-refund" } });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.text).toContain(a.reference);
    expect(asked[0]?.text).toContain(b.reference);
  });
});
