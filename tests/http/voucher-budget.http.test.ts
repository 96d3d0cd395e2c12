import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chaosShop, checkout, guest, laterSlot } from "@/tests/chaos/harness";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";

/**
 * Issue #14: a town's voucher budget is never overspent, proven over HTTP on two
 * production instances sharing one database, through the checkout action the
 * browser posts — 20 runs of 200 concurrent customers for a campaign's last 50 €.
 */
const db = testDb();
let a: AppServer;
let b: AppServer;

beforeAll(async () => {
  [a, b] = await Promise.all([startApp({ env: { WORKER: "false" } }), startApp({ env: { WORKER: "false" } })]);
}, 240_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("a town's voucher budget under load", () => {
  it("is never overspent: 20 runs of 200 customers on both instances for a campaign's last 50 €", { timeout: 400_000 }, async () => {
    const shop = await chaosShop(db, 100_000);
    const slot = await laterSlot(db, shop);
    const product = await db.product.create({ data: { shopId: shop.id, name: "Aidé par la ville", priceCents: 1000, stock: 100_000 } });
    let overspent = 0;
    let helped = 0;
    for (let run = 0; run < 20; run++) {
      // 50 € left; each basket of 10 € gets 5 € (50 %): ten customers are helped, the others pay in full.
      const campaign = await db.voucherCampaign.create({ data: { territoryId: shop.territoryId, name: `Course ${run}`, kind: "TOP_UP", budgetCents: 100_000, committedCents: 95_000, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), topUpBp: 5000, topUpCapCents: 2000 } });
      const guests = await Promise.all(Array.from({ length: 200 }, () => guest(db, shop, product.id)));
      const answers = await Promise.all(guests.map((token, index) => checkout(index % 2 ? a : b, token, shop, slot, randomUUID())));
      const after = await db.voucherCampaign.update({ where: { id: campaign.id }, data: { endsAt: new Date() } });
      const uses = await db.voucherUse.aggregate({ where: { campaignId: campaign.id }, _sum: { amountCents: true }, _count: true });
      overspent += Math.max(0, after.committedCents + after.spentCents - after.budgetCents) + Math.abs(after.committedCents - 95_000 - (uses._sum.amountCents ?? 0));
      helped += uses._count;
      const refused = answers.filter((answer) => !answer.ok).map((answer) => `${answer.status} ${answer.error}`);
      // What the servers said, for whoever reads a failing run.
      if (refused.length) for (const line of [...a.output().split("\n"), ...b.output().split("\n")].filter((l) => l.includes('"level":"error"')).slice(0, 5)) console.log(line.slice(0, 1500));
      expect(refused, `run ${run}`).toEqual([]);
      expect(after.committedCents, `run ${run}`).toBe(100_000);
    }
    console.log(`vouchers: 20 runs × 200 checkouts on two instances for the last 50 € of a campaign, ${helped} customers helped (10 per run), budget overspent ${overspent}`);
    expect(overspent).toBe(0);
    expect(helped).toBe(200);
  });

});
