import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { captureCheckout } from "@/lib/payments/capture";
import { settleCheckoutSession } from "@/lib/payments/settle-session";
import { testDb } from "@/tests/helpers/db";
import { onlinePayments } from "@/tests/helpers/online-payments";
import { substituteFixtures } from "@/tests/helpers/substitutes";
import { answerSubstitute, expireSubstitution, proposeSubstitute, substituteCap } from "./substitutes";

const db = testDb();
const pay = onlinePayments(db);
const { cheesemonger, orderAtPickup, lineOf, stockOf, emailedLink } = substituteFixtures(db);

describe("substitutes: the customer's standing consent, a card's authorization, the deadline race (issue #24, item 2)", () => {
  it("with the customer's standing consent: a substitute up to the line's price + 10 % applies at once; a dearer one is asked", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 2 }, { productId: c.cider.id, quantity: 2 }], { now, acceptSubstitutes: true });
    expect(order.acceptSubstitutes).toBe(true);
    // 2 × 5,60 = 11,20 ≤ 10,40 + 10 % = 11,44: applied.
    const reasonable = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 2, reason: "Rupture" } });
    expect(reasonable.applied).toBe(true);
    expect(await db.substitution.findUniqueOrThrow({ where: { id: reasonable.substitutionId } })).toMatchObject({ status: "ACCEPTED", automatic: true });
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "substitute-proposed" } })).toBe(0);
    expect((await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "substitute-applied" } })).text).toContain("comme vous l’aviez accepté en commandant");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ totalCents: 1120 + 800 });
    // 2 cider (8,00) → 2 Beaufort d'alpage (13,80): far above + 10 %, so the customer is asked.
    const dear = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Cidre"), productId: c.dearer.id, quantity: 2, reason: "Rupture" } });
    expect(dear.applied).toBe(false);
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "substitute-proposed" } })).toBe(1);
    expect(substituteCap({ lineTotalCents: 1040, maxLineTotalCents: 1040 }, { online: false, automatic: true })).toBe(1144);
  });

  it("paid online: never above the card's authorization for the line; an accepted substitute is captured at its price", async () => {
    const cheese = await pay.onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: cheese.shop.id, name: "Comté", priceCents: 520, stock: 50 } });
    const beaufort = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beaufort", priceCents: 480, stock: 50 } });
    const dearer = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beaufort d’alpage", priceCents: 690, stock: 50 } });
    const butter = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beurre", priceCents: 450, stock: 50 } });
    const now = new Date();
    const paid = await pay.checkoutOnline([{ shop: cheese, productId: comte.id, quantity: 1 }, { shop: cheese, productId: butter.id, quantity: 1 }], now);
    pay.double.api.pay(paid.checkout.stripeSessionId ?? "");
    expect(await settleCheckoutSession(db, pay.gateway, { sessionId: paid.checkout.stripeSessionId ?? "", now })).toBe("confirmed");
    const order = await pay.orderOf(paid.placed.checkoutId, cheese.shop.id);
    await expect(proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: dearer.id, quantity: 1, reason: "Rupture" } })).rejects.toMatchObject({ details: { reason: "substituteOverAuthorization", maxEuros: 5.2 } });
    await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: beaufort.id, quantity: 1, reason: "Rupture" } });
    const link = await emailedLink(order.id);
    await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "accept" } });
    await pay.as(cheese.owner, order.id, "startPreparing");
    await pay.as(cheese.owner, order.id, "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: paid.placed.checkoutId, now })).toBe("captured");
    const intent = pay.double.state.intents.get((await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } })).stripePaymentIntentId ?? "");
    expect(intent?.amount_received).toBe(480 + 450);
  });

  it("the customer accepting while the deadline job removes the line: one outcome each, stock and totals exact — 20 rounds", async () => {
    const c = await cheesemonger();
    await db.product.updateMany({ where: { id: { in: [c.comte.id, c.cider.id, c.beaufort.id] } }, data: { stock: 1000 } });
    const now = new Date();
    const outcomes = { accepted: 0, expired: 0 };
    for (let round = 0; round < 20; round++) {
      const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 1 }], { now });
      const made = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture", answerWithinMinutes: 15 } });
      const link = await emailedLink(order.id);
      const [answer, job] = await Promise.allSettled([
        answerSubstitute(db, { now: new Date(made.expiresAt.getTime() - 1000), actor: anonymous, input: { ...link, answer: "accept" } }),
        expireSubstitution(db, { substitutionId: made.substitutionId, now: new Date(made.expiresAt.getTime() + 1000) }),
      ]);
      const accepted = answer.status === "fulfilled";
      const expired = job.status === "fulfilled" && job.value.outcome === "expired";
      expect(accepted !== expired, `round ${round}: exactly one decides`).toBe(true);
      if (!accepted) expect((answer as PromiseRejectedResult).reason).toMatchObject({ details: { reason: "substituteDecided" } });
      outcomes[accepted ? "accepted" : "expired"]++;
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } });
      expect(after.totalCents, `round ${round}`).toBe(accepted ? 560 + 400 : 400);
      expect(await db.orderEvent.count({ where: { orderId: order.id, change: { in: ["SUBSTITUTED", "LINE_MISSING"] } } })).toBe(1);
    }
    expect(outcomes.accepted + outcomes.expired).toBe(20);
    // The Beaufort taken exactly once per accepted round.
    expect(await stockOf(c.beaufort.id)).toBe(1000 - outcomes.accepted);
  });
});
