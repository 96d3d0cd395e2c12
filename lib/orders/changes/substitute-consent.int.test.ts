import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { testDb } from "@/tests/helpers/db";
import { substituteFixtures } from "@/tests/helpers/substitutes";
import { answerSubstitute, expireSubstitution, proposeSubstitute, substituteCap } from "./substitutes";

const db = testDb();
const { cheesemonger, orderAtPickup, lineOf, stockOf, emailedLink } = substituteFixtures(db);

describe("substitutes: the customer's standing consent, the deadline race (issue #24, item 2)", () => {
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
