import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { seedDemoData } from "@/prisma/seed/seed";
import { getTerritoryHome } from "./territory-home";

const db = testDb();

beforeAll(async () => {
  await seedDemoData(process.env.DATABASE_URL ?? "");
});

// Tuesday 24 November 2026 at 10:00 in Paris: demo shops are open (Tue–Sat 9:00–12:30).
const tuesdayTen = new Date("2026-11-24T09:00:00Z");
// Monday at 10:00: demo shops are closed on Mondays.
const mondayTen = new Date("2026-11-23T09:00:00Z");

describe("territory home", () => {
  it("counts published shops per category and lists them all without filters", async () => {
    const home = await getTerritoryHome(db, "grand-poitiers", {}, tuesdayTen);
    expect(home?.categories.map((c) => c.slug)).toEqual(["sante", "culture", "alimentation", "services", "jeux-et-jouets"]);
    expect(home?.categories.reduce((n, c) => n + c._count.shops, 0)).toBe(home?.shops.length);
  });

  it("filters by category and by commune", async () => {
    const health = await getTerritoryHome(db, "grand-poitiers", { categorie: "sante" }, tuesdayTen);
    expect(health?.shops.map((s) => s.name).sort()).toEqual(["Herboristerie du Clain", "Pharmacie des Trois Cités"]);
    const buxerolles = await getTerritoryHome(db, "grand-poitiers", { commune: "Buxerolles" }, tuesdayTen);
    expect(buxerolles?.shops.every((s) => s.city === "Buxerolles")).toBe(true);
    expect(buxerolles?.shops.length).toBeGreaterThan(0);
  });

  it("filters the shops that deliver to a commune, and marks the shops that deliver", async () => {
    const home = await getTerritoryHome(db, "grand-poitiers", {}, tuesdayTen);
    expect(home?.deliveryCommunes.map((c) => c.name)).toEqual(["Lavoux", "Ligugé", "Poitiers", "Saint-Benoît"]);
    expect(home?.shops.filter((s) => s.delivers).map((s) => s.name)).toEqual(["Les Paniers du Clain"]);
    expect((await getTerritoryHome(db, "grand-poitiers", { livraison: "Lavoux" }, tuesdayTen))?.shops.map((s) => s.name)).toEqual(["Les Paniers du Clain"]);
    // Nobody delivers to Buxerolles; a shop whose delivery is off delivers nowhere.
    expect((await getTerritoryHome(db, "grand-poitiers", { livraison: "Buxerolles" }, tuesdayTen))?.shops).toEqual([]);
    const grocer = await db.shop.findFirstOrThrow({ where: { slug: "primeur-clain" }, select: { id: true } });
    await db.pickupPoint.update({ where: { deliveryShopId: grocer.id }, data: { active: false } });
    expect((await getTerritoryHome(db, "grand-poitiers", { livraison: "Lavoux" }, tuesdayTen))?.shops).toEqual([]);
    expect((await getTerritoryHome(db, "grand-poitiers", {}, tuesdayTen))?.deliveryCommunes).toEqual([]);
    await db.pickupPoint.update({ where: { deliveryShopId: grocer.id }, data: { active: true } });
  });

  it("keeps only open shops with ouvert=1", async () => {
    expect((await getTerritoryHome(db, "grand-poitiers", { ouvert: "1" }, tuesdayTen))?.shops.length).toBeGreaterThan(10);
    expect((await getTerritoryHome(db, "grand-poitiers", { ouvert: "1" }, mondayTen))?.shops).toEqual([]);
  });

  it("keeps shops with a free slot today with aujourdhui=1", async () => {
    const tuesday = await getTerritoryHome(db, "grand-poitiers", { aujourdhui: "1" }, tuesdayTen);
    expect(tuesday?.shops.length).toBeGreaterThan(10);
    const sundayEvening = await getTerritoryHome(db, "grand-poitiers", { aujourdhui: "1" }, new Date("2026-11-29T19:00:00Z"));
    expect(sundayEvening?.shops).toEqual([]);
  });

  it("ignores malformed filters and unknown territories", async () => {
    expect((await getTerritoryHome(db, "grand-poitiers", { ouvert: "yes", categorie: ["a", "b"] }, tuesdayTen))?.shops.length).toBe(17);
    expect(await getTerritoryHome(db, "nowhere")).toBeNull();
    // Niort is in preparation: its home exists (empty), and only its team reaches it (proxy.ts).
    expect(await getTerritoryHome(db, "niort")).toMatchObject({ territory: { status: "PREPARATION" }, shops: [] });
  });
});
