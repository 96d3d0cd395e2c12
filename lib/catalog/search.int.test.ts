import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { searchTerritory, SEARCH_PAGE_SIZE } from "./search";

const db = testDb();
let territoryId: string;

beforeAll(async () => {
  const place = await createTerritory(db);
  territoryId = place.territory.id;
  const { shop: bakery } = await createShop(db, place, "Boulangerie Test");
  const { shop: roaster } = await createShop(db, place, "Torréfacteur Test");
  await db.product.createMany({
    data: [
      { shopId: bakery.id, name: "Pain de campagne", section: "Pains", priceCents: 420 },
      { shopId: bakery.id, name: "Croissant", section: "Viennoiseries", description: "Pur beurre, comme le pain", priceCents: 120 },
      { shopId: roaster.id, name: "Café d'Éthiopie", section: "Cafés", priceCents: 890 },
      { shopId: roaster.id, name: "Pain d'épices caché", priceCents: 650, active: false },
      ...Array.from({ length: 25 }, (_, i) => ({ shopId: roaster.id, name: `Thé vert n°${i + 1}`, priceCents: 500 })),
    ],
  });
  const other = await createTerritory(db);
  const { shop: elsewhere } = await createShop(db, other, "Ailleurs");
  await db.product.create({ data: { shopId: elsewhere.id, name: "Pain d'ailleurs", priceCents: 100 } });
});

describe("searchTerritory", () => {
  it("finds stemmed French words, name matches first, and says which shop sells each product", async () => {
    const result = await searchTerritory(db, territoryId, { query: "pains" });
    expect(result.products.map((p) => p.name)).toEqual(["Pain de campagne", "Croissant"]);
    expect(result.products[0]?.shopName).toBe("Boulangerie Test");
  });

  it("ignores accents both ways", async () => {
    expect((await searchTerritory(db, territoryId, { query: "cafe" })).products.map((p) => p.name)).toEqual(["Café d'Éthiopie"]);
    expect((await searchTerritory(db, territoryId, { query: "torrefacteur" })).shops.map((s) => s.name)).toEqual(["Torréfacteur Test"]);
  });

  it("leaves out inactive products and other territories", async () => {
    const names = (await searchTerritory(db, territoryId, { query: "pain" })).products.map((p) => p.name);
    expect(names).not.toContain("Pain d'épices caché");
    expect(names).not.toContain("Pain d'ailleurs");
  });

  it("paginates", async () => {
    const first = await searchTerritory(db, territoryId, { query: "thé", page: 1 });
    const second = await searchTerritory(db, territoryId, { query: "thé", page: "2" });
    expect(first.totalProducts).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.products).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.products).toHaveLength(5);
    expect(new Set([...first.products, ...second.products].map((p) => p.id)).size).toBe(25);
  });

  it("treats junk input as an empty search", async () => {
    expect((await searchTerritory(db, territoryId, { query: "a", page: "-3" })).products).toEqual([]);
    expect((await searchTerritory(db, territoryId, { query: "\"' OR 1=1 --" })).products).toEqual([]);
  });
});
