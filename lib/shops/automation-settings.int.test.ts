import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { getAutomationSettings, updateAutomationSettings } from "./automation-settings";

const db = testDb();

async function member(shopId: string, role: "OWNER" | "STAFF") {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role } });
  return loadActor(db, user.id);
}

describe("automation settings", () => {
  it("defaults to the next opening day, restock and digest on; the owner changes them, staff and strangers cannot", async () => {
    const place = await createTerritory(db);
    const { shop } = await createShop(db, place);
    const other = await createShop(db, place);
    const owner = await member(shop.id, "OWNER");
    const staff = await member(shop.id, "STAFF");
    const stranger = await member(other.shop.id, "OWNER");
    expect(await getAutomationSettings(db, { actor: staff, shopId: shop.id })).toEqual({ noShowGrace: "next", noShowRestock: true, morningDigest: true, maxReschedules: 2, canEdit: false });

    await updateAutomationSettings(db, { actor: owner, shopId: shop.id, input: { noShowGrace: "24", noShowRestock: false, morningDigest: false } });
    expect(await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { noShowGraceHours: true, noShowRestock: true, morningDigest: true } })).toEqual({ noShowGraceHours: 24, noShowRestock: false, morningDigest: false });

    await expect(updateAutomationSettings(db, { actor: staff, shopId: shop.id, input: { noShowGrace: "2", noShowRestock: true, morningDigest: true } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateAutomationSettings(db, { actor: stranger, shopId: shop.id, input: { noShowGrace: "2", noShowRestock: true, morningDigest: true } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAutomationSettings(db, { actor: owner, shopId: shop.id, input: { noShowGrace: "0x10", noShowRestock: true, morningDigest: true } })).rejects.toThrow();
    expect((await db.shop.findUniqueOrThrow({ where: { id: shop.id } })).noShowGraceHours).toBe(24);
  });
});
