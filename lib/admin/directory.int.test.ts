import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { createCategory, listCategories, moveCategory } from "./categories";
import { listAuditLog } from "./publish-shop";
import { listRelayPoints, saveRelayPoint } from "./relay-points";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shopId: string;
let foreignShopId: string;
let admin: Actor;
let otherAdmin: Actor;

async function adminOf(territoryId: string) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId } });
  return loadActor(db, user.id);
}

const relay = (overrides: Record<string, unknown> = {}) => ({
  name: "Office de tourisme", addressLine: "45 place Charles de Gaulle", postalCode: "86000", city: "Poitiers", latitude: "46.58", longitude: "0.34",
  instructions: "Comptoir d'accueil", capacityPerSlot: "8", active: true, hours: ["", "10:00-18:00", "10:00-18:00", "", "", "", ""], shopIds: [shopId], ...overrides,
});

beforeAll(async () => {
  place = await createTerritory(db);
  shopId = (await createShop(db, place)).shop.id;
  const elsewhere = await createTerritory(db);
  foreignShopId = (await createShop(db, elsewhere)).shop.id;
  admin = await adminOf(place.territory.id);
  otherAdmin = await adminOf(elsewhere.territory.id);
});

describe("relay point management", () => {
  it("creates and edits a relay point with its hours, capacity and served shops, audited", async () => {
    const { id } = await saveRelayPoint(db, { actor: admin, territoryId: place.territory.id, input: relay() });
    let listed = (await listRelayPoints(db, { actor: admin, territoryId: place.territory.id })).points.find((p) => p.id === id);
    expect(listed).toMatchObject({ name: "Office de tourisme", capacityPerSlot: 8, shopIds: [shopId], hoursText: ["", "10:00-18:00", "10:00-18:00", "", "", "", ""] });
    await saveRelayPoint(db, { actor: admin, territoryId: place.territory.id, input: relay({ id, capacityPerSlot: "", shopIds: [], active: false }) });
    listed = (await listRelayPoints(db, { actor: admin, territoryId: place.territory.id })).points.find((p) => p.id === id);
    expect(listed).toMatchObject({ capacityPerSlot: null, shopIds: [], active: false });
    expect((await listAuditLog(db, { actor: admin, territoryId: place.territory.id })).map((l) => l.action).slice(0, 2)).toEqual(["relayPoint.update", "relayPoint.create"]);
  });

  it("refuses shops and relay points of other territories, and other territories' admins", async () => {
    await expect(saveRelayPoint(db, { actor: admin, territoryId: place.territory.id, input: relay({ shopIds: [foreignShopId] }) })).rejects.toMatchObject({ details: { reason: "shopInvalid" } });
    await expect(saveRelayPoint(db, { actor: otherAdmin, territoryId: place.territory.id, input: relay() })).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await saveRelayPoint(db, { actor: otherAdmin, territoryId: (await db.shop.findUniqueOrThrow({ where: { id: foreignShopId } })).territoryId, input: relay({ shopIds: [] }) });
    await expect(saveRelayPoint(db, { actor: admin, territoryId: place.territory.id, input: relay({ id }) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveRelayPoint(db, { actor: admin, territoryId: place.territory.id, input: relay({ postalCode: "86" }) })).rejects.toThrow(/postalCodeInvalid/);
  });
});

describe("categories", () => {
  it("adds custom categories at the end and reorders them", async () => {
    await createCategory(db, { actor: admin, territoryId: place.territory.id, input: { nameFr: "Mode et beauté", nameEn: "Fashion and beauty", icon: "shirt" } });
    await expect(createCategory(db, { actor: admin, territoryId: place.territory.id, input: { nameFr: "Mode et Beauté", nameEn: "x x", icon: "shirt" } })).rejects.toMatchObject({ details: { reason: "categoryExists" } });
    let list = await listCategories(db, { actor: admin, territoryId: place.territory.id });
    expect(list.map((c) => c.slug)).toEqual(["alimentation", "mode-et-beaute"]);
    await moveCategory(db, { actor: admin, territoryId: place.territory.id, categoryId: list[1]?.id ?? "", direction: "up" });
    list = await listCategories(db, { actor: admin, territoryId: place.territory.id });
    expect(list.map((c) => c.slug)).toEqual(["mode-et-beaute", "alimentation"]);
    await expect(listCategories(db, { actor: otherAdmin, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
