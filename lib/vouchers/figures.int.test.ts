import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { anonymous } from "@/lib/auth/actor";
import { parseCsv } from "@/lib/catalog/csv-format";
import { NotFoundError } from "@/lib/errors";
import { cancelOrderByCustomer } from "@/lib/orders/changes/cancel-order";
import { testDb } from "@/tests/helpers/db";
import { createTerritory } from "@/tests/helpers/fixtures";
import { DAY, person, runningTopUp, voucherOrders } from "@/tests/helpers/voucher-orders";
import { campaignFiguresCsv, getCampaignFigures } from "./figures";
import { publicVoucherCampaigns, voucherCampaignsCsv } from "./open-data";

/**
 * A campaign's figures (issue #14): budget committed / spent / left, orders and
 * sales supported (collected, and pending apart), per shop, category and
 * commune, the leverage; and the same as open-data aggregates.
 */
const db = testDb();
const { shopSelling, order, collect, admin, member } = voucherOrders(db);
let place: Awaited<ReturnType<typeof createTerritory>>;
let townAdmin: Actor;
let otherAdmin: Actor;
let owner: Actor;
let campaignId: string;
let otherCampaignId: string;
const emails: string[] = [];

beforeAll(async () => {
  place = await createTerritory(db);
  const elsewhere = await createTerritory(db);
  const flowers = await db.category.create({ data: { territoryId: place.territory.id, slug: "fleurs", nameFr: "Fleurs", nameEn: "Flowers" } });
  const buxerolles = await db.commune.create({ data: { territoryId: place.territory.id, name: "Buxerolles", postalCode: "86180" } });
  const bakery = await shopSelling(place, 3000, "Boulangerie Chiffres");
  const florist = await shopSelling(place, 1000, "Fleuriste Chiffres");
  await db.shop.update({ where: { id: florist.shop.id }, data: { categoryId: flowers.id, communeId: buxerolles.id } });
  campaignId = (await db.voucherCampaign.create({ data: runningTopUp(place.territory.id) })).id;
  otherCampaignId = (await db.voucherCampaign.create({ data: runningTopUp(elsewhere.territory.id, { name: "Ailleurs" }) })).id;
  // A campaign not started yet: not in the open data.
  await db.voucherCampaign.create({ data: { ...runningTopUp(place.territory.id, { name: "Printemps" }), startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 40 * DAY) } });

  const contacts = [person("a"), person("b"), person("c")];
  emails.push(...contacts.map((c) => c.email));
  // 30 € + 10 €: 15 € + 5 € of top-up, both collected.
  const first = await order([bakery, florist], contacts[0]);
  await collect(first[bakery.shop.id]!.id, new Date());
  await collect(first[florist.shop.id]!.id, new Date());
  // 10 € at the florist: 5 €, not collected yet.
  await order([florist], contacts[1]);
  // 30 € at the bakery, cancelled: counts nowhere.
  const cancelled = (await order([bakery], contacts[2]))[bakery.shop.id]!;
  await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: cancelled.id, token: cancelled.accessToken } });

  townAdmin = await admin(place.territory.id);
  otherAdmin = await admin(elsewhere.territory.id);
  owner = await member(bakery.shop.id, "OWNER");
});

describe("a campaign's figures", () => {
  it("give budget, committed, spent and left, orders and sales supported, per shop, category and commune, and the leverage", async () => {
    const figures = await getCampaignFigures(db, { actor: townAdmin, territoryId: place.territory.id, campaignId });
    expect(figures).toMatchObject({ budgetCents: 100_000, committedCents: 500, spentCents: 2000, leftCents: 97_500 });
    expect(figures.collected).toEqual({ orders: 2, voucherCents: 2000, salesCents: 4000 });
    expect(figures.pending).toEqual({ orders: 1, voucherCents: 500, salesCents: 1000 });
    expect(figures.leverage).toBe(2);
    const row = (orders: number, voucherCents: number, salesCents: number, pendingOrders = 0, pendingVoucherCents = 0, pendingSalesCents = 0) => ({ orders, voucherCents, salesCents, pendingOrders, pendingVoucherCents, pendingSalesCents });
    expect(figures.perShop).toMatchObject([{ name: "Boulangerie Chiffres", ...row(1, 1500, 3000) }, { name: "Fleuriste Chiffres", ...row(1, 500, 1000, 1, 500, 1000) }]);
    expect(figures.perCategory).toMatchObject([{ name: "Alimentation", nameEn: "Food", ...row(1, 1500, 3000) }, { name: "Fleurs", nameEn: "Flowers", ...row(1, 500, 1000, 1, 500, 1000) }]);
    expect(figures.perCommune).toMatchObject([{ name: "Poitiers", ...row(1, 1500, 3000) }, { name: "Buxerolles", ...row(1, 500, 1000, 1, 500, 1000) }]);
    // What the shops, categories and communes add up to is the campaign's.
    for (const groups of [figures.perShop, figures.perCategory, figures.perCommune]) {
      expect(groups.reduce((sum, g) => sum + g.voucherCents, 0)).toBe(figures.spentCents);
      expect(groups.reduce((sum, g) => sum + g.pendingVoucherCents, 0)).toBe(figures.committedCents);
    }
  });

  it("as CSV: the campaign's row with its budget, then shops, categories and communes", async () => {
    const table = parseCsv(campaignFiguresCsv(await getCampaignFigures(db, { actor: townAdmin, territoryId: place.territory.id, campaignId })));
    expect(table[0]).toEqual(["section", "nom", "commandes_retirees", "bons_depenses_euros", "ventes_soutenues_euros", "effet_levier", "commandes_en_cours", "bons_engages_euros", "ventes_en_cours_euros", "budget_euros", "engage_euros", "depense_euros", "reste_euros"]);
    expect(table[1]).toEqual(["campagne", "Noël en ville", "2", "20.00", "40.00", "2.0", "1", "5.00", "10.00", "1000.00", "5.00", "20.00", "975.00"]);
    expect(table.filter((r) => r[0] === "commerce").map((r) => r[1])).toEqual(["Boulangerie Chiffres", "Fleuriste Chiffres"]);
    expect(table.find((r) => r[0] === "commune" && r[1] === "Buxerolles")?.slice(2, 9)).toEqual(["1", "5.00", "10.00", "2.0", "1", "5.00", "10.00"]);
  });

  it("are for the campaign's town's admins only", async () => {
    await expect(getCampaignFigures(db, { actor: otherAdmin, territoryId: place.territory.id, campaignId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCampaignFigures(db, { actor: owner, territoryId: place.territory.id, campaignId })).rejects.toBeInstanceOf(NotFoundError);
    // The admin's own town, another town's campaign: not found.
    await expect(getCampaignFigures(db, { actor: townAdmin, territoryId: place.territory.id, campaignId: otherCampaignId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("start at zero, with no leverage, before any order", async () => {
    const figures = await getCampaignFigures(db, { actor: otherAdmin, territoryId: (await db.voucherCampaign.findUniqueOrThrow({ where: { id: otherCampaignId } })).territoryId, campaignId: otherCampaignId });
    expect(figures).toMatchObject({ spentCents: 0, committedCents: 0, leftCents: 100_000, leverage: null, perShop: [], perCategory: [], perCommune: [] });
  });
});

describe("open data", () => {
  it("lists the town's started campaigns as aggregates, with no order, shop or person in them", async () => {
    const campaigns = await publicVoucherCampaigns(db, place.territory.slug);
    expect(campaigns).toEqual([
      { name: "Noël en ville", kind: "TOP_UP", startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), budgetCents: 100_000, committedCents: 500, spentCents: 2000, ordersSupported: 2, salesSupportedCents: 4000 },
    ]);
    const csv = voucherCampaignsCsv(campaigns);
    const table = parseCsv(csv);
    expect(table[0]).toEqual(["nom", "type", "debut", "fin", "budget_euros", "engage_euros", "depense_euros", "commandes_soutenues", "ventes_soutenues_euros"]);
    expect(table[1]?.slice(4)).toEqual(["1000.00", "5.00", "20.00", "2", "40.00"]);
    const published = JSON.stringify(campaigns) + csv;
    for (const email of emails) expect(published).not.toContain(email);
    expect(published).not.toMatch(/Boulangerie|Fleuriste|@/);
    expect((await publicVoucherCampaigns(db, "no-such-town")).length).toBe(0);
  });
});
