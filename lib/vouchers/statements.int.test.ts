import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { anonymous } from "@/lib/auth/actor";
import { parseCsv } from "@/lib/catalog/csv-format";
import { NotFoundError } from "@/lib/errors";
import { cancelOrderByCustomer } from "@/lib/orders/changes/cancel-order";
import { testDb } from "@/tests/helpers/db";
import { createTerritory } from "@/tests/helpers/fixtures";
import { DAY, person, runningTopUp, voucherOrders } from "@/tests/helpers/voucher-orders";
import { newVoucherCode } from "./codes";
import { getShopVoucherStatement, getTownVoucherStatement, statementCsv } from "./statements";

/**
 * Reimbursement statements (issue #14): per month in Paris time, per shop and
 * campaign, the vouchers of collected orders; all months together equal each
 * campaign's spent amount to the cent.
 */
const db = testDb();
const { shopSelling, order, collect, member, admin } = voucherOrders(db);
let place: Awaited<ReturnType<typeof createTerritory>>;
let elsewhere: Awaited<ReturnType<typeof createTerritory>>;
let townAdmin: Actor;
let otherAdmin: Actor;
let staffB: Actor;
let ownerA: Actor;
let campaigns: { topUp: string; codes: string; otherTown: string };
let refs: { nov: string; dec: string[]; pending: string; cancelled: string };
let shops: { a: string; b: string };

beforeAll(async () => {
  place = await createTerritory(db);
  elsewhere = await createTerritory(db);
  const a = await shopSelling(place, 3000, "Boulangerie Relevé");
  const b = await shopSelling(place, 1001, "Fleuriste Relevé");
  const far = await shopSelling(elsewhere, 2000, "Épicerie Ailleurs");
  shops = { a: a.shop.id, b: b.shop.id };
  await db.shop.update({ where: { id: a.shop.id }, data: { siret: "12345678900011" } });
  const topUp = await db.voucherCampaign.create({ data: runningTopUp(place.territory.id) });
  const codes = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Bons solidaires", kind: "CODES", budgetCents: 50_000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 30 * DAY), voucherValueCents: 1000 } });
  const otherTown = await db.voucherCampaign.create({ data: runningTopUp(elsewhere.territory.id, { name: "Ailleurs" }) });
  campaigns = { topUp: topUp.id, codes: codes.id, otherTown: otherTown.id };
  const code = newVoucherCode();
  await db.voucher.create({ data: { campaignId: codes.id, code, valueCents: 1000, balanceCents: 1000 } });

  // 1. A 30 € + B 10,01 €: a top-up of 20 € split 15 € / 5 € … collected on either side of the Paris month end.
  const first = await order([a, b], person("one"));
  await collect(first[a.shop.id]!.id, new Date("2026-11-15T10:00:00Z")); // calendar-safe: the collection's explicit now, the statement's month
  await collect(first[b.shop.id]!.id, new Date("2026-11-30T23:30:00Z")); // calendar-safe: the collection's explicit now, the statement's month — 00:30 on 1 December in Paris
  // 2. A with a code (10 €) and the top-up on the rest (10 €): two campaigns on one order, collected in December.
  const second = await order([a], person("two"), code);
  await collect(second[a.shop.id]!.id, new Date("2026-12-05T09:00:00Z")); // calendar-safe: the collection's explicit now, the statement's month
  // 3. Not collected yet, 4. cancelled: on no statement.
  const pending = await order([b], person("three"));
  const cancelled = await order([b], person("four"));
  await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: cancelled[b.shop.id]!.id, token: cancelled[b.shop.id]!.accessToken } });
  // 5. Another town's order collected in November: not this town's statement.
  await collect((await order([far], person("five")))[far.shop.id]!.id, new Date("2026-11-20T10:00:00Z")); // calendar-safe: the collection's explicit now, the statement's month

  refs = { nov: first[a.shop.id]!.reference, dec: [first[b.shop.id]!.reference, second[a.shop.id]!.reference], pending: pending[b.shop.id]!.reference, cancelled: cancelled[b.shop.id]!.reference };
  townAdmin = await admin(place.territory.id);
  otherAdmin = await admin(elsewhere.territory.id);
  staffB = await member(b.shop.id, "STAFF");
  ownerA = await member(a.shop.id, "OWNER");
});

describe("the town's monthly statement", () => {
  it("lists per shop and campaign the vouchers of orders collected in that Paris month, with references, counts and totals", async () => {
    const nov = await getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month: "2026-11", format: "page" });
    expect(nov.from.toISOString()).toBe("2026-10-31T23:00:00.000Z"); // calendar-safe: the collection's explicit now, the statement's month
    expect(nov.to.toISOString()).toBe("2026-11-30T23:00:00.000Z"); // calendar-safe: the collection's explicit now, the statement's month
    expect(nov.shops).toHaveLength(1);
    expect(nov.shops[0]).toMatchObject({ name: "Boulangerie Relevé", siret: "12345678900011", orders: 1, amountCents: 1500 });
    expect(nov.shops[0]!.campaigns[0]!.lines.map((l) => [l.reference, l.amountCents, l.orderTotalCents])).toEqual([[refs.nov, 1500, 3000]]);
    expect(nov.totals).toEqual({ shops: 1, orders: 1, amountCents: 1500 });

    const dec = await getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month: "2026-12", format: "csv" });
    // The order collected at 23:30 UTC on 30 November is December's, in Paris.
    expect(dec.shops.map((s) => [s.name, s.orders, s.amountCents])).toEqual([["Boulangerie Relevé", 1, 2000], ["Fleuriste Relevé", 1, 500]]);
    const bakery = dec.shops[0]!;
    expect(bakery.campaigns.map((c) => [c.name, c.orders, c.amountCents])).toEqual([["Bons solidaires", 1, 1000], ["Noël en ville", 1, 1000]]);
    const references = dec.shops.flatMap((s) => s.campaigns.flatMap((c) => c.lines.map((l) => l.reference)));
    // The order with a code and the top-up is on two lines, one per campaign.
    expect(references.sort()).toEqual([...refs.dec, refs.dec[1]!].sort());
    expect(references).not.toContain(refs.pending);
    expect(references).not.toContain(refs.cancelled);
    expect(dec.totals).toEqual({ shops: 2, orders: 2, amountCents: 2500 });
    expect((await getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month: "2026-10", format: "page" })).totals.amountCents).toBe(0);
  });

  it("adds up over all months to each campaign's spent amount, to the cent", async () => {
    const months = ["2026-10", "2026-11", "2026-12", "2027-01"];
    const statements = await Promise.all(months.map((month) => getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month, format: "page" })));
    for (const id of [campaigns.topUp, campaigns.codes]) {
      const { spentCents } = await db.voucherCampaign.findUniqueOrThrow({ where: { id } });
      const fromStatements = statements.flatMap((s) => s.campaigns).filter((c) => c.campaignId === id).reduce((sum, c) => sum + c.amountCents, 0);
      const fromShops = statements.flatMap((s) => s.shops.flatMap((shop) => shop.campaigns)).filter((c) => c.campaignId === id).reduce((sum, c) => sum + c.amountCents, 0);
      expect(spentCents).toBeGreaterThan(0);
      expect(fromStatements).toBe(spentCents);
      expect(fromShops).toBe(spentCents);
    }
    const spent = await db.voucherCampaign.aggregate({ where: { territoryId: place.territory.id }, _sum: { spentCents: true } });
    expect(statements.reduce((sum, s) => sum + s.totals.amountCents, 0)).toBe(spent._sum.spentCents);
  });

  it("is written in the audit log each time it is generated, with its month and total", async () => {
    await db.auditLog.deleteMany({ where: { action: "voucher.statement" } });
    await getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month: "2026-12", format: "csv" });
    const entries = await db.auditLog.findMany({ where: { action: "voucher.statement" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ territoryId: place.territory.id, entityType: "VoucherStatement", entityId: "2026-12", after: { month: "2026-12", format: "csv", totalCents: 2500, shops: 2, orders: 2 } });
  });

  it("as CSV: one line per order and campaign, a subtotal per shop and the total", async () => {
    const dec = await getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month: "2026-12", format: "csv" });
    const table = parseCsv(statementCsv(dec));
    expect(table[0]).toEqual(["type", "mois", "commerce", "siret", "campagne", "commande", "retiree_le", "total_commande_euros", "bon_euros", "nb_commandes"]);
    expect(table.filter((r) => r[0] === "ligne")).toHaveLength(3);
    expect(table.find((r) => r[0] === "ligne" && r[5] === refs.dec[0])).toEqual(["ligne", "2026-12", "Fleuriste Relevé", "", "Noël en ville", refs.dec[0], "2026-12-01 00:30", "10.01", "5.00", ""]); // calendar-safe: the collection's explicit now, the statement's month
    expect(table.filter((r) => r[0] === "total_commerce").map((r) => [r[2], r[8], r[9]])).toEqual([["Boulangerie Relevé", "20.00", "1"], ["Fleuriste Relevé", "5.00", "1"]]);
    expect(table.at(-1)).toEqual(["total", "2026-12", place.territory.name, "", "", "", "", "", "25.00", "2"]);
  });

  it("is for the town's admins only, and takes only YYYY-MM", async () => {
    await expect(getTownVoucherStatement(db, { actor: otherAdmin, territoryId: place.territory.id, month: "2026-12", format: "page" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTownVoucherStatement(db, { actor: ownerA, territoryId: place.territory.id, month: "2026-12", format: "page" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTownVoucherStatement(db, { actor: anonymous, territoryId: place.territory.id, month: "2026-12", format: "page" })).rejects.toMatchObject({ code: "unauthenticated" });
    for (const month of ["2026-13", "2026-1", "décembre", null, "2026-12'; --"]) {
      await expect(getTownVoucherStatement(db, { actor: townAdmin, territoryId: place.territory.id, month, format: "page" })).rejects.toBeInstanceOf(ZodError);
    }
    // Another town's admin sees only their own town's collected order.
    const far = await getTownVoucherStatement(db, { actor: otherAdmin, territoryId: elsewhere.territory.id, month: "2026-11", format: "page" });
    expect(far.shops.map((s) => s.name)).toEqual(["Épicerie Ailleurs"]);
  });
});

describe("a shop's monthly statement", () => {
  it("shows its members (staff too) only their shop's lines, and nobody else's", async () => {
    const dec = await getShopVoucherStatement(db, { actor: staffB, shopId: shops.b, month: "2026-12" });
    expect(dec.territory.name).toBe(place.territory.name);
    expect(dec.shops.map((s) => [s.name, s.amountCents])).toEqual([["Fleuriste Relevé", 500]]);
    expect(dec.totals.amountCents).toBe(500);
    expect((await getShopVoucherStatement(db, { actor: staffB, shopId: shops.b, month: "2026-11" })).shops).toEqual([]);
    expect((await getShopVoucherStatement(db, { actor: ownerA, shopId: shops.a, month: "2026-11" })).totals.amountCents).toBe(1500);
    await expect(getShopVoucherStatement(db, { actor: ownerA, shopId: shops.b, month: "2026-12" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getShopVoucherStatement(db, { actor: townAdmin, shopId: shops.b, month: "2026-12" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getShopVoucherStatement(db, { actor: staffB, shopId: shops.b, month: "12/2026" })).rejects.toBeInstanceOf(ZodError);
    // Reading one's own statement is not a town statement: nothing in the audit log.
    expect(await db.auditLog.count({ where: { action: "voucher.statement", actorUserId: staffB.kind === "user" ? staffB.userId : "" } })).toBe(0);
  });
});
