import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { captureCheckout } from "@/lib/payments/capture";
import { settleCheckoutSession } from "@/lib/payments/settle-session";
import { handleStripeEvent } from "@/lib/payments/webhook";
import { testDb } from "@/tests/helpers/db";
import { onlinePayments } from "@/tests/helpers/online-payments";
import { deliverEvents, signedDelivery } from "@/tests/helpers/payments";
import { startTestWorker, waitUntil } from "@/tests/helpers/worker";
import { substituteFixtures } from "@/tests/helpers/substitutes";
import { settleSubstitutePayment, startSubstitutePayment } from "./substitute-payment";
import { answerSubstitute, proposeSubstitute } from "./substitutes";

const db = testDb();
const pay = onlinePayments(db);
const { lineOf, stockOf, emailedLink } = substituteFixtures(db);

/** A cheesemonger paid online: Comté (5,20) and, unless left out, butter (4,50) authorized on the card and confirmed. */
async function cheeseOrderPaidOnline(now: Date, options: { butter?: boolean; dearerStock?: number } = {}) {
  const cheese = await pay.onlineShop("Fromagerie");
  const product = (name: string, priceCents: number, stock = 50) => db.product.create({ data: { shopId: cheese.shop.id, name, priceCents, stock } });
  const [comte, beaufort, dearer, butter] = [await product("Comté", 520), await product("Beaufort", 480), await product("Beaufort d’alpage", 690, options.dearerStock), await product("Beurre", 450)];
  const items = [{ shop: cheese, productId: comte.id, quantity: 1 }, ...(options.butter === false ? [] : [{ shop: cheese, productId: butter.id, quantity: 1 }])];
  const paid = await pay.checkoutOnline(items, now);
  pay.double.api.pay(paid.checkout.stripeSessionId ?? "");
  expect(await settleCheckoutSession(db, pay.gateway, { sessionId: paid.checkout.stripeSessionId ?? "", now })).toBe("confirmed");
  const order = await pay.orderOf(paid.placed.checkoutId, cheese.shop.id);
  return { cheese, beaufort, dearer, paid, order, first: await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } }) };
}

describe("a substitute on an order paid online: within the card's authorization, or through a new one (issue #24, item 2)", () => {
  it("paid online: within the card's room a substitute is asked as usual and captured at its price — and the room a missing line leaves counts", async () => {
    const now = new Date();
    const { cheese, beaufort, dearer, paid, order } = await cheeseOrderPaidOnline(now);
    // 4,80 instead of 5,20: the card holds it, nothing more to ask than the customer's yes.
    const cheaper = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: beaufort.id, quantity: 1, reason: "Rupture" } });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: cheaper.substitutionId } })).toMatchObject({ reauthorizeCents: null });
    await answerSubstitute(db, { now, actor: anonymous, input: { ...(await emailedLink(order.id)), answer: "refuse" } });
    // The Comté refused is now missing (9,70 authorized, 4,50 owed): a 6,90 substitute for the butter fits.
    const roomy = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Beurre"), productId: dearer.id, quantity: 1, reason: "Rupture" } });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: roomy.substitutionId } })).toMatchObject({ reauthorizeCents: null });
    await answerSubstitute(db, { now, actor: anonymous, input: { ...(await emailedLink(order.id)), answer: "accept" } });
    await pay.as(cheese.owner, order.id, "startPreparing");
    await pay.as(cheese.owner, order.id, "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: paid.placed.checkoutId, now })).toBe("captured");
    const intent = pay.double.state.intents.get((await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } })).stripePaymentIntentId ?? "");
    expect(intent?.amount_received).toBe(690);
  });

  it("paid online, dearer than the card holds: accepted through a new authorization that replaces the old one — charged once, at the new total", async () => {
    const now = new Date();
    const { cheese, dearer, paid, order, first } = await cheeseOrderPaidOnline(now);
    expect(first.authorizedCents).toBe(970);
    const made = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: dearer.id, quantity: 1, reason: "Rupture" } });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ reauthorizeCents: 690 + 450, status: "PROPOSED" });
    const link = await emailedLink(order.id);
    expect(link.email.text).toContain("11,40");
    // A plain "accept" asks for the new authorization and changes nothing.
    expect(await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "accept" } })).toEqual({ outcome: "payment-required", reauthorizeCents: 1140 });
    const page = await startSubstitutePayment(db, pay.gateway, { now, actor: anonymous, input: link });
    expect(page.url).toContain("/pay/");
    expect(await startSubstitutePayment(db, pay.gateway, { now, actor: anonymous, input: link })).toEqual(page); // the same page while open
    const { stripeSessionId } = await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } });
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("pending");
    const from = pay.double.events.length;
    pay.double.api.pay(stripeSessionId ?? "");
    // Stripe's webhook, each event delivered three times in any order, and the customer's return: applied once.
    const deliveries = pay.double.events.slice(from).flatMap((event) => [event, event, event]).sort(() => Math.random() - 0.5);
    const outcomes = await Promise.all(deliveries.map((event) => {
      const { body, signature } = signedDelivery(event.payload);
      return handleStripeEvent(db, pay.gateway, pay.gateway.parseWebhook(body, signature), now).catch((error: unknown) => String(error));
    }));
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("already");
    expect(await db.orderEvent.count({ where: { orderId: order.id, change: "SUBSTITUTED" } })).toBe(1);
    const after = await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } });
    expect(after.stripePaymentIntentId).not.toBe(first.stripePaymentIntentId);
    expect(after).toMatchObject({ authorizedCents: 1140, paymentStatus: "AUTHORIZED" });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ status: "ACCEPTED", paymentIntentId: after.stripePaymentIntentId });
    expect(await stockOf(dearer.id)).toBe(49);
    // The old authorization is released by its job.
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`cancel-authorization:${first.stripePaymentIntentId}`}`;
    expect(jobs).toEqual([{ n: 1n }]);
    const worker = await startTestWorker({ payments: pay.gateway });
    try {
      await waitUntil(async () => (await db.payment.count({ where: { checkoutId: paid.placed.checkoutId, kind: "RELEASE", status: "SUCCEEDED", providerId: first.stripePaymentIntentId } })) === 1, 20_000, "the old authorization released");
    } finally {
      await worker.stop();
    }
    expect(pay.double.state.intents.get(first.stripePaymentIntentId ?? "")?.status).toBe("canceled");
    // Its cancellation, reported by Stripe, is not mistaken for the loss of the card's authorization.
    await deliverEvents(db, pay.gateway, pay.double);
    expect(await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } })).toMatchObject({ paymentStatus: "AUTHORIZED", stripePaymentIntentId: after.stripePaymentIntentId });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ paymentMethod: "ONLINE" });
    await pay.as(cheese.owner, order.id, "startPreparing");
    await pay.as(cheese.owner, order.id, "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: paid.placed.checkoutId, now })).toBe("captured");
    expect(pay.double.state.intents.get(after.stripePaymentIntentId ?? "")?.amount_received).toBe(690 + 450);
  });

  it("sold out before the new authorization is settled: it is released, nothing else changes, the customer can still refuse", async () => {
    const now = new Date();
    const { cheese, dearer, paid, order, first } = await cheeseOrderPaidOnline(now, { butter: false, dearerStock: 1 });
    const made = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: dearer.id, quantity: 1, reason: "Rupture" } });
    const link = await emailedLink(order.id);
    await startSubstitutePayment(db, pay.gateway, { now, actor: anonymous, input: link });
    const { stripeSessionId } = await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } });
    await db.product.update({ where: { id: dearer.id }, data: { stock: 0 } });
    const session = pay.double.api.pay(stripeSessionId ?? "");
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("released");
    expect(await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } })).toMatchObject({ stripePaymentIntentId: first.stripePaymentIntentId, authorizedCents: 520 });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ status: "PROPOSED", stripeSessionId: null });
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`cancel-authorization:${String(session.payment_intent)}`}`;
    expect(jobs).toEqual([{ n: 1n }]);
    expect(await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "refuse" } })).toMatchObject({ outcome: "refused" });
  });
});
