import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { changeCampaign, createCampaign, endCampaignNow } from "./campaigns";
import { issueVoucherCodes, listVoucherCodes } from "./issue-codes";

/** Campaigns as a town's admin runs them (issue #14): created, changed, codes issued — audited, and only in their own town. */
const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let other: Awaited<ReturnType<typeof createTerritory>>;
let admin: Actor;

beforeAll(async () => {
  place = await createTerritory(db);
  other = await createTerritory(db);
  const user = await db.user.create({ data: { email: `admin-${place.territory.slug}@example.fr` } });
  admin = { kind: "user", userId: user.id, email: user.email, name: null, roles: [{ role: "ADMIN", territoryId: place.territory.id }], memberships: [] };
});

const topUp = { name: "Noël en ville", kind: "TOP_UP", budget: "5000", startsOn: "2026-12-01", endsOn: "2026-12-31", shopScope: "ALL", topUpPercent: "50", topUpCap: "20", minBasket: "10" };

describe("a town's campaigns", () => {
  it("are created with euros and days in Paris time, the last day included, and audited", async () => {
    const { id } = await createCampaign(db, { actor: admin, territoryId: place.territory.id, input: topUp });
    const campaign = await db.voucherCampaign.findUniqueOrThrow({ where: { id } });
    expect(campaign).toMatchObject({ budgetCents: 500_000, topUpBp: 5000, topUpCapCents: 2000, minBasketCents: 1000, voucherValueCents: null });
    expect(campaign.startsAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(campaign.endsAt.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(await db.auditLog.count({ where: { entityId: id, action: "voucher.campaign.create" } })).toBe(1);
  });

  it("refuse bad rules, a scope outside the town, and another town's admin", async () => {
    await expect(createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, topUpPercent: "" } })).rejects.toThrow();
    await expect(createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, endsOn: "2026-11-01" } })).rejects.toThrow();
    await expect(createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, shopScope: "CATEGORIES", scopeIds: [other.category.id] } })).rejects.toMatchObject({ details: { reason: "scopeInvalid" } });
    await expect(createCampaign(db, { actor: admin, territoryId: other.territory.id, input: topUp })).rejects.toMatchObject({ code: "notFound" });
    await expect(createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, endsOn: "2026-13-01" } })).rejects.toThrow();
    // One top-up at a time in a town (the first test's runs through December).
    await expect(createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, name: "Doublon", startsOn: "2026-12-20", endsOn: "2027-01-10" } })).rejects.toMatchObject({ details: { reason: "topUpOverlap", campaign: "Noël en ville" } });
  });

  it("a budget below what orders hold and used is refused with the figures; above, changed and audited", async () => {
    const { id } = await createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, startsOn: "2027-02-01", endsOn: "2027-02-28" } });
    await db.voucherCampaign.update({ where: { id }, data: { committedCents: 120_000, spentCents: 80_000 } });
    await expect(changeCampaign(db, { actor: admin, territoryId: place.territory.id, campaignId: id, input: { name: "Noël", budget: "1999,99", endsOn: "2027-02-28" } })).rejects.toMatchObject({ details: { reason: "budgetBelowUsed", committed: "1200.00", spent: "800.00" } });
    await changeCampaign(db, { actor: admin, territoryId: place.territory.id, campaignId: id, input: { name: "Noël", budget: "2000", endsOn: "2027-03-15" } });
    expect(await db.voucherCampaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Noël", budgetCents: 200_000 });
    expect(await db.auditLog.count({ where: { entityId: id, action: "voucher.campaign.change" } })).toBe(1);
  });

  it("codes: printed and emailed, each unique and unguessable; the email carries the code; an invalid address issues nothing", async () => {
    await createShop(db, place);
    const { id } = await createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { name: "Bons solidaires", kind: "CODES", budget: "1000", startsOn: "2026-12-01", endsOn: "2026-12-31", voucherValue: "10" } });
    await expect(issueVoucherCodes(db, { actor: admin, territoryId: place.territory.id, campaignId: id, input: { count: "2", emails: "camille@example.fr\npas-une-adresse" } })).rejects.toMatchObject({ details: { reason: "recipientInvalid", line: 2 } });
    expect(await db.voucher.count({ where: { campaignId: id } })).toBe(0);
    expect(await issueVoucherCodes(db, { actor: admin, territoryId: place.territory.id, campaignId: id, input: { count: "25", emails: "camille@example.fr, dominique@example.fr" } })).toEqual({ issued: 27, emailed: 2 });
    const { vouchers } = await listVoucherCodes(db, { actor: admin, territoryId: place.territory.id, campaignId: id });
    expect(new Set(vouchers.map((v) => v.code)).size).toBe(27);
    expect(vouchers.every((v) => v.valueCents === 1000 && v.balanceCents === 1000 && /^[2-9A-HJ-NP-Z]{16}$/.test(v.code))).toBe(true);
    const emailed = vouchers.find((v) => v.recipientEmail === "camille@example.fr");
    const mail = await db.outgoingEmail.findFirstOrThrow({ where: { toAddress: "camille@example.fr", kind: "voucher-code" } });
    expect(mail.text).toContain(`${emailed?.code.slice(0, 4)}-${emailed?.code.slice(4, 8)}`);
    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "voucher.codes.issue" } });
    expect(JSON.stringify(log.after)).not.toContain(emailed?.code ?? "-");
    await expect(issueVoucherCodes(db, { actor: admin, territoryId: other.territory.id, campaignId: id, input: { count: "1" } })).rejects.toMatchObject({ code: "notFound" });
  });

  it("can be stopped now: it no longer runs, stopping twice is refused, and it is audited", async () => {
    const { id } = await createCampaign(db, { actor: admin, territoryId: place.territory.id, input: { ...topUp, startsOn: "2026-01-01", endsOn: "2026-11-30" } });
    // The campaign runs 2026-01-01…2026-11-30: "now" is fixed inside it (the real clock left it on 1 December).
    const now = new Date("2026-06-15T10:00:00Z");
    await endCampaignNow(db, { actor: admin, territoryId: place.territory.id, campaignId: id, now });
    expect((await db.voucherCampaign.findUniqueOrThrow({ where: { id } })).endsAt.getTime()).toBe(now.getTime());
    await expect(endCampaignNow(db, { actor: admin, territoryId: place.territory.id, campaignId: id, now: new Date(now.getTime() + 60_000) })).rejects.toMatchObject({ details: { reason: "campaignOver" } });
    expect(await db.auditLog.count({ where: { entityId: id, action: "voucher.campaign.end" } })).toBe(1);
  });
});
