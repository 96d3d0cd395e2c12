import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { onlinePayments } from "@/tests/helpers/online-payments";
import { deliverEvents } from "@/tests/helpers/payments";
import { captureCheckout } from "./capture";
import { disputesOfCheckout } from "./disputes";
import { settleCheckoutSession } from "./settle-session";
import { getShopPayments } from "./shop-accounts";
import { transferToShop } from "./transfers";
import { handleStripeEvent } from "./webhook";

const db = testDb();
const pay = onlinePayments(db);

/** Two shops paid by one card, both ready, the payment captured; the town has an admin. */
async function capturedForTwoShops() {
  const cheese = await pay.onlineShop("Fromagerie");
  const books = await pay.onlineShop("Librairie");
  const tomme = await db.product.create({ data: { shopId: cheese.shop.id, name: "Tomme", priceCents: 1500, stock: 10 } });
  const novel = await db.product.create({ data: { shopId: books.shop.id, name: "Roman", priceCents: 2000, stock: 10 } });
  const { placed, checkout } = await pay.checkoutOnline([{ shop: cheese, productId: tomme.id, quantity: 2 }, { shop: books, productId: novel.id, quantity: 1 }]);
  pay.double.api.pay(checkout.stripeSessionId ?? "");
  await settleCheckoutSession(db, pay.gateway, { sessionId: checkout.stripeSessionId ?? "", now: new Date() });
  const [a, b] = [await pay.orderOf(placed.checkoutId, cheese.shop.id), await pay.orderOf(placed.checkoutId, books.shop.id)];
  await pay.as(cheese.owner, a.id, "startPreparing", "markReady");
  await pay.as(books.owner, b.id, "startPreparing", "markReady");
  expect(await captureCheckout(db, pay.gateway, { checkoutId: placed.checkoutId, now: new Date() })).toBe("captured");
  const paymentIntentId = (await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).stripePaymentIntentId ?? "";
  const admin = await db.user.create({ data: { email: `admin-${placed.checkoutId}@ville.example.fr` } });
  await db.roleGrant.create({ data: { userId: admin.id, role: "ADMIN", territoryId: pay.place.territory.id } });
  return { cheese, books, a, b, checkoutId: placed.checkoutId, paymentIntentId, adminEmail: admin.email };
}

const transfersOf = (orderId: string) => db.payment.count({ where: { orderId, kind: "TRANSFER", status: "SUCCEEDED" } });

describe("a chargeback on a card payment (issue #24, item 5)", () => {
  it("opened: recorded once, the orders' history and the town's admins told, transfers held; won: the held transfers go out", async () => {
    const c = await capturedForTwoShops();
    // The cheesemonger's order was collected and paid out before the dispute; the bookseller's is collected after.
    await pay.collect(c.cheese.owner, c.a.id);
    expect(await transferToShop(db, pay.gateway, { orderId: c.a.id })).toBeGreaterThan(0);
    const seen = pay.double.events.length;
    const dispute = pay.double.api.openDispute(c.paymentIntentId, 2000, "product_not_received");
    await deliverEvents(db, pay.gateway, pay.double, seen);
    // A replayed delivery changes nothing.
    await deliverEvents(db, pay.gateway, pay.double, seen);
    expect(await disputesOfCheckout(db, c.checkoutId)).toMatchObject([{ amountCents: 2000, reason: "product_not_received", status: "OPEN", closedAt: null }]);
    expect(await db.orderEvent.count({ where: { orderId: c.b.id, note: { contains: "litige bancaire ouvert" } } })).toBe(1);
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { toAddress: c.adminEmail, kind: "payment-dispute" } });
    expect(email.subject).toContain("Litige bancaire ouvert");
    expect(email.text).toContain(c.b.reference);

    await pay.collect(c.books.owner, c.b.id);
    expect(await transferToShop(db, pay.gateway, { orderId: c.b.id })).toBe(0);
    expect(await transfersOf(c.b.id)).toBe(0);
    // The shop sees it on its payments page, with its order.
    const payments = await getShopPayments(db, { actor: c.books.owner, shopId: c.books.shop.id });
    expect(payments.disputes).toMatchObject([{ status: "OPEN", amountCents: 2000, orders: [{ id: c.b.id, reference: c.b.reference }] }]);

    const closing = pay.double.events.length;
    pay.double.api.closeDispute(dispute.id, "won");
    await deliverEvents(db, pay.gateway, pay.double, closing);
    expect(await disputesOfCheckout(db, c.checkoutId)).toMatchObject([{ status: "WON" }]);
    const queued = await db.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE key = ${`transfer:${c.b.id}`}`;
    expect(queued).toHaveLength(1);
    expect(await transferToShop(db, pay.gateway, { orderId: c.b.id })).toBe(2000 - 100);
    expect(await transfersOf(c.b.id)).toBe(1);
    expect(await db.outgoingEmail.count({ where: { toAddress: c.adminEmail, kind: "payment-dispute" } })).toBe(2);
  });

  it("lost: the transfers stay held for the town to settle with the shops; an unknown payment's dispute is only recorded", async () => {
    const c = await capturedForTwoShops();
    const seen = pay.double.events.length;
    const dispute = pay.double.api.openDispute(c.paymentIntentId, undefined, "fraudulent");
    pay.double.api.closeDispute(dispute.id, "lost");
    await deliverEvents(db, pay.gateway, pay.double, seen);
    expect(await disputesOfCheckout(db, c.checkoutId)).toMatchObject([{ status: "LOST", amountCents: 5000 }]);
    await pay.collect(c.cheese.owner, c.a.id);
    expect(await transferToShop(db, pay.gateway, { orderId: c.a.id })).toBe(0);
    expect(await db.orderEvent.count({ where: { orderId: c.a.id, note: { contains: "litige bancaire perdu" } } })).toBe(1);
    // A dispute on a payment Comptoir does not know (another platform on the same account): the event is recorded, nothing else.
    pay.double.state.disputes.set("dp_elsewhere", { id: "dp_elsewhere", object: "dispute", amount: 100, charge: "ch_x", payment_intent: "pi_elsewhere", reason: "fraudulent", status: "needs_response", created: 0 });
    const unknown = { id: `evt_elsewhere_${c.checkoutId}`, type: "charge.dispute.created", objectId: "dp_elsewhere", object: {} };
    expect(await handleStripeEvent(db, pay.gateway, unknown, new Date())).toBe("ignored");
    expect(await handleStripeEvent(db, pay.gateway, unknown, new Date())).toBe("already");
    expect(await db.paymentDispute.count({ where: { stripeDisputeId: "dp_elsewhere" } })).toBe(0);
  });
});
