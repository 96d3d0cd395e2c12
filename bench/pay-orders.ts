/**
 * Load scenario: customers checking out and paying online at once, through the
 * Stripe double over HTTP with the real Stripe SDK, on a real (embedded) PostgreSQL.
 *   npm run bench:payments [-- --customers 300 --concurrency 16 --stock 100]
 * Each customer: place the order → open the payment page → pay on the provider's
 * page → come back (the return page settles; every other customer closes the tab
 * instead, leaving it to the webhook). Meanwhile the double sends every
 * webhook twice, signed, to a local endpoint doing what the app's route does.
 * Prints throughput, latency percentiles, errors, and what must stay 0: oversell,
 * checkouts authorized more than once, orders left waiting after payment.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/install";
import { CheckoutError } from "@/lib/orders/checkout/checkout-error";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { stripeGateway } from "@/lib/payments/gateway";
import { settleCheckoutSession } from "@/lib/payments/settle-session";
import { startOnlinePayment } from "@/lib/payments/start-online-payment";
import { handleStripeEvent } from "@/lib/payments/webhook";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { seedDemoData } from "@/prisma/seed/seed";
import { startStripeDouble } from "@/scripts/stripe-double/server";
import { report, runPool } from "./stats";

const { values } = parseArgs({
  options: { customers: { type: "string", default: "300" }, concurrency: { type: "string", default: "16" }, stock: { type: "string", default: "100" } },
});
const customers = Number(values.customers);
const concurrency = Number(values.concurrency);
const stock = Number(values.stock);
const SECRET = "whsec_bench";

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const url = withDatabase(server.serverUrl, "bench");
  const double = await startStripeDouble({ webhookSecret: SECRET });
  const gateway = stripeGateway({ secretKey: "sk_test_bench", webhookSecret: SECRET, apiBase: double.url });
  const webhook = { handled: 0, replays: 0, failed: 0 };
  try {
    await ensureDatabase(url);
    await applyMigrations(url);
    // Placing an order schedules its follow-ups (reminder, hold expiry) in the job queue.
    await installJobQueue(url);
    await seedDemoData(url);
    const db = createPrismaClient(url, { poolSize: concurrency * 2 + 4 });

    // The app's webhook route, minus Next.js: signature check, then the shared handler.
    const endpoint = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        void (async () => {
          try {
            const outcome = await handleStripeEvent(db, gateway, gateway.parseWebhook(body, String(request.headers["stripe-signature"] ?? "")), new Date());
            if (outcome === "already") webhook.replays++;
            else webhook.handled++;
            response.writeHead(200).end();
          } catch {
            webhook.failed++;
            response.writeHead(500).end();
          }
        })();
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    double.setWebhookUrl(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`);
    double.webhooks({ copies: 2 });

    const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
    const shop = await db.shop.findFirstOrThrow({ where: { slug: "fromagerie-des-halles" }, include: { doorPoint: true } });
    const door = shop.doorPoint;
    if (!door) throw new Error("no door");
    const product = await db.product.create({ data: { shopId: shop.id, name: "Mont d'Or (bench)", priceCents: 1450, stock } });
    await db.pickupScheduleRule.updateMany({ where: { shopId: shop.id }, data: { capacityPerSlot: 1000 } });
    const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    if (slots.length < 3) throw new Error("no slot in the schedule");
    const owners = Array.from({ length: customers }, () => ({ guestToken: randomUUID() }));
    for (const owner of owners) await addToCart(db, owner, territory.id, { productId: product.id, quantity: 1 });

    let refused = 0;
    let notConfirmed = 0;
    const run = await runPool(customers, concurrency, async (index) => {
      const slot = slots[2 + (index % Math.max(1, slots.length - 2))];
      let placed;
      try {
        placed = await placeOrders(db, { now: new Date(),
          actor: anonymous,
          owner: owners[index] ?? { guestToken: null },
          territoryId: territory.id,
          onlinePayment: true,
          input: {
            idempotencyKey: randomUUID(),
            contact: { name: "Client bench", email: "bench@example.fr", phone: "0600000000" },
            shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "ONLINE" }],
          },
        });
      } catch (error) {
        if (error instanceof CheckoutError) return void refused++;
        throw error;
      }
      const page = await startOnlinePayment(db, gateway, { checkoutId: placed.checkoutId, now: new Date() });
      const sessionId = /\/pay\/([^/?]+)/.exec(page?.url ?? "")?.[1];
      if (!sessionId) throw new Error("no payment page");
      // The customer's browser submits the provider's form, then lands on the return page.
      const paid = await fetch(`${double.url}/pay/${sessionId}/pay`, { method: "POST", redirect: "manual" });
      if (paid.status !== 303 && paid.status !== 302) throw new Error(`payment page answered ${paid.status}`);
      // Every other customer closes the tab after paying: only the webhook confirms their order.
      if (index % 2 === 1) return;
      const outcome = await settleCheckoutSession(db, gateway, { sessionId, now: new Date() });
      if (outcome !== "confirmed" && outcome !== "already") notConfirmed++;
    });

    // Let the double's (duplicated) webhooks land before counting.
    for (let quiet = 0, last = -1; quiet < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const seen = webhook.handled + webhook.replays + webhook.failed;
      quiet = seen === last ? quiet + 1 : 0;
      last = seen;
    }
    const confirmed = await db.order.count({ where: { shopId: shop.id, status: "CONFIRMED", lines: { some: { productId: product.id } } } });
    const waiting = await db.order.count({ where: { shopId: shop.id, status: "AWAITING_PAYMENT", lines: { some: { productId: product.id } } } });
    const left = (await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock ?? 0;
    const authorizations = await db.payment.groupBy({ by: ["checkoutId"], where: { kind: "AUTHORIZATION" }, _count: { _all: true } });
    const intentsPerSession = new Map<string, number>();
    for (const intent of double.state.intents.values()) {
      const key = String(intent.metadata?.checkoutId ?? intent.id);
      intentsPerSession.set(key, (intentsPerSession.get(key) ?? 0) + 1);
    }
    const authorizedTwice = authorizations.filter((a) => a._count._all > 1).length + [...intentsPerSession.values()].filter((n) => n > 1).length;
    console.log(
      report("place and pay online", run.latencies, run.elapsedMs, {
        errors: run.errors + notConfirmed,
        "refused (sold out)": refused,
        confirmed,
        "stock left": left,
        oversell: Math.max(0, confirmed - stock) + Math.max(0, -left),
        "authorized twice": authorizedTwice,
        "left waiting": waiting,
        "webhook deliveries": webhook.handled + webhook.replays + webhook.failed,
        "with an effect": webhook.handled,
        "webhook errors": webhook.failed,
      }),
    );
    await db.$disconnect();
    endpoint.close();
    if (confirmed > stock || left < 0 || run.errors > 0 || notConfirmed > 0 || authorizedTwice > 0 || waiting > 0 || webhook.failed > 0) process.exitCode = 1;
  } finally {
    await double.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
