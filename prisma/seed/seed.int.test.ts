import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { quoteIdent, withDatabase } from "@/lib/db/connection";
import { queryOnce } from "@/lib/db/database";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { DEMO_CAMPAIGN, DEMO_ORDER_SHOP } from "./demo-activity";
import { seedDemoData } from "./seed";

const db = testDb();
const DAY = 86_400_000;
let seededAt = new Date();

describe("demo seed", () => {
  it("seeds Grand Poitiers once, with shops in every category, products, relay points and accounts", async () => {
    const url = process.env.DATABASE_URL ?? "";
    seededAt = new Date();
    expect(await seedDemoData(url)).toMatch(/^Seeded Grand Poitiers: \d+ shops, \d+ products/);
    expect(await seedDemoData(url)).toMatch(/already present/);

    const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
    const shops = await db.shop.findMany({ where: { territoryId: territory.id }, include: { category: true, commune: true } });
    expect(shops.length).toBeGreaterThanOrEqual(15);
    expect(new Set(shops.map((s) => s.category.slug))).toEqual(new Set(["sante", "culture", "alimentation", "services", "jeux-et-jouets"]));
    expect(new Set(shops.map((s) => s.commune.name)).size).toBeGreaterThanOrEqual(3);
    expect(await db.product.count({ where: { shop: { territoryId: territory.id } } })).toBeGreaterThanOrEqual(200);
    expect(await db.pickupPoint.count({ where: { territoryId: territory.id, kind: "RELAY_POINT" } })).toBe(2);
    expect(await db.pickupPoint.count({ where: { territoryId: territory.id, kind: "SHOP_DOOR" } })).toBe(shops.length);
    const shopsWithoutSchedule = await db.shop.count({ where: { territoryId: territory.id, scheduleRules: { none: {} } } });
    expect(shopsWithoutSchedule).toBe(0);
    expect((await db.territory.findUniqueOrThrow({ where: { slug: "niort" } })).status).toBe("PREPARATION");
  });

  it("creates the demo accounts with their roles and shops", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin.email }, include: { roles: true } });
    expect(admin.roles.map((r) => r.role)).toEqual(["ADMIN"]);
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash ?? "")).toBe(true);
    const bakers = await db.shopMember.findMany({ where: { user: { email: { in: [DEMO_ACCOUNTS.boulangerie.email, DEMO_ACCOUNTS.librairie.email] } } } });
    expect(new Set(bakers.map((m) => m.shopId)).size).toBe(2);
    expect(bakers.every((m) => m.role === "OWNER")).toBe(true);
    const customer = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.customer.email } });
    expect(customer.passwordHash).toBeNull();
  });
});

/** What the demo shows that depends on the day, checked against the `now` it was seeded on. */
async function expectDemoAlive(client: PrismaClient, now: Date) {
  const territory = await client.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
  const campaigns = await client.voucherCampaign.findMany({ where: { territoryId: territory.id } });
  expect(campaigns.map((c) => c.name)).toEqual([DEMO_CAMPAIGN]);
  const [campaign] = campaigns;
  expect(campaign!.startsAt.getTime()).toBeLessThanOrEqual(now.getTime());
  expect(campaign!.endsAt.getTime()).toBeGreaterThan(now.getTime() + 30 * DAY);
  expect(await client.voucher.count({ where: { campaignId: campaign!.id, recipientEmail: DEMO_ACCOUNTS.customer.email } })).toBe(1);

  const orders = await client.order.findMany({ where: { shop: { slug: DEMO_ORDER_SHOP } }, orderBy: { slotStartsAt: "asc" } });
  expect(orders.map((o) => o.status)).toEqual(["READY", "CONFIRMED"]);
  for (const order of orders) {
    expect(order.slotStartsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(order.slotStartsAt.getTime()).toBeLessThan(now.getTime() + 14 * DAY);
  }

  // Every shop can be ordered from in the coming week, at its door.
  const doors = await client.pickupPoint.findMany({ where: { territoryId: territory.id, kind: "SHOP_DOOR" }, select: { id: true, shopId: true } });
  for (const door of doors) {
    const slots = await listAvailableSlots(client, { shopId: door.shopId ?? "", pickupPointId: door.id, now });
    expect(slots.filter((s) => s.startsAt.getTime() < now.getTime() + 7 * DAY).length, door.shopId ?? "").toBeGreaterThan(0);
  }
}

describe("the demo on any day", () => {
  it("seeded on the real clock, runs a voucher campaign now and holds two coming orders (the calendar stage moves this clock)", async () => {
    await expectDemoAlive(db, seededAt);
  });

  it("seeded three years and a half from now, is as alive on that day", async () => {
    const far = new Date(Date.now() + 1280 * DAY);
    const name = `test_far_${randomBytes(4).toString("hex")}`;
    await queryOnce(inject("serverUrl"), `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(inject("templateDb"))}`);
    const url = withDatabase(inject("serverUrl"), name);
    const client = createPrismaClient(url, { poolSize: 2 });
    try {
      expect(await seedDemoData(url, { now: far })).toMatch(/a voucher campaign and 2 orders/);
      await expectDemoAlive(client, far);
    } finally {
      await client.$disconnect();
      await queryOnce(inject("serverUrl"), `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  });
});
