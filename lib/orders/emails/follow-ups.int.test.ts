import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { sendMorningDigests } from "@/lib/dashboard/morning-digest";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { markNoShowAutomatically } from "../holds/automatic-no-show";
import { noShowDeadline } from "./follow-up-times";
import { placeOrders } from "../checkout/place-orders";
import { sendPickupReminder } from "./send-reminder";
import { transitionOrderByShop } from "../handover/shop-transitions";
import { releaseExpiredHold } from "../holds/unpaid-holds";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
const HOUR = 3_600_000;
const contact = { name: "Camille Martin", email: "camille@example.fr", phone: "06 12 34 56 78" };

beforeAll(async () => {
  place = await createTerritory(db);
});

async function setup(options: { stock?: number; onlineShop?: boolean; restock?: boolean; graceHours?: number | null; capacity?: number; lastSlot?: boolean } = {}) {
  const { shop, door } = await createShop(db, place);
  await db.shop.update({ where: { id: shop.id }, data: { paymentMethods: options.onlineShop ? ["ONLINE", "PAY_AT_PICKUP"] : ["PAY_AT_PICKUP"], stripeStatus: options.onlineShop ? "ACTIVE" : "NOT_CONNECTED", noShowRestock: options.restock ?? true, noShowGraceHours: options.graceHours === undefined ? 2 : options.graceHours } });
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot: options.capacity ?? 5 });
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
  const slot = options.lastSlot ? slots.at(-1) : slots[1];
  if (!slot) throw new Error("no slot");
  const product = await db.product.create({ data: { shopId: shop.id, name: "Pain", priceCents: 200, stock: options.stock ?? 10 } });
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId: shop.id, userId: user.id, role: "OWNER" } });
  return { shop, door, slot, product, owner: await loadActor(db, user.id), ownerEmail: user.email };
}

async function order(s: Awaited<ReturnType<typeof setup>>, paymentMethod: "PAY_AT_PICKUP" | "ONLINE" = "PAY_AT_PICKUP", now = new Date()) {
  const owner = guestOwner();
  await addToCart(db, owner, place.territory.id, { productId: s.product.id, quantity: 2 });
  const placed = await placeOrders(db, {
    actor: anonymous, owner, territoryId: place.territory.id, now, onlinePayment: true,
    input: { idempotencyKey: randomUUID(), contact, shops: [{ shopId: s.shop.id, pickupPointId: s.door.id, slotStartsAt: s.slot.startsAt.toISOString(), paymentMethod }] },
  });
  return db.order.findUniqueOrThrow({ where: { id: placed.orders[0]?.id ?? "" } });
}

const jobsFor = (orderId: string) => db.$queryRaw<{ task_identifier: string; key: string; run_at: Date }[]>`SELECT task_identifier, key, run_at FROM graphile_worker.jobs WHERE key LIKE ${`%:${orderId}`} ORDER BY task_identifier`;
const emailsFor = (orderId: string, kind: string) => db.outgoingEmail.count({ where: { orderId, kind } });

describe("follow-ups queued with the order", () => {
  it("placing an order queues its confirmation, reminder and no-show check in the same transaction", async () => {
    const s = await setup({ lastSlot: true });
    const placed = await order(s);
    const confirmation = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: placed.id, kind: "order-confirmed" } });
    const [delivery] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`email:${confirmation.id}`}`;
    expect(Number(delivery?.n)).toBe(1);
    const jobs = await jobsFor(placed.id);
    expect(jobs.map((j) => j.task_identifier)).toEqual(["no-show", "send-reminder"]);
    expect(jobs.find((j) => j.task_identifier === "no-show")?.run_at.getTime()).toBe(s.slot.endsAt.getTime() + 2 * HOUR);
    const remindAt = jobs.find((j) => j.task_identifier === "send-reminder")?.run_at.getTime() ?? 0;
    expect(remindAt).toBeLessThan(s.slot.startsAt.getTime());
    expect(remindAt).toBeGreaterThan(s.slot.startsAt.getTime() - 20 * HOUR);
  });

  it("a checkout refused (stock gone) queues nothing", async () => {
    const s = await setup({ stock: 2 });
    const guest = guestOwner();
    await addToCart(db, guest, place.territory.id, { productId: s.product.id, quantity: 2 });
    await db.product.update({ where: { id: s.product.id }, data: { stock: 1 } });
    const before = await db.outgoingEmail.count();
    await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner: guest, territoryId: place.territory.id, input: { idempotencyKey: randomUUID(), contact, shops: [{ shopId: s.shop.id, pickupPointId: s.door.id, slotStartsAt: s.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } })).rejects.toThrow();
    expect(await db.outgoingEmail.count()).toBe(before);
  });
});

describe("pickup reminder", () => {
  it("is queued once, even if its job runs twice, and never for a cancelled order", async () => {
    const s = await setup();
    const placed = await order(s);
    const now = new Date(s.slot.startsAt.getTime() - HOUR);
    expect(await sendPickupReminder(db, { orderId: placed.id, slotStartsAt: placed.slotStartsAt, now })).toBe(true);
    expect(await sendPickupReminder(db, { orderId: placed.id, slotStartsAt: placed.slotStartsAt, now })).toBe(false);
    expect(await emailsFor(placed.id, "order-reminder")).toBe(1);
    const reminder = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: placed.id, kind: "order-reminder" } });
    expect(reminder.text).toContain(placed.pickupCode);
    expect(JSON.stringify(reminder.attachments)).toContain("BEGIN:VCALENDAR");

    const cancelled = await order(s);
    await transitionOrderByShop(db, { now: new Date(), actor: s.owner, input: { orderId: cancelled.id, action: "cancel", reason: "Fermeture" } });
    expect(await sendPickupReminder(db, { orderId: cancelled.id, slotStartsAt: cancelled.slotStartsAt, now })).toBe(false);
    expect(await emailsFor(cancelled.id, "order-reminder")).toBe(0);
  });

  it("is not sent by a job scheduled for a slot the order no longer has", async () => {
    const s = await setup();
    const placed = await order(s);
    expect(await sendPickupReminder(db, { orderId: placed.id, slotStartsAt: new Date(placed.slotStartsAt.getTime() - HOUR), now: new Date() })).toBe(false);
  });
});

describe("automatic no-show", () => {
  it("waits for the grace period, then closes the order, gives back the slot (and the stock), emails customer and owner", async () => {
    const s = await setup({ restock: true, graceHours: 2 });
    const placed = await order(s);
    for (const action of ["startPreparing", "markReady"]) await transitionOrderByShop(db, { now: new Date(), actor: s.owner, input: { orderId: placed.id, action } });
    expect((await db.product.findUniqueOrThrow({ where: { id: s.product.id } })).stock).toBe(8);

    const beforeDeadline = new Date(s.slot.endsAt.getTime() + 2 * HOUR - 60_000);
    expect(await markNoShowAutomatically(db, { orderId: placed.id, now: beforeDeadline })).toMatchObject({ outcome: "not-yet" });
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe("READY");

    const afterDeadline = new Date(s.slot.endsAt.getTime() + 2 * HOUR + 60_000);
    const results = await Promise.all([markNoShowAutomatically(db, { orderId: placed.id, now: afterDeadline }), markNoShowAutomatically(db, { orderId: placed.id, now: afterDeadline })]);
    expect(results.filter((r) => r.outcome === "marked")).toHaveLength(1);
    const closed = await db.order.findUniqueOrThrow({ where: { id: placed.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(closed.status).toBe("NO_SHOW");
    expect(closed.events.at(-1)).toMatchObject({ toStatus: "NO_SHOW", note: "automatique", actorUserId: null });
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: s.shop.id } })).booked).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: s.product.id } })).stock).toBe(10);
    expect(await emailsFor(placed.id, "order-no-show")).toBe(1);
    expect(await db.outgoingEmail.count({ where: { orderId: placed.id, kind: "shop-no-show", toAddress: s.ownerEmail } })).toBe(1);
  });

  it("keeps the stock of goods that cannot go back on the shelf, and leaves orders the shop never prepared", async () => {
    const s = await setup({ restock: false, graceHours: 1 });
    const placed = await order(s);
    const unprepared = await order(s);
    for (const action of ["startPreparing", "markReady"]) await transitionOrderByShop(db, { now: new Date(), actor: s.owner, input: { orderId: placed.id, action } });
    const later = new Date(s.slot.endsAt.getTime() + 5 * HOUR);
    expect(await markNoShowAutomatically(db, { orderId: placed.id, now: later })).toEqual({ outcome: "marked" });
    expect(await markNoShowAutomatically(db, { orderId: unprepared.id, now: later })).toEqual({ outcome: "not-applicable" });
    expect((await db.product.findUniqueOrThrow({ where: { id: s.product.id } })).stock).toBe(6);
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: s.shop.id } })).booked).toBe(1);
  });

  it("defaults to the end of the shop's next opening day", async () => {
    const s = await setup({ graceHours: null });
    await db.shop.update({ where: { id: s.shop.id }, data: { openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: "09:00", closes: "19:00" })) } });
    const placed = await order(s);
    const deadline = noShowDeadline(placed.slotEndsAt, { openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: "09:00", closes: "19:00" })), noShowGraceHours: null });
    const job = (await jobsFor(placed.id)).find((j) => j.task_identifier === "no-show");
    expect(job?.run_at.getTime()).toBe(deadline.getTime());
    expect(deadline.getTime() - placed.slotEndsAt.getTime()).toBeGreaterThan(5 * HOUR);
  });
});

describe("unpaid holds", () => {
  it("an unpaid order holds its stock and slot for 35 minutes, then is released once", async () => {
    const s = await setup({ onlineShop: true });
    const now = new Date();
    const unpaid = await order(s, "ONLINE", now);
    expect(unpaid).toMatchObject({ status: "AWAITING_PAYMENT" });
    expect(unpaid.holdExpiresAt?.getTime()).toBe(now.getTime() + 35 * 60_000);
    expect(await emailsFor(unpaid.id, "order-confirmed")).toBe(0);
    expect((await jobsFor(unpaid.id)).map((j) => j.task_identifier)).toContain("release-hold");

    expect(await releaseExpiredHold(db, { orderId: unpaid.id, now: new Date(now.getTime() + 34 * 60_000) })).toBe(false);
    const later = new Date(now.getTime() + 36 * 60_000);
    expect(await releaseExpiredHold(db, { orderId: unpaid.id, now: later })).toBe(true);
    expect(await releaseExpiredHold(db, { orderId: unpaid.id, now: later })).toBe(false);
    expect((await db.product.findUniqueOrThrow({ where: { id: s.product.id } })).stock).toBe(10);
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: s.shop.id } })).booked).toBe(0);
    expect(await emailsFor(unpaid.id, "order-hold-expired")).toBe(1);
  });
});

describe("morning digest", () => {
  it("emails the owners the day's orders once at opening time, however many instances try", async () => {
    const s = await setup();
    const openingDay = new Date(s.slot.startsAt);
    const { toLocal, fromLocal } = await import("@/lib/time/zoned");
    const local = toLocal(openingDay);
    await db.shop.update({ where: { id: s.shop.id }, data: { openingHours: [{ weekday: local.weekday, opens: "00:00", closes: "23:59" }] } });
    await order(s);
    const atOpening = fromLocal(local.date, 10) ?? openingDay;
    const sent = await Promise.all([sendMorningDigests(db, atOpening), sendMorningDigests(db, atOpening), sendMorningDigests(db, atOpening)]);
    expect(sent.filter((n) => n > 0).length).toBeGreaterThanOrEqual(1);
    const digests = await db.outgoingEmail.findMany({ where: { kind: "shop-digest", toAddress: s.ownerEmail } });
    expect(digests).toHaveLength(1);
    expect(digests[0]?.text).toContain(`/dashboard/${s.shop.id}/resume?jour=${local.date}`);
  });

  it("tells the owners about past days' orders never closed, even on a day without orders", async () => {
    const s = await setup();
    const openingDay = new Date(s.slot.startsAt);
    const { toLocal, fromLocal } = await import("@/lib/time/zoned");
    const local = toLocal(openingDay);
    await db.shop.update({ where: { id: s.shop.id }, data: { openingHours: [{ weekday: local.weekday, opens: "00:00", closes: "23:59" }] } });
    const forgotten = await order(s);
    const threeDaysBefore = new Date(openingDay.getTime() - 3 * 86_400_000);
    await db.order.update({ where: { id: forgotten.id }, data: { slotStartsAt: threeDaysBefore, slotEndsAt: new Date(threeDaysBefore.getTime() + 1_800_000) } });
    expect(await sendMorningDigests(db, fromLocal(local.date, 10) ?? openingDay)).toBeGreaterThanOrEqual(1);
    const digest = await db.outgoingEmail.findFirstOrThrow({ where: { kind: "shop-digest", toAddress: s.ownerEmail } });
    expect(digest.text).toContain("Aucune commande à retirer aujourd'hui");
    expect(digest.text).toContain("1 commande(s) de jours passés jamais clôturée(s)");
  });

  it("wrote every email of these scenarios in French only (no English line under the French one)", async () => {
    const emails = await db.outgoingEmail.findMany({ select: { kind: true, subject: true, text: true } });
    expect(emails.length).toBeGreaterThan(3);
    const english = /\b(the|your|order|was|is|and|pickup|reminder|sign in|nothing)\b/i;
    expect(emails.filter((email) => english.test(`${email.subject}\n${email.text}`)).map((email) => `${email.kind}: ${email.text}`)).toEqual([]);
  });
});
