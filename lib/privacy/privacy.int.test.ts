import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { deleteCustomerAccount } from "./delete-account";
import { exportCustomerData } from "./export-customer-data";
import { anonymiseExpiredGuestOrders, deleteExpiredEmails, monthsBefore } from "./guest-retention";

/**
 * Customers' data rights (issue #13 item 8): the export holds everything about the
 * customer and nobody else; deletion erases the person and keeps the accounts;
 * guests are erased after their town's retention period, not a day before.
 */
const db = testDb();
const NOW = new Date("2026-11-26T10:00:00Z");
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: Awaited<ReturnType<typeof createShop>>;
let productId = "";

beforeAll(async () => {
  place = await createTerritory(db);
  shop = await createShop(db, place);
  productId = (await db.product.create({ data: { shopId: shop.shop.id, name: "Pain de campagne", priceCents: 420 } })).id;
});

const token = () => randomBytes(9).toString("hex");

async function order(contact: { customerId?: string; name: string; email: string; phone?: string }, status: OrderStatus, updatedAt = NOW) {
  const checkout = await db.checkout.create({ data: { idempotencyKey: token(), accessToken: token(), userId: contact.customerId ?? null, ownerKey: contact.customerId ? `user:${contact.customerId}` : "guest:x" } });
  const created = await db.order.create({
    data: {
      reference: `T-${token().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: checkout.id, customerId: contact.customerId ?? null,
      contactName: contact.name, contactEmail: contact.email, contactPhone: contact.phone ?? "06 12 34 56 78", note: "Sonnez deux fois, c’est Camille", status,
      pickupPointId: shop.door.id, slotStartsAt: NOW, slotEndsAt: new Date(NOW.getTime() + 3_600_000), pickupCode: "1234", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: 840, vatCents: 44, totalCents: 840, accessToken: token(),
      deliveryCommuneId: place.commune.id, deliveryAddress: "3 rue Carnot", deliveryInstructions: "Code 1234B, 2e étage",
      lines: { create: { productId, productName: "Pain de campagne", unit: "pièce", unitPriceCents: 420, vatRateBp: 550, quantity: 2, lineTotalCents: 840 } },
      events: { create: { toStatus: status, note: "appelée au 06 12 34 56 78" } },
      emails: { create: { toAddress: contact.email, subject: "Votre commande", text: `Bonjour ${contact.name}`, kind: "order-confirmed", status: "SENT" } },
    },
  });
  // updatedAt is Prisma's own on create: set the order's age by hand.
  await db.$executeRaw`UPDATE "Order" SET "updatedAt" = ${updatedAt} WHERE id = ${created.id}`;
  return created;
}

async function customer(email = `camille-${token().slice(0, 6)}@example.fr`) {
  const user = await db.user.create({ data: { email, name: "Camille Martin", phone: "06 12 34 56 78", emailVerified: NOW } });
  const actor: Actor = { kind: "user", userId: user.id, email: user.email, name: user.name, roles: [], memberships: [] };
  return { user, actor };
}

describe("a customer's data", () => {
  it("exports as JSON everything about the customer — account, baskets, orders with lines and history, emails, sessions — and nothing about anyone else", async () => {
    const { user, actor } = await customer();
    await db.authSession.create({ data: { userId: user.id, expiresAt: new Date(NOW.getTime() + 86_400_000) } });
    await db.cart.create({ data: { territoryId: place.territory.id, userId: user.id, lines: { create: { productId, quantity: 3 } } } });
    const mine = await order({ customerId: user.id, name: "Camille Martin", email: user.email }, "COLLECTED");
    const asGuest = await order({ name: "Camille M.", email: user.email.toUpperCase() }, "CANCELLED");
    const someoneElse = await order({ name: "Dominique Autre", email: "dominique@example.fr" }, "COLLECTED");
    await db.outgoingEmail.create({ data: { toAddress: user.email, subject: "Votre lien de connexion", text: "Cliquez", kind: "sign-in" } });

    const data = await exportCustomerData(db, { actor, now: NOW });
    const json = JSON.stringify(data);
    expect(data.account).toMatchObject({ email: user.email, name: "Camille Martin", phone: "06 12 34 56 78" });
    expect(data.orders.map((o) => o.reference).sort()).toEqual([mine.reference, asGuest.reference].sort());
    expect(data.orders.find((o) => o.reference === mine.reference)).toMatchObject({ shop: shop.shop.name, payment: { totalCents: 840, vatCents: 44 }, lines: [{ product: "Pain de campagne", quantity: 2 }], history: [{ to: "COLLECTED" }], delivery: { address: "3 rue Carnot", commune: "Poitiers", instructions: "Code 1234B, 2e étage" } });
    expect(data.emails.map((e) => e.subject).sort()).toEqual(["Votre commande", "Votre commande", "Votre lien de connexion"]);
    expect(data.baskets).toEqual([{ town: place.territory.name, lines: [expect.objectContaining({ product: "Pain de campagne", quantity: 3 }) as unknown] }]);
    expect(data.sessions).toHaveLength(1);
    expect(json).not.toContain(someoneElse.reference);
    expect(json).not.toContain("dominique");
    await expect(exportCustomerData(db, { actor: { kind: "anonymous" }, now: NOW })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("deletion erases the person and keeps the accounts: orders read 'Client supprimé' with their amounts, the account, sessions, basket and emails are gone", async () => {
    const { user, actor } = await customer();
    await db.authSession.create({ data: { userId: user.id, expiresAt: new Date(NOW.getTime() + 86_400_000) } });
    await db.cart.create({ data: { territoryId: place.territory.id, userId: user.id } });
    const mine = await order({ customerId: user.id, name: "Camille Martin", email: user.email }, "COLLECTED");
    const asGuest = await order({ name: "Camille M.", email: user.email }, "NO_SHOW");
    const someoneElse = await order({ name: "Dominique Autre", email: "dominique@example.fr" }, "COLLECTED");

    await expect(deleteCustomerAccount(db, { actor, input: { confirmEmail: "autre@example.fr" }, now: NOW })).rejects.toMatchObject({ details: { reason: "deleteConfirmMismatch" } });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);

    expect(await deleteCustomerAccount(db, { actor, input: { confirmEmail: ` ${user.email.toUpperCase()} ` }, now: NOW })).toEqual({ erasedOrders: 2 });
    for (const id of [mine.id, asGuest.id]) {
      const kept = await db.order.findUniqueOrThrow({ where: { id }, include: { lines: true, events: true, emails: true } });
      expect(kept).toMatchObject({ contactName: "Client supprimé", contactEmail: null, contactPhone: null, note: "", customerId: null, totalCents: 840, vatCents: 44, shopId: shop.shop.id, anonymizedAt: NOW });
      // Where it was delivered goes too; the commune stays for the town's figures.
      expect(kept).toMatchObject({ deliveryAddress: null, deliveryInstructions: "", deliveryCommuneId: place.commune.id });
      expect(kept.lines).toHaveLength(1);
      expect(kept.events.every((event) => event.note === "")).toBe(true);
      expect(kept.emails).toHaveLength(0);
    }
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.cart.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.outgoingEmail.count({ where: { toAddress: { equals: user.email, mode: "insensitive" } } })).toBe(0);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: someoneElse.id } })).toMatchObject({ contactName: "Dominique Autre", contactEmail: "dominique@example.fr", anonymizedAt: null });
    expect(await db.auditLog.count({ where: { action: "account.deleted", entityId: user.id } })).toBe(1);
  });

  it("deletion is refused while an order is open (the shop is preparing it) and for a shop's staff, with nothing changed", async () => {
    const { user, actor } = await customer();
    const open = await order({ customerId: user.id, name: "Camille Martin", email: user.email }, "READY");
    await expect(deleteCustomerAccount(db, { actor, input: { confirmEmail: user.email }, now: NOW })).rejects.toMatchObject({ details: { reason: "deleteOpenOrders", references: open.reference } });
    expect(await db.order.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ contactName: "Camille Martin", customerId: user.id });

    const staff = await customer();
    await db.shopMember.create({ data: { shopId: shop.shop.id, userId: staff.user.id, role: "STAFF" } });
    await expect(deleteCustomerAccount(db, { actor: staff.actor, input: { confirmEmail: staff.user.email }, now: NOW })).rejects.toMatchObject({ details: { reason: "deleteStaffAccount" } });
    expect(await db.user.count({ where: { id: { in: [user.id, staff.user.id] } } })).toBe(2);
  });
});

describe("deletion racing a checkout", () => {
  it("waits for an order being placed for the account and then refuses, keeping its contact details", async () => {
    const { user, actor } = await customer();
    let placed: { id: string } | null = null;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted: () => void = () => undefined;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    // A checkout's transaction: its order for the account is written, not yet committed, while the deletion starts.
    const checkout = db.$transaction(async (tx) => {
      const bought = await tx.checkout.create({ data: { idempotencyKey: token(), accessToken: token(), userId: user.id, ownerKey: `user:${user.id}` } });
      placed = await tx.order.create({
        data: {
          reference: `T-${token().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: bought.id, customerId: user.id, contactName: "Camille Martin", contactEmail: user.email, contactPhone: "06 12 34 56 78",
          status: "CONFIRMED", pickupPointId: shop.door.id, slotStartsAt: NOW, slotEndsAt: new Date(NOW.getTime() + 3_600_000), pickupCode: "1234", paymentMethod: "PAY_AT_PICKUP", subtotalCents: 420, vatCents: 22, totalCents: 420, accessToken: token(),
        },
        select: { id: true },
      });
      inserted();
      await held;
    }, { timeout: 20_000 });
    await insertedYet;
    const deletion = deleteCustomerAccount(db, { actor, input: { confirmEmail: user.email }, now: NOW });
    // Give the deletion time to run as far as it can while the checkout is still open.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await checkout;
    await expect(deletion).rejects.toMatchObject({ details: { reason: "deleteOpenOrders" } });
    expect(await db.order.findUniqueOrThrow({ where: { id: (placed as { id: string } | null)?.id ?? "" } })).toMatchObject({ contactName: "Camille Martin", customerId: user.id, anonymizedAt: null });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});

describe("guests' contact details", () => {
  it("are erased once the town's retention period after the order's end has passed — not before, not open orders, not accounts' orders — and a second run erases nothing more", async () => {
    await db.territory.update({ where: { id: place.territory.id }, data: { guestRetentionMonths: 6 } });
    const cutoff = monthsBefore(NOW, 6);
    const expired = await order({ name: "Alex Invité", email: "alex@example.fr" }, "COLLECTED", new Date(cutoff.getTime() - 60_000));
    const recent = await order({ name: "Sam Invité", email: "sam@example.fr" }, "COLLECTED", new Date(cutoff.getTime() + 60_000));
    const stillOpen = await order({ name: "Lou Invité", email: "lou@example.fr" }, "READY", new Date(cutoff.getTime() - 86_400_000));
    const { user } = await customer();
    const account = await order({ customerId: user.id, name: "Camille Martin", email: user.email }, "COLLECTED", new Date(cutoff.getTime() - 86_400_000));

    expect(await anonymiseExpiredGuestOrders(db, { now: NOW })).toBeGreaterThanOrEqual(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: expired.id }, include: { emails: true } })).toMatchObject({ contactName: "Client anonymisé", contactEmail: null, contactPhone: null, deliveryAddress: null, deliveryInstructions: "", totalCents: 840, emails: [] });
    for (const kept of [recent, stillOpen, account]) expect((await db.order.findUniqueOrThrow({ where: { id: kept.id } })).anonymizedAt).toBeNull();
    expect(await anonymiseExpiredGuestOrders(db, { now: NOW })).toBe(0);
  });

  it("a retention period outside 1–120 months is refused by the database itself", async () => {
    await expect(db.territory.update({ where: { id: place.territory.id }, data: { guestRetentionMonths: 0 } })).rejects.toThrow();
    await expect(db.territory.update({ where: { id: place.territory.id }, data: { guestRetentionMonths: 121 } })).rejects.toThrow();
  });
});

describe("the outbox", () => {
  it("forgets sent and failed emails after the town's retention period, keeps queued ones and recent ones", async () => {
    await db.territory.update({ where: { id: place.territory.id }, data: { guestRetentionMonths: 6 } });
    const cutoff = monthsBefore(NOW, 6);
    const email = (status: "SENT" | "FAILED" | "QUEUED", createdAt: Date, territoryId: string | null = place.territory.id) =>
      db.outgoingEmail.create({ data: { toAddress: "x@example.fr", subject: "Commandes du jour", text: "Camille Martin, 3 rue Carnot", kind: "shop-digest", status, createdAt, territoryId } });
    const old = new Date(cutoff.getTime() - 60_000);
    const [oldSent, oldFailed, oldQueued, recent, oldNoTown, recentNoTown] = await Promise.all([
      email("SENT", old), email("FAILED", old), email("QUEUED", old), email("SENT", new Date(cutoff.getTime() + 60_000)),
      email("SENT", monthsBefore(NOW, 13), null), email("SENT", monthsBefore(NOW, 11), null),
    ]);
    expect(await deleteExpiredEmails(db, { now: NOW })).toBeGreaterThanOrEqual(3);
    const left = new Set((await db.outgoingEmail.findMany({ where: { id: { in: [oldSent.id, oldFailed.id, oldQueued.id, recent.id, oldNoTown.id, recentNoTown.id] } }, select: { id: true } })).map((e) => e.id));
    expect([oldSent, oldFailed, oldQueued, recent, oldNoTown, recentNoTown].map((e) => left.has(e.id))).toEqual([false, false, true, true, false, true]);
  });
});
