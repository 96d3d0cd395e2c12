import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { listMailbox } from "@/lib/notifications/mailbox";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { acceptInvitation, describeInvitation, inviteStaff, removeMember } from "./invitations";
import { getShopProfile, updateShopDetails, updateShopSettings } from "./profile";

const db = testDb();
let shopId: string;
let territoryId: string;
let owner: Actor;
let staff: Actor;
let stranger: Actor;

async function user(email = `${randomUUID()}@example.fr`): Promise<Actor> {
  return loadActor(db, (await db.user.create({ data: { email } })).id);
}
async function member(shop: string, role: "OWNER" | "STAFF"): Promise<Actor> {
  const actor = await user();
  if (actor.kind !== "user") throw new Error("user expected");
  await db.shopMember.create({ data: { shopId: shop, userId: actor.userId, role } });
  return loadActor(db, actor.userId);
}

const details = { description: "Fromages fermiers", phone: "05 49 00 00 00", email: "contact@fromages.fr", website: "https://fromages.fr", addressLine: "3 place du Marché", latitude: "46.58", longitude: "0.34", hours: ["", "09:00-12:30, 14:30-19:00", "09:00-12:30", "", "", "08:00-13:00", ""] };

beforeAll(async () => {
  const place = await createTerritory(db);
  territoryId = place.territory.id;
  const created = await createShop(db, place);
  shopId = created.shop.id;
  const other = await createShop(db, place);
  owner = await member(shopId, "OWNER");
  staff = await member(shopId, "STAFF");
  stranger = await member(other.shop.id, "OWNER");
});

describe("shop profile", () => {
  it("lets members edit details and hours, which the door pickup point follows", async () => {
    await updateShopDetails(db, { actor: staff, shopId, input: details });
    const profile = await getShopProfile(db, { actor: staff, shopId });
    expect(profile.shop.hoursText).toEqual(details.hours);
    expect(profile.isOwner).toBe(false);
    expect(await db.pickupPoint.findFirstOrThrow({ where: { shopId } })).toMatchObject({ addressLine: "3 place du Marché" });
    await expect(updateShopDetails(db, { actor: staff, shopId, input: { ...details, hours: ["9h-12h", "", "", "", "", "", ""] } })).rejects.toThrow(/hoursFormat/);
    await expect(updateShopDetails(db, { actor: staff, shopId, input: { ...details, website: "javascript:alert(1)" } })).rejects.toThrow(/urlInvalid/);
  });

  it("keeps payment methods and relay points to the owner, within the territory", async () => {
    const relay = await db.pickupPoint.create({ data: { territoryId, kind: "RELAY_POINT", name: "Mairie", addressLine: "x", postalCode: "86000", city: "Poitiers", latitude: 46.5, longitude: 0.3 } });
    const settings = { paymentMethods: ["PAY_AT_PICKUP", "ONLINE"], relayPointIds: [relay.id] };
    await expect(updateShopSettings(db, { actor: staff, shopId, input: settings })).rejects.toMatchObject({ code: "forbidden" });
    // Online payment only once the shop's payments account is active.
    await expect(updateShopSettings(db, { actor: owner, shopId, input: settings })).rejects.toMatchObject({ details: { reason: "paymentsNotActive" } });
    await db.shop.update({ where: { id: shopId }, data: { stripeAccountId: "acct_test", stripeStatus: "ACTIVE" } });
    await updateShopSettings(db, { actor: owner, shopId, input: settings });
    expect((await db.shop.findUniqueOrThrow({ where: { id: shopId } })).paymentMethods).toEqual(["PAY_AT_PICKUP", "ONLINE"]);
    expect(await db.shopRelayPoint.count({ where: { shopId } })).toBe(1);
    await expect(updateShopSettings(db, { actor: owner, shopId, input: { ...settings, relayPointIds: ["elsewhere"] } })).rejects.toMatchObject({ details: { reason: "relayPointInvalid" } });
    await expect(updateShopSettings(db, { actor: owner, shopId, input: { paymentMethods: [], relayPointIds: [] } })).rejects.toThrow(/paymentMethodRequired/);
    await updateShopSettings(db, { actor: owner, shopId, input: { paymentMethods: ["PAY_AT_PICKUP"], relayPointIds: [] } });
    expect(await db.shopRelayPoint.count({ where: { shopId } })).toBe(0);
  });

  it("answers not found to other shops' members", async () => {
    await expect(getShopProfile(db, { actor: stranger, shopId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateShopDetails(db, { actor: stranger, shopId, input: details })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateShopSettings(db, { actor: stranger, shopId, input: { paymentMethods: ["PAY_AT_PICKUP"], relayPointIds: [] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteStaff(db, { actor: stranger, shopId, input: { email: "x@example.fr" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("team", () => {
  it("invites staff by email; the invited address accepts once and joins as staff", async () => {
    const email = `new-${randomUUID()}@example.fr`;
    await expect(inviteStaff(db, { actor: staff, shopId, input: { email } })).rejects.toMatchObject({ code: "forbidden" });
    await inviteStaff(db, { actor: owner, shopId, input: { email } });
    const [mail] = await listMailbox(db, { to: email });
    const token = /\/invitation\/([\w-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
    expect(await describeInvitation(db, token)).toMatchObject({ state: "valid", email, role: "STAFF" });

    const someoneElse = await user();
    await expect(acceptInvitation(db, { actor: someoneElse, token })).rejects.toMatchObject({ details: { reason: "invitationOtherEmail" } });
    const invited = await user(email);
    const [first, second] = await Promise.allSettled([acceptInvitation(db, { actor: invited, token }), acceptInvitation(db, { actor: invited, token })]);
    expect([first, second].filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await describeInvitation(db, token)).toMatchObject({ state: "used" });
    if (invited.kind !== "user") throw new Error("user expected");
    const membership = await db.shopMember.findUniqueOrThrow({ where: { shopId_userId: { shopId, userId: invited.userId } } });
    expect(membership.role).toBe("STAFF");

    await expect(inviteStaff(db, { actor: owner, shopId, input: { email } })).rejects.toMatchObject({ details: { reason: "alreadyMember" } });
    await expect(acceptInvitation(db, { actor: invited, token: "forged" })).rejects.toBeInstanceOf(NotFoundError);
    await removeMember(db, { actor: owner, shopId, memberId: membership.id });
    expect(await db.shopMember.count({ where: { shopId, userId: invited.userId } })).toBe(0);
  });

  it("refuses expired links and an owner removing themselves", async () => {
    const email = `late-${randomUUID()}@example.fr`;
    await inviteStaff(db, { actor: owner, shopId, input: { email } });
    const token = /\/invitation\/([\w-]+)/.exec((await listMailbox(db, { to: email }))[0]?.text ?? "")?.[1] ?? "";
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await describeInvitation(db, token)).toMatchObject({ state: "expired" });
    await expect(acceptInvitation(db, { actor: await user(email), token })).rejects.toMatchObject({ details: { reason: "invitationExpired" } });
    if (owner.kind !== "user") throw new Error("owner expected");
    const own = await db.shopMember.findFirstOrThrow({ where: { shopId, userId: owner.userId } });
    await expect(removeMember(db, { actor: owner, shopId, memberId: own.id })).rejects.toMatchObject({ details: { reason: "cannotRemoveSelf" } });
  });
});
