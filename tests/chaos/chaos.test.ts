import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { addToCart } from "@/lib/cart/change-cart";
import { CART_COOKIE } from "@/lib/cart/cart-count";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { seedDemoData } from "@/prisma/seed/seed";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { openEveryDay } from "@/tests/helpers/fixtures";
import { HttpClient } from "@/tests/helpers/http-client";
import { actionFormBody, checkoutNext, listServerActions } from "@/tests/fuzz/next-actions";

/**
 * Proof under faults (issue #13), in the suite: two production instances on one
 * PostgreSQL, customers as browsers posting the checkout's server action over
 * HTTP, and the faults a real deployment meets — the last units and the last
 * slot places contended across instances, duplicate submissions landing on both
 * instances, an instance killed with kill -9 mid-load, the database restarted
 * mid-load. It ends with one line of counts that must all be 0.
 */
type Shop = { id: string; slug: string; doorId: string; territoryId: string };
const counts = { oversell: 0, overbook: 0, lost: 0, duplicates: 0, falseRefusals: 0, emailsMissing: 0 };
let recoveryMs = 0;

let pg: EmbeddedServer;
let dataDir: string;
let db: PrismaClient;
let a: AppServer;
let b: AppServer;
let databaseUrl = "";

const actionId = (name: string) => {
  const action = listServerActions().find((entry) => entry.name === name);
  if (!action) throw new Error(`no server action ${name} in the build (run next build first)`);
  return action.id;
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "comptoir-chaos-pg-"));
  chmodSync(dataDir, 0o755);
  // Persistent: a non-persistent embedded server deletes its data when stopped, and this test restarts it.
  pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: true });
  databaseUrl = withDatabase(pg.serverUrl, "comptoir_chaos");
  await ensureDatabase(databaseUrl);
  const migrate = spawnSync("npx", ["tsx", "scripts/db.ts", "migrate"], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
  await seedDemoData(databaseUrl);
  db = createPrismaClient(databaseUrl);
  // No worker: confirmations stay queued in the outbox, where this test counts them.
  [a, b] = await Promise.all([startApp({ databaseUrl, env: { WORKER: "false" } }), startApp({ databaseUrl, env: { WORKER: "false" } })]);
}, 240_000);

afterAll(async () => {
  console.log(`chaos: oversell ${counts.oversell}, overbook ${counts.overbook}, lost ${counts.lost}, duplicates ${counts.duplicates}, false refusals ${counts.falseRefusals}, emails missing ${counts.emailsMissing}, recovery ${recoveryMs} ms`);
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.$disconnect();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A shop of the demo town with its door open all week, `capacity` orders per slot. */
async function chaosShop(capacity: number): Promise<Shop> {
  const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" }, include: { categories: { take: 1 }, communes: { take: 1 } } });
  const slug = `chaos-${randomUUID().slice(0, 8)}`;
  const shop = await db.shop.create({
    data: { territoryId: territory.id, categoryId: territory.categories[0]?.id ?? "", communeId: territory.communes[0]?.id ?? "", slug, name: `Chaos ${slug}`, status: "ACTIVE", publishedAt: new Date(), addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 },
  });
  const door = await db.pickupPoint.create({ data: { territoryId: territory.id, kind: "SHOP_DOOR", shopId: shop.id, name: shop.name, addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 } });
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot: capacity });
  return { id: shop.id, slug, doorId: door.id, territoryId: territory.id };
}

async function laterSlot(shop: Shop, index = 2): Promise<string> {
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorId });
  const slot = slots[index] ?? slots.at(-1);
  if (!slot) throw new Error("no slot");
  return slot.startsAt.toISOString();
}

/** A guest with `productId` in their basket (put there directly: the race is the checkout). */
async function guest(shop: Shop, productId: string): Promise<string> {
  const token = `chaos-${randomUUID()}${randomUUID()}`.replaceAll("-", "");
  await addToCart(db, { guestToken: token }, shop.territoryId, { productId, quantity: 1 });
  return token;
}

type Answer = { ok: boolean; checkoutId: string | null; error: string | null; problems: string[]; status: number };

/** The checkout as the browser posts it, on one instance; never throws (a dropped connection is an answer too). */
async function checkout(app: AppServer, token: string, shop: Shop, slot: string, key = randomUUID()): Promise<Answer> {
  const client = new HttpClient(app.url, { origin: app.url });
  client.setCookie(CART_COOKIE, token);
  try {
    const response = await client.fetch("/commande", {
      method: "POST",
      headers: { "next-action": actionId("placeOrdersAction") },
      body: actionFormBody([
        ["idempotencyKey", key], ["name", "Client Chaos"], ["email", `chaos-${token.slice(-12)}@example.fr`], ["phone", "0612345678"], ["shopId", shop.id],
        [`shop.${shop.id}.pickupPointId`, shop.doorId], [`shop.${shop.id}.slotStartsAt`, slot], [`shop.${shop.id}.paymentMethod`, "PAY_AT_PICKUP"],
      ]),
    });
    const body = await response.text();
    const next = checkoutNext(body);
    return {
      ok: next.includes("/commandes/confirmation/"),
      checkoutId: /\/commandes\/confirmation\/([^?"]+)/.exec(next)?.[1] ?? null,
      error: /"error":"([^"]+)"/.exec(body)?.[1] ?? null,
      problems: [...body.matchAll(/"kind":"(\w+)"/g)].map((match) => match[1] ?? ""),
      status: response.status,
    };
  } catch (error) {
    return { ok: false, checkoutId: null, error: `network: ${(error as Error).message}`, problems: [], status: 0 };
  }
}

/** Every committed order of the shop has its confirmation in the outbox. */
async function missingEmails(shopId: string): Promise<number> {
  const orders = await db.order.findMany({ where: { shopId }, select: { id: true, _count: { select: { emails: { where: { kind: "order-confirmed" } } } } } });
  return orders.filter((order) => order._count.emails === 0).length;
}

/** Stock taken equals what live orders hold; a negative stock is an oversell too. */
async function stockMismatch(productId: string, initial: number): Promise<number> {
  const product = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } });
  const ordered = await db.orderLine.aggregate({ where: { productId, order: { status: { not: "CANCELLED" } } }, _sum: { quantity: true } });
  return initial - (product.stock ?? 0) !== (ordered._sum.quantity ?? 0) || (product.stock ?? 0) < 0 ? 1 : 0;
}

describe("chaos: two instances, one database, faults", () => {
  it("sells the last units exactly once across instances, 5 rounds of 200 guests for 5 units", async () => {
    const shop = await chaosShop(1000);
    const slot = await laterSlot(shop);
    for (let round = 0; round < 5; round++) {
      const product = await db.product.create({ data: { shopId: shop.id, name: `Dernières unités ${round}`, priceCents: 500, stock: 5 } });
      const guests = await Promise.all(Array.from({ length: 200 }, () => guest(shop, product.id)));
      const answers = await Promise.all(guests.map((token, index) => checkout(index % 2 ? a : b, token, shop, slot)));
      const sold = await db.orderLine.count({ where: { productId: product.id } });
      counts.oversell += Math.max(0, sold - 5) + (await stockMismatch(product.id, 5));
      expect(sold, `round ${round}`).toBe(5);
      expect(answers.filter((answer) => answer.ok)).toHaveLength(5);
      // Every refusal is the stock's, said as such (no generic error).
      expect(answers.filter((answer) => !answer.ok && !(answer.error === "conflict" && answer.problems.includes("stock"))).map((answer) => `${answer.status} ${answer.error} ${answer.problems.join()}`)).toEqual([]);
    }
    counts.emailsMissing += await missingEmails(shop.id);
  });

  it("never books a slot beyond its capacity: 60 guests for 3 places", async () => {
    const shop = await chaosShop(3);
    const slot = await laterSlot(shop);
    const product = await db.product.create({ data: { shopId: shop.id, name: "En quantité", priceCents: 300, stock: 1000 } });
    const guests = await Promise.all(Array.from({ length: 60 }, () => guest(shop, product.id)));
    const answers = await Promise.all(guests.map((token, index) => checkout(index % 2 ? a : b, token, shop, slot)));
    const booked = await db.order.count({ where: { shopId: shop.id, slotStartsAt: new Date(slot) } });
    const counter = await db.slotCounter.findFirst({ where: { pickupPointId: shop.doorId, startsAt: new Date(slot) }, select: { booked: true, capacity: true } });
    counts.overbook += Math.max(0, booked - 3) + (counter && counter.booked !== booked ? 1 : 0);
    expect(booked).toBe(3);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(3);
    counts.oversell += await stockMismatch(product.id, 1000);
    counts.emailsMissing += await missingEmails(shop.id);
  });

  it("answers every copy of a submission with its confirmation, on both instances, and keeps one checkout", async () => {
    const shop = await chaosShop(1000);
    const slot = await laterSlot(shop);
    const product = await db.product.create({ data: { shopId: shop.id, name: "Doublons", priceCents: 250, stock: 1000 } });
    const customers = await Promise.all(Array.from({ length: 20 }, () => guest(shop, product.id)));
    const results = await Promise.all(
      customers.map(async (token) => {
        const key = randomUUID();
        const copies = await Promise.all(Array.from({ length: 6 }, (_, copy) => checkout(copy % 2 ? a : b, token, shop, slot, key)));
        return { key, copies };
      }),
    );
    for (const { key, copies } of results) {
      counts.falseRefusals += copies.filter((copy) => !copy.ok).length;
      const checkouts = await db.checkout.findMany({ where: { idempotencyKey: key }, select: { id: true } });
      counts.duplicates += Math.max(0, checkouts.length - 1);
      expect(new Set(copies.map((copy) => copy.checkoutId))).toEqual(new Set([checkouts[0]?.id]));
    }
    const orders = await db.order.count({ where: { shopId: shop.id } });
    counts.duplicates += Math.max(0, orders - customers.length);
    expect(orders).toBe(customers.length);
    counts.oversell += await stockMismatch(product.id, 1000);
    counts.emailsMissing += await missingEmails(shop.id);
    expect(counts.falseRefusals).toBe(0);
  });

  it("loses no acknowledged order when an instance is killed (kill -9) mid-load, and leaves counters exact", async () => {
    const shop = await chaosShop(1000);
    const slot = await laterSlot(shop);
    const product = await db.product.create({ data: { shopId: shop.id, name: "Panne", priceCents: 400, stock: 1000 } });
    const guests = await Promise.all(Array.from({ length: 100 }, () => guest(shop, product.id)));
    const answers: Answer[] = [];
    const pending = guests.map((token, index) => checkout(index % 2 ? a : b, token, shop, slot).then((answer) => answers.push(answer)));
    // Kill A once some orders are through: some of its requests are in flight, some committed, some not started.
    while (answers.length < 15) await new Promise((resolve) => setTimeout(resolve, 5));
    a.process.kill("SIGKILL");
    await Promise.all(pending);
    await a.stop();
    const acknowledged = answers.filter((answer) => answer.ok && answer.checkoutId).map((answer) => answer.checkoutId as string);
    const committed = await db.order.count({ where: { shopId: shop.id } });
    console.log(`chaos kill -9: ${guests.length} submissions, ${acknowledged.length} acknowledged, ${committed} committed (${committed - acknowledged.length} committed by the killed instance without an answer)`);
    const found = await db.checkout.count({ where: { id: { in: acknowledged } } });
    counts.lost += acknowledged.length - found;
    expect(found).toBe(acknowledged.length);
    counts.oversell += await stockMismatch(product.id, 1000);
    const booked = await db.order.count({ where: { shopId: shop.id, slotStartsAt: new Date(slot) } });
    const counter = await db.slotCounter.findFirst({ where: { pickupPointId: shop.doorId, startsAt: new Date(slot) }, select: { booked: true } });
    counts.overbook += counter && counter.booked !== booked ? 1 : 0;
    counts.emailsMissing += await missingEmails(shop.id);
    expect(counts.emailsMissing).toBe(0);
    a = await startApp({ databaseUrl, env: { WORKER: "false" } });
  });

  it("loses no acknowledged order and answers no error through a rolling restart (SIGTERM) of both instances under load", async () => {
    const shop = await chaosShop(1000);
    const slot = await laterSlot(shop);
    const product = await db.product.create({ data: { shopId: shop.id, name: "Redéploiement", priceCents: 400, stock: 1000 } });
    const guests = await Promise.all(Array.from({ length: 80 }, () => guest(shop, product.id)));
    const acknowledged: string[] = [];
    const errorAnswers: string[] = [];
    let next = 0;
    // Six customers at a time; a refused connection (the instance is gone) is retried on the other one, as a balancer does.
    const lane = async () => {
      while (next < guests.length) {
        const index = next++;
        const key = randomUUID();
        for (let attempt = 0; attempt < 60; attempt++) {
          const answer = await checkout((index + attempt) % 2 ? a : b, guests[index] ?? "", shop, slot, key);
          if (answer.ok && answer.checkoutId) {
            acknowledged.push(answer.checkoutId);
            break;
          }
          // A connection refused or closed before an answer is the balancer's to retry; an answer that is an error is the customer's.
          if (answer.status !== 0) errorAnswers.push(`${answer.status} ${answer.error}`);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, lane));
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await a.stop("SIGTERM");
    a = await startApp({ databaseUrl, env: { WORKER: "false" } });
    while (acknowledged.length < 40 && next < guests.length) await new Promise((resolve) => setTimeout(resolve, 10));
    await b.stop("SIGTERM");
    b = await startApp({ databaseUrl, env: { WORKER: "false" } });
    await load;
    console.log(`chaos rolling restart: ${acknowledged.length} orders acknowledged across two SIGTERM restarts, ${errorAnswers.length} error answers`);
    counts.falseRefusals += errorAnswers.length;
    expect(errorAnswers).toEqual([]);
    expect(acknowledged).toHaveLength(guests.length);
    const found = await db.checkout.count({ where: { id: { in: acknowledged } } });
    counts.lost += acknowledged.length - found;
    expect(found).toBe(acknowledged.length);
    counts.oversell += await stockMismatch(product.id, 1000);
    counts.emailsMissing += await missingEmails(shop.id);
  });

  it("recovers by itself when PostgreSQL restarts mid-load, with no acknowledged order lost", async () => {
    const shop = await chaosShop(1000);
    const slot = await laterSlot(shop);
    const product = await db.product.create({ data: { shopId: shop.id, name: "Redémarrage", priceCents: 400, stock: 1000 } });
    const guests = await Promise.all(Array.from({ length: 80 }, () => guest(shop, product.id)));
    let restartedAt = 0;
    let firstSuccessAfter = 0;
    const acknowledged: string[] = [];
    // Eight customers at a time, each pressing again (same key) while the answer is not a confirmation.
    let next = 0;
    const lane = async () => {
      while (next < guests.length) {
        const index = next++;
        const key = randomUUID();
        for (let attempt = 0; attempt < 40; attempt++) {
          const answer = await checkout(index % 2 ? a : b, guests[index] ?? "", shop, slot, key);
          if (answer.ok && answer.checkoutId) {
            acknowledged.push(answer.checkoutId);
            if (restartedAt && !firstSuccessAfter) firstSuccessAfter = Date.now();
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, lane));
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await pg.restart();
    restartedAt = Date.now();
    await load;
    recoveryMs = firstSuccessAfter ? firstSuccessAfter - restartedAt : -1;
    console.log(`chaos database restart: ${acknowledged.length} orders acknowledged, first after the restart ${recoveryMs} ms later`);
    expect(firstSuccessAfter).toBeGreaterThan(0);
    expect(acknowledged).toHaveLength(guests.length);
    const found = await db.checkout.count({ where: { id: { in: acknowledged } } });
    counts.lost += acknowledged.length - found;
    expect(found).toBe(acknowledged.length);
    counts.oversell += await stockMismatch(product.id, 1000);
    counts.emailsMissing += await missingEmails(shop.id);
    expect(counts).toEqual({ oversell: 0, overbook: 0, lost: 0, duplicates: 0, falseRefusals: 0, emailsMissing: 0 });
  });
});
