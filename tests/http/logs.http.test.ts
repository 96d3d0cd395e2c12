import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { actionFormBody, checkoutNext, listServerActions } from "@/tests/fuzz/next-actions";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";
import { waitUntil } from "@/tests/helpers/worker";

/**
 * Structured logs and health (issue #13): a production server writes one JSON
 * line per request (id, method, path without ids or query values, actor kind,
 * status, outcome, duration) and never an email address or phone number — a
 * customer's order, search and emails go through it, then its whole output is
 * read. Liveness and readiness answer apart.
 */
const db = testDb();
let app: AppServer;
const EMAIL = `camille.secret-${randomUUID().slice(0, 6)}@example.fr`;
const PHONE = "06 11 22 33 44";
const actionId = (name: string) => listServerActions().find((a) => a.name === name)?.id ?? "";

beforeAll(async () => {
  app = await startApp();
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe("the server's log", () => {
  it("is one JSON line per request, with no personal data in the whole output", async () => {
    const shop = await db.shop.findFirstOrThrow({ where: { slug: "boulangerie-du-marche" }, select: { id: true, slug: true, doorPoint: { select: { id: true } } } });
    const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id, active: true, stock: { gte: 5 }, soldByWeight: false }, select: { id: true } });
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorPoint?.id ?? "" });
    const customer = new HttpClient(app.url, { origin: app.url });
    await customer.fetch(`/boutiques/${shop.slug}`, { method: "POST", headers: { "next-action": actionId("addToCartAction") }, body: actionFormBody([["productId", product.id], ["quantity", "1"]]) });
    const placed = await customer.fetch("/commande", {
      method: "POST",
      headers: { "next-action": actionId("placeOrdersAction"), "x-request-id": "test-request-0001" },
      body: actionFormBody([
        ["idempotencyKey", randomUUID()], ["name", "Camille Secret"], ["email", EMAIL], ["phone", PHONE], ["shopId", shop.id],
        [`shop.${shop.id}.pickupPointId`, shop.doorPoint?.id ?? ""], [`shop.${shop.id}.slotStartsAt`, slot?.startsAt.toISOString() ?? ""], [`shop.${shop.id}.paymentMethod`, "PAY_AT_PICKUP"],
      ]),
    });
    expect(placed.headers.get("x-request-id")).toBe("test-request-0001");
    expect(checkoutNext(await placed.text())).toContain("/commandes/confirmation/");
    await customer.fetch(`/recherche?q=${encodeURIComponent(EMAIL)}`);
    await customer.fetch(`/dev/mailbox?to=${encodeURIComponent(EMAIL)}`);
    // The confirmation goes out through the worker: its work is in the output too.
    const order = await db.order.findFirstOrThrow({ where: { contactEmail: EMAIL }, select: { id: true } });
    await waitUntil(async () => (await db.outgoingEmail.findFirst({ where: { orderId: order.id, kind: "order-confirmed" } }))?.status === "SENT", 30_000, "the confirmation");

    const output = app.output();
    expect(output).not.toContain(EMAIL);
    expect(output).not.toContain(encodeURIComponent(EMAIL));
    expect(output).not.toContain("camille.secret");
    expect(output).not.toContain(PHONE);
    const lines = output.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.kind === "request");
    expect(requests.find((line) => line.requestId === "test-request-0001")).toMatchObject({ level: "info", method: "POST", path: "/commande", action: "server-action", actor: "visitor", status: 200, outcome: "ok" });
    expect(requests.find((line) => String(line.path).startsWith("/recherche"))?.path).toBe("/recherche?q");
    for (const line of requests) {
      expect(typeof line.ms).toBe("number");
      expect(String(line.requestId)).toMatch(/^[\w-]{8,64}$/);
    }
    // And one line per job: the confirmation's delivery, with its outcome and duration.
    expect(lines.find((line) => line.kind === "job" && line.task === "deliver-email" && line.outcome === "ok")).toMatchObject({ level: "info", attempt: 1, ms: expect.any(Number) as unknown });
  });
});

describe("health", () => {
  it("answers liveness without the database, and readiness with the database, migrations and job queue", async () => {
    const live = await fetch(`${app.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", ready: true, database: true, migrations: "applied" });
    // A migration this build ships but the database lacks: not ready (the instance must not get traffic).
    const last = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last[0]?.migration_name ?? ""}`;
    const pending = await fetch(`${app.url}/api/health/ready`);
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ ready: false, migrations: "pending" });
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last[0]?.migration_name ?? ""}`;
  });
});
