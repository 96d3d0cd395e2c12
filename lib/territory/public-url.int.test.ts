import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/notifications/app-url";
import { testDb } from "@/tests/helpers/db";
import { createTerritory } from "@/tests/helpers/fixtures";
import { publicUrlOfTerritory } from "./public-url";

const db = testDb();

describe("a town's public address (links in emails, payment return pages, calendar files)", () => {
  it("is its own host name when it has one, else the platform's address under /<slug>, unprefixed for the root town", async () => {
    const root = await db.territory.upsert({ where: { slug: env().DEFAULT_TERRITORY }, create: { slug: env().DEFAULT_TERRITORY, name: "Racine", status: "LIVE" }, update: {} });
    const pathTown = (await createTerritory(db)).territory;
    const hostTown = (await createTerritory(db)).territory;
    await db.territoryDomain.create({ data: { host: `commerces.${hostTown.slug}.example.fr`, territoryId: hostTown.id } });
    expect(await publicUrlOfTerritory(db, root.id)).toBe(appUrl());
    expect(await publicUrlOfTerritory(db, pathTown.id)).toBe(`${appUrl()}/${pathTown.slug}`);
    expect(await publicUrlOfTerritory(db, hostTown.id)).toBe(`https://commerces.${hostTown.slug}.example.fr`);
  });
});
