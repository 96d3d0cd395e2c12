import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedDemoData } from "./seed";

const db = testDb();

describe("demo seed", () => {
  it("seeds Grand Poitiers once, with shops in every category, products, relay points and accounts", async () => {
    const url = process.env.DATABASE_URL ?? "";
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
