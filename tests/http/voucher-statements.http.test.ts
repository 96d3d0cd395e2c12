import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthOf } from "@/lib/time/month";
import { actionFormBody, listServerActions } from "@/tests/fuzz/next-actions";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";
import { person, runningTopUp, voucherOrders } from "@/tests/helpers/voucher-orders";

/**
 * Issue #14 over HTTP: the town's statement page and CSV (admins only, audited),
 * a campaign's figures CSV, the shop's vouchers tab with its statement and the
 * owner's "Ne pas participer", and the campaigns in the open data.
 */
const db = testDb();
const { collect, order, shopSelling } = voucherOrders(db);
let app: AppServer;
let admin: HttpClient;
let owner: HttpClient;
let shopId: string;
let campaignId: string;
let reference: string;
const month = monthOf(new Date());

async function signedIn(email: string): Promise<HttpClient> {
  const client = new HttpClient(app.url, { origin: app.url });
  expect((await client.signInWithPassword(email, "comptoir-demo")).status).toBe(200);
  return client;
}

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
  const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
  const place = { territory, category: await db.category.findFirstOrThrow({ where: { territoryId: territory.id } }), commune: await db.commune.findFirstOrThrow({ where: { territoryId: territory.id } }) };
  const shop = await shopSelling(place, 2400, "Primeur des Bons");
  shopId = shop.shop.id;
  const baker = await db.user.findUniqueOrThrow({ where: { email: "boulangerie@comptoir.local" } });
  await db.shopMember.create({ data: { shopId, userId: baker.id, role: "OWNER" } });
  campaignId = (await db.voucherCampaign.create({ data: runningTopUp(territory.id, { name: "Bons HTTP" }) })).id;
  const placed = (await order([shop], person("http")))[shopId]!;
  reference = placed.reference;
  await collect(placed.id, new Date());
  admin = await signedIn("admin@comptoir.local");
  owner = await signedIn("boulangerie@comptoir.local");
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe("voucher statements over HTTP", () => {
  it("the town's statement page shows the shop's line and total, and is written in the audit log", async () => {
    const before = await db.auditLog.count({ where: { action: "voucher.statement" } });
    const response = await admin.fetch(`/admin/bons/releves?mois=${month}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Primeur des Bons");
    expect(html).toContain(reference);
    expect(html).toMatch(/12,00\s€/);
    expect(html).toContain('name="mois"');
    expect(await db.auditLog.count({ where: { action: "voucher.statement" } })).toBe(before + 1);
  });

  it("its CSV is an attachment, never cached, for the town's admins only", async () => {
    const response = await admin.fetch(`/api/admin/bons/releves?mois=${month}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="releve-bons-grand-poitiers-\d{4}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const csv = await response.text();
    expect(csv).toContain(`ligne;${month};Primeur des Bons;;Bons HTTP;${reference};`);
    expect((await admin.fetch("/api/admin/bons/releves?mois=2026-13")).status).toBe(400);
    expect((await owner.fetch(`/api/admin/bons/releves?mois=${month}`)).status).toBe(404);
    expect((await new HttpClient(app.url).fetch(`/api/admin/bons/releves?mois=${month}`)).status).toBe(404);
  });

  it("a campaign's figures CSV, for the town's admins only", async () => {
    const response = await admin.fetch(`/api/admin/bons/${campaignId}/chiffres`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.text()).toContain("campagne;Bons HTTP;1;12.00;24.00;2.0;");
    expect((await owner.fetch(`/api/admin/bons/${campaignId}/chiffres`)).status).toBe(404);
    expect((await admin.fetch("/api/admin/bons/nope/chiffres")).status).toBe(404);
  });
});

describe("the shop's vouchers tab over HTTP", () => {
  it("shows the campaign and the month's statement, with its CSV", async () => {
    const response = await owner.fetch(`/dashboard/${shopId}/bons?mois=${month}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Bons HTTP");
    expect(html).toContain("Ne pas participer");
    expect(html).toContain(reference);
    const csv = await owner.fetch(`/api/dashboard/${shopId}/bons?mois=${month}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(reference);
    expect((await admin.fetch(`/api/dashboard/${shopId}/bons?mois=${month}`)).status).toBe(404);
  });

  it("the owner declines through the server action; the decline is stored and audited", async () => {
    const action = listServerActions().find((a) => a.name === "setVoucherParticipationAction");
    expect(action).toBeDefined();
    const response = await owner.fetch(`/dashboard/${shopId}/bons`, {
      method: "POST",
      headers: { "next-action": action!.id, origin: app.url },
      body: actionFormBody([["shopId", shopId], ["campaignId", campaignId], ["participate", "false"]]),
    });
    expect(await response.text()).toContain('"ok":true');
    expect(await db.voucherCampaignDecline.count({ where: { shopId, campaignId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "voucher.campaign.decline", entityId: campaignId } })).toBe(1);
  });
});

describe("open data over HTTP", () => {
  it("lists the town's campaigns as aggregates, in JSON and CSV", async () => {
    const json = (await (await fetch(`${app.url}/api/open-data/bons-d-achat?territoire=grand-poitiers`)).json()) as { voucherCampaigns: { name: string; spentCents: number; ordersSupported: number }[] };
    expect(json.voucherCampaigns.find((c) => c.name === "Bons HTTP")).toMatchObject({ spentCents: 1200, ordersSupported: 1 });
    const csv = await fetch(`${app.url}/api/open-data/bons-d-achat?territoire=grand-poitiers&format=csv`);
    expect(csv.headers.get("content-disposition")).toContain("bons-d-achat.csv");
    expect(await csv.text()).not.toContain(reference);
    const directory = (await (await fetch(`${app.url}/api/open-data/commerces?territoire=grand-poitiers`)).json()) as { voucherCampaigns: { name: string }[] };
    expect(directory.voucherCampaigns.map((c) => c.name)).toContain("Bons HTTP");
  });
});
