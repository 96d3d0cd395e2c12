import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { getScheduleEditor } from "@/lib/slots/manage-schedule";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, openEveryDay } from "@/tests/helpers/fixtures";
import { getOpeningChecklist, openTerritory, saveScheduleDefaults } from "./opening";
import { updateTerritoryIdentity } from "./territory-identity";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let admin: Actor;
let otherAdmin: Actor;

const actorWith = async (grant: { role: "ADMIN" | "OPERATOR"; territoryId: string } | null, membership?: { shopId: string }) => {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  if (grant) await db.roleGrant.create({ data: { userId: user.id, ...grant } });
  if (membership) await db.shopMember.create({ data: { userId: user.id, shopId: membership.shopId, role: "OWNER" } });
  return loadActor(db, user.id);
};

beforeAll(async () => {
  place = await createTerritory(db);
  await db.territory.update({ where: { id: place.territory.id }, data: { status: "PREPARATION" } });
  admin = await actorWith({ role: "ADMIN", territoryId: place.territory.id });
  otherAdmin = await actorWith({ role: "ADMIN", territoryId: (await createTerritory(db)).territory.id });
});

describe("opening a town", () => {
  it("lists what is missing, refuses to open until the required steps are done, then opens once", async () => {
    const territoryId = place.territory.id;
    await expect(getOpeningChecklist(db, { actor: otherAdmin, territoryId })).rejects.toBeInstanceOf(NotFoundError);
    let checklist = await getOpeningChecklist(db, { actor: admin, territoryId });
    expect(checklist.canOpen).toBe(false);
    expect(checklist.missing).toEqual(["identity", "legal", "firstShopInvited", "firstShopLive"]);
    expect(checklist.steps.find((s) => s.step === "communes")).toMatchObject({ done: true, count: 1 });
    await expect(openTerritory(db, { actor: admin, territoryId })).rejects.toMatchObject({ details: { reason: "openingIncomplete", missing: checklist.missing } });

    await updateTerritoryIdentity(db, { actor: admin, territoryId, input: { name: "Niort Agglo", welcomeText: "Bienvenue.", primaryColor: "#003d7a", contactEmail: "commerces@niort.fr", contactPhone: "", contactAddress: "", legalPublisher: "Mairie de Niort", publicationDirector: "Le maire" } });
    // A shop signed up but not orderable yet (no product, no hours): invited, not live.
    const { shop, door } = await createShop(db, place);
    checklist = await getOpeningChecklist(db, { actor: admin, territoryId });
    expect(checklist.missing).toEqual(["firstShopLive"]);
    await db.product.create({ data: { shopId: shop.id, name: "Pain", priceCents: 120, stock: 0 } });
    await openEveryDay(db, shop.id, door.id);
    expect((await getOpeningChecklist(db, { actor: admin, territoryId })).missing).toEqual(["firstShopLive"]); // nothing in stock
    await db.product.create({ data: { shopId: shop.id, name: "Brioche", priceCents: 450, stock: 3 } });
    checklist = await getOpeningChecklist(db, { actor: admin, territoryId });
    expect(checklist.canOpen).toBe(true);

    const results = await Promise.allSettled([openTerritory(db, { actor: admin, territoryId }), openTerritory(db, { actor: admin, territoryId })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).status).toBe("LIVE");
    expect(await db.auditLog.count({ where: { territoryId, action: "territory.open" } })).toBe(1);
    await expect(openTerritory(db, { actor: admin, territoryId })).rejects.toMatchObject({ details: { reason: "townAlreadyOpen" } });
  });

  it("suggests the town's pickup hours to a shop with none, without saving them for it", async () => {
    const territoryId = place.territory.id;
    await expect(saveScheduleDefaults(db, { actor: otherAdmin, territoryId, input: {} })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveScheduleDefaults(db, { actor: admin, territoryId, input: { weekdays: [], opens: "09:30", closes: "18:30", slotMinutes: "30", capacityPerSlot: "4", leadTimeMinutes: "120", horizonDays: "14" } })).rejects.toMatchObject({ name: "ZodError" });
    await saveScheduleDefaults(db, { actor: admin, territoryId, input: { weekdays: ["3", "6"], opens: "09:30", closes: "12:30", slotMinutes: "30", capacityPerSlot: "6", leadTimeMinutes: "120", horizonDays: "21" } });
    expect((await getOpeningChecklist(db, { actor: admin, territoryId })).steps.find((s) => s.step === "scheduleDefaults")?.done).toBe(true);

    const { shop } = await createShop(db, place);
    const owner = await actorWith(null, { shopId: shop.id });
    const editor = await getScheduleEditor(db, { actor: owner, shopId: shop.id });
    expect(editor.suggested.rows.map((r) => [r.weekday, r.opens, r.closes, r.capacityPerSlot, r.horizonDays])).toEqual([[3, "09:30", "12:30", 6, 21], [6, "09:30", "12:30", 6, 21]]);
    expect(editor.points[0]?.rules).toEqual([]);
    expect(await db.pickupScheduleRule.count({ where: { shopId: shop.id } })).toBe(0);
  });
});
