import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { makeJobsDueSooner } from "@/lib/jobs/test-clock";
import { queueEmail } from "@/lib/notifications/outbox";
import { cancelOrderByCustomer } from "@/lib/orders/changes/cancel-order";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { startApp } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";
import { startSmtpServer, type SmtpTestServer } from "@/tests/helpers/smtp";
import { waitUntil } from "@/tests/helpers/worker";
import { actionFormBody, listServerActions } from "@/tests/fuzz/next-actions";

const db = testDb();
let smtp: SmtpTestServer;
const smtpEnv = () => ({ SMTP_URL: smtp.url, DEV_MAILBOX: "false", WORKER_STALE_SECONDS: "3", WORKER_CONCURRENCY: "4" });

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

async function bakery() {
  const shop = await db.shop.findFirstOrThrow({ where: { slug: "boulangerie-du-marche" }, select: { id: true, slug: true, territoryId: true, doorPoint: { select: { id: true } } } });
  const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id, stock: { gte: 20 }, active: true }, select: { id: true } });
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorPoint?.id ?? "" });
  return { shop, product, doorId: shop.doorPoint?.id ?? "", slots };
}

const actionId = (name: string) => listServerActions().find((a) => a.name === name)?.id ?? "";

describe("background work under faults", () => {
  it("an instance killed right after an order commits: the confirmation still goes out, from another instance", async () => {
    const { shop, product, doorId, slots } = await bakery();
    const slot = slots.at(-1);
    const email = `killed-${randomUUID()}@example.fr`;
    const first = await startApp({ env: { ...smtpEnv(), WORKER: "false" } });
    const guest = new HttpClient(first.url, { origin: first.url });
    const added = await guest.fetch(`/boutiques/${shop.slug}`, { method: "POST", headers: { "next-action": actionId("addToCartAction") }, body: actionFormBody([["productId", product.id], ["quantity", "1"]]) });
    expect(await added.text()).toContain('"ok":true');
    const checkout = actionFormBody([
      ["idempotencyKey", randomUUID()], ["name", "Client Interrompu"], ["email", email], ["phone", "0612345678"], ["shopId", shop.id],
      [`shop.${shop.id}.pickupPointId`, doorId], [`shop.${shop.id}.slotStartsAt`, slot?.startsAt.toISOString() ?? ""], [`shop.${shop.id}.paymentMethod`, "PAY_AT_PICKUP"],
    ]);
    const placed = await guest.fetch("/commande", { method: "POST", headers: { "next-action": actionId("placeOrdersAction") }, body: checkout });
    expect(placed.status).toBeLessThan(400);
    first.process.kill("SIGKILL");
    await first.stop();

    const order = await db.order.findFirstOrThrow({ where: { contactEmail: email } });
    const confirmation = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "order-confirmed" } });
    expect(confirmation.status).toBe("QUEUED");
    expect(smtp.received.filter((m) => m.to === email)).toHaveLength(0);

    const second = await startApp({ env: smtpEnv() });
    try {
      await waitUntil(async () => (await db.outgoingEmail.findUniqueOrThrow({ where: { id: confirmation.id } })).status === "SENT", 30_000, "the confirmation");
      expect(smtp.received.filter((m) => m.to === email)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("kill -9 with jobs running and queued: after a restart every job completes, no reminder for a cancelled order", async () => {
    const { shop, product, doorId, slots } = await bakery();
    const orders: { id: string; accessToken: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const owner = { guestToken: `kill-${randomUUID()}` };
      await addToCart(db, owner, shop.territoryId, { productId: product.id, quantity: 1 });
      const placed = await placeOrders(db, { now: new Date(),
        actor: anonymous, owner, territoryId: shop.territoryId,
        input: { idempotencyKey: randomUUID(), contact: { name: `Client ${i}`, email: `reminded-${i}-${randomUUID()}@example.fr`, phone: "0612345678" }, shops: [{ shopId: shop.id, pickupPointId: doorId, slotStartsAt: slots.at(-2 - i)?.startsAt.toISOString() ?? "", paymentMethod: "PAY_AT_PICKUP" }] },
      });
      orders.push(placed.orders[0] ?? { id: "", accessToken: "" });
    }
    for (const cancelled of orders.slice(0, 2)) await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: cancelled.id, token: cancelled.accessToken } });
    const bulk = await db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) ids.push(await queueEmail(tx, { to: `bulk-${i}@example.fr`, subject: `Lot ${i}`, text: "…", kind: "test" }));
      return ids;
    }, { timeout: 60_000 });
    // Every reminder is due now, among the 300 emails.
    await makeJobsDueSooner(db, 30 * 86_400_000);

    const first = await startApp({ env: smtpEnv() });
    await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: bulk }, status: "SENT" } })) >= 40, 60_000, "deliveries under way");
    first.process.kill("SIGKILL");
    await first.stop();
    const inFlight = new Set((await db.outgoingEmail.findMany({ where: { id: { in: bulk }, status: "SENDING" }, select: { id: true } })).map((e) => `<${e.id}@comptoir>`));
    expect(await db.outgoingEmail.count({ where: { id: { in: bulk }, status: "SENT" } })).toBeLessThan(300);

    const second = await startApp({ env: smtpEnv() });
    try {
      await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: bulk }, status: "SENT" } })) === 300, 90_000, "all 300 emails");
      const received = smtp.received.filter((m) => m.to.startsWith("bulk-"));
      const counts = new Map<string, number>();
      for (const mail of received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
      expect(counts.size).toBe(300);
      // At least once: only an email whose SMTP exchange the kill interrupted may have gone twice (same Message-ID).
      const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      for (const id of twice) expect(inFlight.has(id)).toBe(true);
      await waitUntil(async () => (await db.outgoingEmail.count({ where: { orderId: { in: orders.map((o) => o.id) }, kind: "order-reminder", status: "SENT" } })) === 2, 30_000, "the reminders");
      for (const [index, order] of orders.entries()) expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "order-reminder" } }), `order ${index}`).toBe(index < 2 ? 0 : 1);
    } finally {
      await second.stop();
    }
  });

  it("a stop (SIGTERM, Ctrl-C) drains: running jobs finish, the rest wait in the queue, nothing is lost or sent twice", async () => {
    const bulk = await db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 150; i++) ids.push(await queueEmail(tx, { to: `drain-${i}@example.fr`, subject: `Drain ${i}`, text: "…", kind: "test" }));
      return ids;
    }, { timeout: 60_000 });
    const first = await startApp({ env: smtpEnv() });
    await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: bulk }, status: "SENT" } })) >= 20, 60_000, "deliveries under way");
    expect(await first.stop("SIGTERM")).toBe(0);
    expect(await db.outgoingEmail.count({ where: { id: { in: bulk }, status: "SENDING" } })).toBe(0);
    const second = await startApp({ env: smtpEnv() });
    try {
      await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: bulk }, status: "SENT" } })) === 150, 60_000, "all drained emails");
      const received = smtp.received.filter((m) => m.to.startsWith("drain-"));
      expect(received).toHaveLength(150);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(150);
    } finally {
      await second.stop();
    }
  });
});
