import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { listFailedShopEmails } from "@/lib/dashboard/failed-emails";
import { NotFoundError } from "@/lib/errors";
import { queueEmail } from "@/lib/notifications/outbox";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { listOutgoingEmails, retryOutgoingEmail } from "./outgoing-emails";

const db = testDb();

async function admin(territoryId: string) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId } });
  return loadActor(db, user.id);
}

describe("outgoing emails for admins and shops", () => {
  it("lists the territory's emails with their state, retries a failed one (audited), and shows the shop its failed order emails", async () => {
    const place = await createTerritory(db);
    const elsewhere = await createTerritory(db);
    const { shop, door } = await createShop(db, place);
    const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
    const order = await db.order.create({
      data: {
        reference: `E-${randomUUID().slice(0, 6)}`, territoryId: place.territory.id, shopId: shop.id, checkoutId: checkout.id, contactName: "Sam", contactPhone: "0600000000", status: "CONFIRMED",
        pickupPointId: door.id, slotStartsAt: new Date(), slotEndsAt: new Date(Date.now() + 1_800_000), pickupCode: "ABC234", paymentMethod: "PAY_AT_PICKUP", subtotalCents: 1, vatCents: 0, totalCents: 1, accessToken: randomUUID(),
      },
    });
    const failedId = await db.$transaction((tx) => queueEmail(tx, { to: "sam@example.fr", subject: "Commande confirmée", text: "…", kind: "order-confirmed", orderId: order.id, territoryId: place.territory.id }));
    await db.outgoingEmail.update({ where: { id: failedId }, data: { status: "FAILED", attempts: 9, error: "451 mailbox unavailable" } });
    await db.$transaction((tx) => queueEmail(tx, { to: "x@example.fr", subject: "Ailleurs", text: "…", kind: "test", territoryId: elsewhere.territory.id }));

    const mine = await admin(place.territory.id);
    const theirs = await admin(elsewhere.territory.id);
    const listed = await listOutgoingEmails(db, { actor: mine, territoryId: place.territory.id });
    expect(listed.emails.map((e) => e.subject)).toEqual(["Commande confirmée"]);
    expect(listed.emails[0]).toMatchObject({ status: "FAILED", attempts: 9, error: "451 mailbox unavailable", order: { reference: order.reference } });
    expect(listed.failed).toBe(1);
    expect(listed.queue.pending).toBeGreaterThanOrEqual(1);
    expect((await listOutgoingEmails(db, { actor: mine, territoryId: place.territory.id, status: "SENT" })).emails).toEqual([]);

    const member = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
    await db.shopMember.create({ data: { shopId: shop.id, userId: member.id, role: "STAFF" } });
    const staff = await loadActor(db, member.id);
    expect((await listFailedShopEmails(db, { actor: staff, shopId: shop.id })).map((e) => e.order?.contactPhone)).toEqual(["0600000000"]);

    await expect(retryOutgoingEmail(db, { actor: theirs, territoryId: elsewhere.territory.id, emailId: failedId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOutgoingEmails(db, { actor: theirs, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
    await retryOutgoingEmail(db, { actor: mine, territoryId: place.territory.id, emailId: failedId });
    expect((await db.outgoingEmail.findUniqueOrThrow({ where: { id: failedId } })).status).toBe("QUEUED");
    expect(await db.auditLog.count({ where: { action: "email.retry", entityId: failedId } })).toBe(1);
    expect(await listFailedShopEmails(db, { actor: staff, shopId: shop.id })).toEqual([]);
  });
});
