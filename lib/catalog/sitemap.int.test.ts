import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { listSitemapEntries } from "./sitemap";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: { id: string; slug: string };

beforeAll(async () => {
  place = await createTerritory(db);
  ({ shop } = await createShop(db, place));
});

describe("the sitemap", () => {
  it("lists the territory's pages, its published shops and their products on sale — nothing else", async () => {
    const onSale = await db.product.create({ data: { shopId: shop.id, name: "Pain", priceCents: 300, stock: 5 } });
    const withdrawn = await db.product.create({ data: { shopId: shop.id, name: "Ancien", priceCents: 300, stock: 5, active: false } });
    const hidden = await createShop(db, place);
    await db.shop.update({ where: { id: hidden.shop.id }, data: { publishedAt: null } });
    const elsewhere = await createShop(db, await createTerritory(db));

    const paths = (await listSitemapEntries(db, place.territory.id)).map((entry) => entry.path);
    expect(paths).toEqual(expect.arrayContaining(["/", "/commerces", "/mentions-legales", "/accessibilite", `/boutiques/${shop.slug}`, `/boutiques/${shop.slug}/produits/${onSale.id}`]));
    expect(paths.join(" ")).not.toContain(withdrawn.id);
    expect(paths).not.toContain(`/boutiques/${hidden.shop.slug}`);
    expect(paths).not.toContain(`/boutiques/${elsewhere.shop.slug}`);
  });

  it("stops at the limit, keeping the most recently changed products", async () => {
    const older = await db.product.create({ data: { shopId: shop.id, name: "Vieux", priceCents: 100, stock: 1 } });
    await db.$executeRaw`UPDATE "Product" SET "updatedAt" = '2020-01-01' WHERE id = ${older.id}`;
    const entries = await listSitemapEntries(db, place.territory.id, 6);
    expect(entries).toHaveLength(6);
    expect(entries.map((entry) => entry.path).join(" ")).not.toContain(older.id);
  });
});
