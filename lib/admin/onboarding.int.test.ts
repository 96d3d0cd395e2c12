import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { getTerritoryHome } from "@/lib/catalog/territory-home";
import { NotFoundError } from "@/lib/errors";
import { listMailbox } from "@/lib/notifications/mailbox";
import { getApplicationStatus, submitApplication } from "@/lib/onboarding/submit-application";
import { acceptInvitation } from "@/lib/shops/invitations";
import { testDb } from "@/tests/helpers/db";
import { createTerritory } from "@/tests/helpers/fixtures";
import { listTerritoryShops, listAuditLog, publishShop } from "./publish-shop";
import { listApplications, reviewApplication } from "./review-application";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let admin: Actor;
let otherAdmin: Actor;
let customer: Actor;

async function actor(email: string, role?: "ADMIN", territoryId?: string) {
  const user = await db.user.create({ data: { email } });
  if (role) await db.roleGrant.create({ data: { userId: user.id, role, territoryId } });
  return loadActor(db, user.id);
}

const application = (overrides: Record<string, unknown> = {}) => ({
  shopName: "Épicerie du Clain",
  siret: "732 829 320 00074",
  categoryId: place.category.id,
  communeId: place.commune.id,
  addressLine: "4 rue des Carmes",
  postalCode: "86000",
  contactName: "Inès Roux",
  contactEmail: `ines-${randomUUID()}@example.fr`,
  contactPhone: "06 01 02 03 04",
  description: "Épicerie fine et produits locaux.",
  pickupOptions: ["door"],
  ...overrides,
});

beforeAll(async () => {
  place = await createTerritory(db);
  const elsewhere = await createTerritory(db);
  admin = await actor(`admin-${randomUUID()}@example.fr`, "ADMIN", place.territory.id);
  otherAdmin = await actor(`other-${randomUUID()}@example.fr`, "ADMIN", elsewhere.territory.id);
  customer = await actor(`client-${randomUUID()}@example.fr`);
});

describe("shop onboarding", () => {
  it("takes an application to a published shop: approve, invitation, owner, products, schedule, publish", async () => {
    const input = application();
    const { followToken } = await submitApplication(db, { territorySlug: place.territory.slug, input });
    expect(await getApplicationStatus(db, followToken)).toMatchObject({ status: "SUBMITTED", shopName: "Épicerie du Clain" });
    expect((await listMailbox(db, { to: input.contactEmail }))[0]?.text).toContain(`/inscription-commerce/suivi/${followToken}`);
    await expect(submitApplication(db, { territorySlug: place.territory.slug, input: application({ contactEmail: "x@example.fr" }) })).rejects.toMatchObject({ details: { reason: "siretAlreadyApplied" } });

    const [pending] = await listApplications(db, { actor: admin, territoryId: place.territory.id, status: "SUBMITTED" });
    await expect(reviewApplication(db, { actor: otherAdmin, input: { applicationId: pending?.id, decision: "approve" } })).rejects.toBeInstanceOf(NotFoundError);
    await reviewApplication(db, { actor: admin, input: { applicationId: pending?.id, decision: "approve" } });
    await expect(reviewApplication(db, { actor: admin, input: { applicationId: pending?.id, decision: "reject", note: "x" } })).rejects.toMatchObject({ details: { reason: "applicationDecided" } });

    const shop = await db.shop.findFirstOrThrow({ where: { territoryId: place.territory.id, siret: "73282932000074" } });
    expect(shop).toMatchObject({ status: "ACTIVE", publishedAt: null, name: "Épicerie du Clain" });
    expect((await getTerritoryHome(db, place.territory.slug))?.shops.map((s) => s.id)).not.toContain(shop.id);

    const invitationMail = (await listMailbox(db, { to: input.contactEmail }))[0];
    const token = /\/invitation\/([\w-]+)/.exec(invitationMail?.text ?? "")?.[1] ?? "";
    const owner = await actor(input.contactEmail);
    await acceptInvitation(db, { actor: owner, token });
    if (owner.kind !== "user") throw new Error("owner expected");
    expect((await db.shopMember.findFirstOrThrow({ where: { shopId: shop.id, userId: owner.userId } })).role).toBe("OWNER");

    await expect(publishShop(db, { actor: admin, shopId: shop.id })).rejects.toMatchObject({ details: { reason: "onboardingIncomplete" } });
    const door = await db.pickupPoint.findFirstOrThrow({ where: { shopId: shop.id } });
    await db.product.create({ data: { shopId: shop.id, name: "Huile de noix", priceCents: 890 } });
    await db.pickupScheduleRule.create({ data: { shopId: shop.id, pickupPointId: door.id, weekday: 3, opensAtMinute: 540, closesAtMinute: 720 } });
    const checklist = (await listTerritoryShops(db, { actor: admin, territoryId: place.territory.id })).find((s) => s.id === shop.id)?.checklist;
    expect(checklist).toEqual({ profile: true, products: true, schedule: true, payment: true });
    await expect(publishShop(db, { actor: otherAdmin, shopId: shop.id })).rejects.toBeInstanceOf(NotFoundError);
    await publishShop(db, { actor: admin, shopId: shop.id });
    expect((await getTerritoryHome(db, place.territory.slug))?.shops.map((s) => s.id)).toContain(shop.id);

    const log = await listAuditLog(db, { actor: admin, territoryId: place.territory.id });
    expect(log.map((l) => l.action)).toEqual(["shop.publish", "application.approve"]);
  });

  it("rejects with an emailed reason, refuses bad applications, and keeps admin data to admins of the territory", async () => {
    await expect(submitApplication(db, { territorySlug: place.territory.slug, input: application({ siret: "73282932000075" }) })).rejects.toThrow(/siretInvalid/);
    await expect(submitApplication(db, { territorySlug: place.territory.slug, input: application({ siret: "80295478500027", postalCode: "17000" }) })).rejects.toMatchObject({ details: { reason: "postalCodeMismatch" } });
    const input = application({ siret: "80295478500027", shopName: "Bazar" });
    await submitApplication(db, { territorySlug: place.territory.slug, input });
    const target = (await listApplications(db, { actor: admin, territoryId: place.territory.id })).find((a) => a.shopName === "Bazar");
    await expect(reviewApplication(db, { actor: admin, input: { applicationId: target?.id, decision: "reject" } })).rejects.toMatchObject({ details: { reason: "reasonRequired" } });
    await reviewApplication(db, { actor: admin, input: { applicationId: target?.id, decision: "reject", note: "Activité hors périmètre" } });
    expect((await listMailbox(db, { to: input.contactEmail }))[0]?.text).toContain("Activité hors périmètre");
    await expect(listApplications(db, { actor: customer, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listApplications(db, { actor: otherAdmin, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAuditLog(db, { actor: otherAdmin, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("suspension", () => {
  it("hides a suspended shop from the storefront, keeps its orders reachable, emails the owner, and reinstates it", async () => {
    const { setShopSuspended, nudgeShop } = await import("./shop-status");
    const { getOrder } = await import("@/lib/orders/get-order");
    const shop = await db.shop.findFirstOrThrow({ where: { territoryId: place.territory.id, publishedAt: { not: null } }, include: { members: { include: { user: true } } } });
    const ownerEmail = shop.members[0]?.user.email ?? "";
    const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
    const door = await db.pickupPoint.findFirstOrThrow({ where: { shopId: shop.id } });
    const order = await db.order.create({
      data: {
        reference: `SUS-${randomUUID().slice(0, 6)}`, territoryId: place.territory.id, shopId: shop.id, checkoutId: checkout.id, contactName: "Client", status: "CONFIRMED",
        pickupPointId: door.id, slotStartsAt: new Date(Date.now() + 86_400_000), slotEndsAt: new Date(Date.now() + 90_000_000), pickupCode: "SUS234", paymentMethod: "PAY_AT_PICKUP",
        subtotalCents: 100, vatCents: 0, totalCents: 100, accessToken: "sus-token",
      },
    });
    await expect(setShopSuspended(db, { actor: admin, input: { shopId: shop.id, suspended: true } })).rejects.toMatchObject({ details: { reason: "reasonRequired" } });
    await expect(setShopSuspended(db, { actor: otherAdmin, input: { shopId: shop.id, suspended: true, reason: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    await setShopSuspended(db, { actor: admin, input: { shopId: shop.id, suspended: true, reason: "Contrôle sanitaire" } });
    expect((await getTerritoryHome(db, place.territory.slug))?.shops.map((s) => s.id)).not.toContain(shop.id);
    expect((await getOrder(db, { actor: { kind: "anonymous" }, orderId: order.id, token: "sus-token" })).status).toBe("CONFIRMED");
    expect((await listMailbox(db, { to: ownerEmail }))[0]?.text).toContain("Contrôle sanitaire");
    await setShopSuspended(db, { actor: admin, input: { shopId: shop.id, suspended: false } });
    expect((await getTerritoryHome(db, place.territory.slug))?.shops.map((s) => s.id)).toContain(shop.id);
    await nudgeShop(db, { actor: admin, shopId: shop.id, missing: ["des créneaux de retrait"] });
    expect((await listMailbox(db, { to: ownerEmail }))[0]?.subject).toMatch(/encore quelques étapes/);
    expect((await listAuditLog(db, { actor: admin, territoryId: place.territory.id })).slice(0, 3).map((l) => l.action)).toEqual(["shop.nudge", "shop.reinstate", "shop.suspend"]);
  });
});
