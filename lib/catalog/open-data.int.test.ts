import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/seed";
import { testDb } from "@/tests/helpers/db";
import { parseCsv } from "./csv-format";
import { directoryCsv, publicDirectory } from "./open-data";

const db = testDb();

beforeAll(async () => {
  await seedDemoData(process.env.DATABASE_URL ?? "");
});

describe("open-data directory", () => {
  it("lists published shops with category, address, position, hours and pickup options, in JSON and CSV", async () => {
    await db.shop.updateMany({ where: { slug: "cave-du-haut-poitou" }, data: { status: "SUSPENDED" } });
    const entries = await publicDirectory(db, "grand-poitiers", "https://comptoir.example.fr");
    expect(entries).toHaveLength(16);
    expect(entries.map((e) => e.name)).not.toContain("Cave du Haut-Poitou");
    const bakery = entries.find((e) => e.name === "Boulangerie du Marché");
    expect(bakery).toMatchObject({ category: "Alimentation", city: "Poitiers", url: "https://comptoir.example.fr/boutiques/boulangerie-du-marche" });
    expect(bakery?.pickupOptions).toContain("point relais : Hôtel de Ville de Poitiers — accueil");
    // The shops that deliver say where (issue #15); the others say nothing of it.
    expect(entries.find((e) => e.name === "Les Paniers du Clain")?.pickupOptions).toContain("livraison à domicile : Lavoux, Ligugé, Poitiers, Saint-Benoît");
    expect(bakery?.pickupOptions.some((option) => option.startsWith("livraison"))).toBe(false);
    const table = parseCsv(directoryCsv(entries));
    expect(table[0]).toEqual(["nom", "categorie", "adresse", "code_postal", "commune", "latitude", "longitude", "horaires", "retraits", "url"]);
    expect(table).toHaveLength(17);
    expect(table.find((r) => r[0] === "Boulangerie du Marché")?.[7]).toContain("mar 09:00-12:30");
  });

  it("writes a shop name that a spreadsheet would run as a formula as plain text", async () => {
    await db.shop.updateMany({ where: { slug: "boulangerie-du-marche" }, data: { name: '=HYPERLINK("http://evil.example","Boulangerie")' } });
    const csv = directoryCsv(await publicDirectory(db, "grand-poitiers", "https://comptoir.example.fr"));
    expect(csv).not.toMatch(/(^|;)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK(`);
  });
});
