import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, openEveryDay } from "@/tests/helpers/fixtures";
import { findServiceForCaller, getPhoneLineDesk } from "./find-options";

const db = testDb();
type Place = Awaited<ReturnType<typeof createTerritory>>;
let place: Place;
/** The caller's commune: a village next to Poitiers (the fixtures' commune) */
let liguge: Place["commune"];
let operator: Actor;

async function actorWith(role: "ADMIN" | "OPERATOR" | null, territoryId: string | null) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  if (role) await db.roleGrant.create({ data: { userId: user.id, role, territoryId } });
  return loadActor(db, user.id);
}

/** A shop's delivery rounds to the given communes, every day unless told otherwise. */
async function deliversTo(shopId: string, communes: { id: string; feeCents: number }[], options: { active?: boolean; leadTimeMinutes?: number; schedule?: boolean } = {}) {
  const point = await db.pickupPoint.create({
    data: { territoryId: place.territory.id, kind: "DELIVERY", deliveryShopId: shopId, name: "Livraison", addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34, active: options.active ?? true },
  });
  for (const commune of communes) await db.deliveryZone.create({ data: { shopId, communeId: commune.id, feeCents: commune.feeCents } });
  if (options.schedule !== false) await openEveryDay(db, shopId, point.id, { leadTimeMinutes: options.leadTimeMinutes ?? 0 });
  return point;
}

async function relayPoint(name: string, postalCode: string, city: string, shopIds: string[]) {
  const point = await db.pickupPoint.create({ data: { territoryId: place.territory.id, kind: "RELAY_POINT", name, addressLine: "Place de la mairie", postalCode, city, latitude: 46.5, longitude: 0.3 } });
  await db.shopRelayPoint.createMany({ data: shopIds.map((shopId) => ({ shopId, pickupPointId: point.id })) });
  return point;
}

const search = (actor: Actor, communeId: string, territoryId = place.territory.id) => findServiceForCaller(db, { actor, territoryId, input: { communeId, addressLine: " 3 rue des Lilas " } });

beforeAll(async () => {
  place = await createTerritory(db);
  liguge = await db.commune.create({ data: { territoryId: place.territory.id, name: "Ligugé", postalCode: "86240" } });
  operator = await actorWith("OPERATOR", place.territory.id);
});

describe("the phone line's search for a caller", () => {
  it("lists the shops delivering to the caller's commune, the soonest first, with that commune's fee", async () => {
    const later = await createShop(db, place, "Alpha primeur");
    const sooner = await createShop(db, place, "Zeta fromagerie");
    const noSlot = await createShop(db, place, "Beta cave");
    await deliversTo(later.shop.id, [{ id: liguge.id, feeCents: 500 }], { leadTimeMinutes: 2 * 24 * 60 });
    await deliversTo(sooner.shop.id, [{ id: liguge.id, feeCents: 300 }, { id: place.commune.id, feeCents: 0 }]);
    await deliversTo(noSlot.shop.id, [{ id: liguge.id, feeCents: 400 }], { schedule: false });
    await db.shop.update({ where: { id: sooner.shop.id }, data: { deliveryFreeFromCents: 4000, deliveryMinimumCents: 1500 } });

    const notThere = await createShop(db, place, "Gamma boucherie");
    await deliversTo(notThere.shop.id, [{ id: place.commune.id, feeCents: 200 }]);
    const turnedOff = await createShop(db, place, "Delta traiteur");
    await deliversTo(turnedOff.shop.id, [{ id: liguge.id, feeCents: 200 }], { active: false });
    const unpublished = await createShop(db, place, "Epsilon épicerie");
    await deliversTo(unpublished.shop.id, [{ id: liguge.id, feeCents: 200 }]);
    await db.shop.update({ where: { id: unpublished.shop.id }, data: { publishedAt: null } });

    const found = await search(operator, liguge.id);
    expect(found.commune).toMatchObject({ id: liguge.id, name: "Ligugé" });
    expect(found.addressLine).toBe("3 rue des Lilas");
    expect(found.deliveries.map((d) => d.shop.name)).toEqual(["Zeta fromagerie", "Alpha primeur", "Beta cave"]);
    const [first, second, third] = found.deliveries;
    expect(first).toMatchObject({ feeCents: 300, freeFromCents: 4000, minimumCents: 1500, shop: { slug: sooner.shop.slug, category: { nameFr: "Alimentation" } } });
    expect(first?.firstSlot?.remaining).toBeGreaterThan(0);
    expect(second?.firstSlot?.startsAt.getTime()).toBeGreaterThan(first?.firstSlot?.startsAt.getTime() ?? Infinity);
    expect(third?.firstSlot).toBeNull();
  });

  it("puts the relay points and shop doors of the caller's commune before the others, each the soonest first", async () => {
    const village = await createShop(db, { ...place, commune: liguge }, "Boulangerie de Ligugé");
    await openEveryDay(db, village.shop.id, village.door.id, { leadTimeMinutes: 24 * 60 });
    const town = await createShop(db, place, "Librairie de Poitiers");
    await openEveryDay(db, town.shop.id, town.door.id);
    const inVillage = await relayPoint("Mairie de Ligugé", "86240", "LIGUGE", [town.shop.id]);
    await openEveryDay(db, town.shop.id, inVillage.id, { leadTimeMinutes: 3 * 24 * 60 });
    const inTown = await relayPoint("Gare de Poitiers", "86000", "Poitiers", [town.shop.id]);
    await openEveryDay(db, town.shop.id, inTown.id);
    const closed = await relayPoint("Ancien bureau de tabac", "86240", "Ligugé", [town.shop.id]);
    await db.pickupPoint.update({ where: { id: closed.id }, data: { active: false } });

    const found = await search(operator, liguge.id);
    const pickups = found.pickups.map((p) => [p.name, p.kind, p.inCallerCommune]);
    expect(pickups).toEqual([
      ["Boulangerie de Ligugé", "SHOP_DOOR", true],
      ["Mairie de Ligugé", "RELAY_POINT", true],
      ["Gare de Poitiers", "RELAY_POINT", false],
    ]);
    expect(found.pickups[1]?.shops.map((s) => s.slug)).toEqual([town.shop.slug]);
    expect(found.pickups[0]?.firstSlot).not.toBeNull();
    // Each relay point gets its own slots: the station's (no lead time) come before the town hall's (three days).
    expect(found.pickups[2]?.firstSlot?.startsAt.getTime()).toBeLessThan(found.pickups[1]?.firstSlot?.startsAt.getTime() ?? 0);
    // The door pickup of a shop in Poitiers is no use to a caller of Ligugé.
    expect(found.pickups.some((p) => p.name === "Librairie de Poitiers")).toBe(false);
  });

  it("is refused for a commune of another territory and for anyone but the territory's operators and admins", async () => {
    const elsewhere = await createTerritory(db);
    await expect(search(operator, elsewhere.commune.id)).rejects.toMatchObject({ code: "invalidInput", details: { reason: "communeNotInTerritory" } });
    await expect(search(operator, elsewhere.commune.id)).rejects.toBeInstanceOf(DomainError);
    const customer = await actorWith(null, null);
    const otherOperator = await actorWith("OPERATOR", elsewhere.territory.id);
    for (const actor of [customer, otherOperator]) await expect(search(actor, liguge.id)).rejects.toBeInstanceOf(NotFoundError);
    const admin = await actorWith("ADMIN", place.territory.id);
    await expect(search(admin, liguge.id)).resolves.toMatchObject({ commune: { id: liguge.id } });
  });

  it("opens the desk on the territory the operator chose among theirs, with its communes", async () => {
    const second = await createTerritory(db, `a-${randomUUID().slice(0, 8)}`);
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
    await db.roleGrant.createMany({ data: [{ userId: user.id, role: "OPERATOR", territoryId: place.territory.id }, { userId: user.id, role: "ADMIN", territoryId: second.territory.id }] });
    const both = await loadActor(db, user.id);
    const desk = await getPhoneLineDesk(db, { actor: both, territorySlug: place.territory.slug });
    expect(desk.territory.id).toBe(place.territory.id);
    expect(desk.territories.map((t) => t.id).sort()).toEqual([place.territory.id, second.territory.id].sort());
    expect(desk.communes.map((c) => c.name)).toEqual(["Ligugé", "Poitiers"]);
    // An unknown or foreign slug falls back to the first of theirs, by name.
    expect((await getPhoneLineDesk(db, { actor: both, territorySlug: "ailleurs" })).territory.id).toBe(desk.territories[0]?.id);
    await expect(getPhoneLineDesk(db, { actor: await actorWith(null, null) })).rejects.toBeInstanceOf(NotFoundError);
  });
});
