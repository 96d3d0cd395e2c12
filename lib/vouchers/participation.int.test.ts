import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createTerritory } from "@/tests/helpers/fixtures";
import { DAY, person, runningTopUp, voucherOrders } from "@/tests/helpers/voucher-orders";
import { listShopCampaigns, setCampaignParticipation } from "./participation";

/**
 * A shop and the town's campaigns (issue #14): it sees those it is in the scope
 * of; only its owner may decline one (audited); a decline changes new checkouts
 * only, and taking part again brings the vouchers back.
 */
const db = testDb();
const { shopSelling, order, collect, member } = voucherOrders(db);
let place: Awaited<ReturnType<typeof createTerritory>>;
let bakery: Awaited<ReturnType<ReturnType<typeof voucherOrders>["shopSelling"]>>;
let florist: Awaited<ReturnType<ReturnType<typeof voucherOrders>["shopSelling"]>>;
let owner: Actor;
let staff: Actor;
let otherOwner: Actor;
let ids: { topUp: string; future: string; otherCategory: string; ended: string };

const voucherOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).voucherCents;
const audits = (action: string) => db.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  place = await createTerritory(db);
  bakery = await shopSelling(place, 2000, "Boulangerie Participe");
  florist = await shopSelling(place, 2000, "Fleuriste Participe");
  const flowers = await db.category.create({ data: { territoryId: place.territory.id, slug: "fleurs", nameFr: "Fleurs", nameEn: "Flowers" } });
  await db.shop.update({ where: { id: florist.shop.id }, data: { categoryId: flowers.id } });
  ids = {
    topUp: (await db.voucherCampaign.create({ data: runningTopUp(place.territory.id) })).id,
    future: (await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Bons de printemps", kind: "CODES", budgetCents: 10_000, voucherValueCents: 1000, startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 20 * DAY), shopScope: "SHOPS", scopeIds: [bakery.shop.id] } })).id,
    otherCategory: (await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Fête des mères", kind: "CODES", budgetCents: 10_000, voucherValueCents: 1000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 20 * DAY), shopScope: "CATEGORIES", scopeIds: [flowers.id] } })).id,
    ended: (await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Rentrée", kind: "CODES", budgetCents: 10_000, voucherValueCents: 1000, startsAt: new Date(Date.now() - 20 * DAY), endsAt: new Date(Date.now() - DAY) } })).id,
  };
  owner = await member(bakery.shop.id, "OWNER");
  staff = await member(bakery.shop.id, "STAFF");
  otherOwner = await member(florist.shop.id, "OWNER");
});

describe("a shop's campaigns", () => {
  it("are the running and future ones it is in the scope of; only the owner may change its participation", async () => {
    const forOwner = await listShopCampaigns(db, { actor: owner, shopId: bakery.shop.id });
    expect(forOwner.canChange).toBe(true);
    expect(forOwner.campaigns.map((c) => [c.name, c.running, c.declinedAt])).toEqual([["Noël en ville", true, null], ["Bons de printemps", false, null]]);
    expect((await listShopCampaigns(db, { actor: staff, shopId: bakery.shop.id })).canChange).toBe(false);
    expect((await listShopCampaigns(db, { actor: otherOwner, shopId: florist.shop.id })).campaigns.map((c) => c.name)).toEqual(["Noël en ville", "Fête des mères"]);
    await expect(listShopCampaigns(db, { actor: otherOwner, shopId: bakery.shop.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a staff member cannot decline, nor another shop's owner; campaigns out of scope or over cannot be changed", async () => {
    await expect(setCampaignParticipation(db, { actor: staff, shopId: bakery.shop.id, input: { campaignId: ids.topUp, participate: false } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setCampaignParticipation(db, { actor: otherOwner, shopId: bakery.shop.id, input: { campaignId: ids.topUp, participate: false } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.otherCategory, participate: false } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.ended, participate: false } })).rejects.toMatchObject({ code: "conflict" });
    await expect(setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.topUp, participate: "maybe" } })).rejects.toBeInstanceOf(ZodError);
    expect(await db.voucherCampaignDecline.count()).toBe(0);
    expect(await audits("voucher.campaign.decline")).toHaveLength(0);
  });

  it("declined: the shop's next checkouts get no voucher, orders placed before keep theirs; taking part again brings it back", async () => {
    const before = (await order([bakery], person("before")))[bakery.shop.id]!;
    expect(await voucherOf(before.id)).toBe(1000);

    expect(await setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.topUp, participate: "false" } })).toEqual({ participating: false, changed: true });
    const declined = await audits("voucher.campaign.decline");
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({ territoryId: place.territory.id, entityType: "VoucherCampaign", entityId: ids.topUp, after: { shopId: bakery.shop.id, participating: false } });
    expect((await listShopCampaigns(db, { actor: staff, shopId: bakery.shop.id })).campaigns[0]?.declinedAt).toBeInstanceOf(Date);

    // The next checkout: nothing at the bakery; a basket with the florist gets the top-up on the florist only.
    const after = (await order([bakery], person("after")))[bakery.shop.id]!;
    expect(await voucherOf(after.id)).toBe(0);
    const mixed = await order([bakery, florist], person("mixed"));
    expect([await voucherOf(mixed[bakery.shop.id]!.id), await voucherOf(mixed[florist.shop.id]!.id)]).toEqual([0, 1000]);

    // The order placed before the decline keeps its voucher, and it is spent once collected.
    await collect(before.id, new Date());
    expect(await voucherOf(before.id)).toBe(1000);
    const campaign = await db.voucherCampaign.findUniqueOrThrow({ where: { id: ids.topUp } });
    expect(campaign).toMatchObject({ spentCents: 1000, committedCents: 1000 });

    // Declining twice changes nothing and writes nothing more.
    expect(await setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.topUp, participate: false } })).toEqual({ participating: false, changed: false });
    expect(await audits("voucher.campaign.decline")).toHaveLength(1);

    // Back in: vouchers again at the next checkout.
    await setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.topUp, participate: true } });
    expect(await audits("voucher.campaign.rejoin")).toHaveLength(1);
    expect(await voucherOf((await order([bakery], person("again")))[bakery.shop.id]!.id)).toBe(1000);
    expect((await listShopCampaigns(db, { actor: owner, shopId: bakery.shop.id })).campaigns[0]).toMatchObject({ declinedAt: null, spentCents: 1000, committedCents: 1000 });
  });

  it("a future campaign can be declined before it starts", async () => {
    await setCampaignParticipation(db, { actor: owner, shopId: bakery.shop.id, input: { campaignId: ids.future, participate: false } });
    const listed = await listShopCampaigns(db, { actor: owner, shopId: bakery.shop.id });
    expect(listed.campaigns.find((c) => c.id === ids.future)?.declinedAt).toBeInstanceOf(Date);
  });
});
