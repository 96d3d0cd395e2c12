/**
 * Load scenario: many customers checking out at once against a real (embedded)
 * PostgreSQL, through the same placeOrders use case the app calls.
 *   npm run bench:orders [-- --customers 400 --concurrency 32 --stock 100] [-- --delivery]
 * With --delivery, every customer has the grocer deliver to Ligugé (zone, fee, delivery slots).
 * Prints throughput, latency percentiles, refusals, and the oversell count
 * (orders beyond the stock or slot capacity — must be 0).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, chmodSync, rmSync } from "node:fs";
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
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { seedDemoData } from "@/prisma/seed/seed";
import { report, runPool } from "./stats";

const { values } = parseArgs({
  options: { customers: { type: "string", default: "400" }, concurrency: { type: "string", default: "32" }, stock: { type: "string", default: "100" }, delivery: { type: "boolean", default: false } },
});
const customers = Number(values.customers);
const concurrency = Number(values.concurrency);
const stock = Number(values.stock);

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const url = withDatabase(server.serverUrl, "bench");
  try {
    await ensureDatabase(url);
    await applyMigrations(url);
    // Placing an order schedules its follow-ups (reminder, hold expiry) in the job queue.
    await installJobQueue(url);
    await seedDemoData(url);
    const db = createPrismaClient(url, { poolSize: concurrency + 4 });
    const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
    const shop = await db.shop.findFirstOrThrow({ where: { slug: values.delivery ? "primeur-clain" : "boulangerie-du-marche" }, include: { doorPoint: true, deliveryPoint: true } });
    const door = values.delivery ? shop.deliveryPoint : shop.doorPoint;
    if (!door) throw new Error("no door or delivery point");
    const rural = await db.commune.findFirstOrThrow({ where: { territoryId: territory.id, name: "Ligugé" } });
    const delivery = values.delivery ? { communeId: rural.id, addressLine: "12 route de Saint-Benoît" } : undefined;
    // One hot product and every slot of the coming days, with capacity enough that stock is the contended resource.
    const product = await db.product.create({ data: { shopId: shop.id, name: "Galette des rois (bench)", priceCents: 1800, stock } });
    await db.pickupScheduleRule.updateMany({ where: { shopId: shop.id }, data: { capacityPerSlot: 1000 } });
    const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    if (slots.length === 0) throw new Error("no slot in the schedule");
    const owners = Array.from({ length: customers }, () => ({ guestToken: randomUUID() }));
    for (const owner of owners) await addToCart(db, owner, territory.id, { productId: product.id, quantity: 1 });

    let refused = 0;
    const run = await runPool(customers, concurrency, async (index) => {
      // Skip the first slots: they may leave the schedule while the run lasts.
      const slot = slots[2 + (index % Math.max(1, slots.length - 2))];
      try {
        await placeOrders(db, { now: new Date(),
          actor: anonymous,
          owner: owners[index] ?? { guestToken: null },
          territoryId: territory.id,
          input: {
            idempotencyKey: randomUUID(),
            contact: { name: "Client bench", email: "bench@example.fr", phone: "0600000000" },
            delivery,
            shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }],
          },
        });
      } catch (error) {
        if (error instanceof CheckoutError) refused++;
        else throw error;
      }
    });
    const orders = await db.order.count({ where: { shopId: shop.id, lines: { some: { productId: product.id } } } });
    const left = (await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock ?? 0;
    console.log(
      report(values.delivery ? "place orders with delivery (use case)" : "place orders (use case)", run.latencies, run.elapsedMs, {
        errors: run.errors,
        "refused (sold out)": refused,
        orders,
        "stock left": left,
        oversell: Math.max(0, orders - stock) + Math.max(0, -left),
      }),
    );
    await db.$disconnect();
    if (orders > stock || left < 0 || run.errors > 0) process.exitCode = 1;
  } finally {
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
