/**
 * `npm run bench`: the storefront and checkout under load, against fixed baselines
 * measured in the same run (issue #11). Builds if sources changed, starts the
 * production server on a fresh embedded PostgreSQL with the demo data plus the
 * benchmark's (a 200-product shop, 100,000 products to search), then prints one
 * line per scenario and the ratios:
 *   scenario <name> req/s <n> p50 <ms> p95 <ms> p99 <ms> errors <n> bytes <n>
 *   ratio shop200/static <x.xx> …, freshness p99 <ms>, server rss <MB>, then the RSS growth
 *   between two identical runs of the page scenarios and V8's heap figures.
 * Options: --seconds 8 (per HTTP scenario) --connections 20 --orders 400,
 * --order-concurrency 50, --orders-only (just orders-http and pgbench, without the 100,000 search products: to work on checkout speed),
 * --server-node-options="--cpu-prof --cpu-prof-dir=/tmp/prof" (node flags of the app server, e.g. to profile it);
 * SERVER_HEAP_MB=… sets the server's heap limit as in production (scripts/lib/server-command.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/install";
import { seedDemoData } from "@/prisma/seed/seed";
import { startApp } from "@/tests/helpers/app-server";
import { SEARCHES, seedBenchData, SHOP200_SLUG } from "./bench-data";
import { measureFreshness } from "./freshness";
import { loadTest, scenarioLine, throughput, type LoadResult } from "./load";
import { oversellCount, ordersScenario, prepareCustomers, stockSnapshot } from "./orders-http";
import { findPgbench, runPgbench } from "./pgbench";
import { buildIfStale, rssMegabytes, serverMemory } from "./server-process";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "8" }, connections: { type: "string", default: "20" }, orders: { type: "string", default: "400" }, "orders-only": { type: "boolean", default: false }, "order-concurrency": { type: "string", default: "50" }, "server-node-options": { type: "string", default: "" } } });
const ordersOnly = values["orders-only"];
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** V8's view of the server's memory (heap limit from SERVER_HEAP_MB, scripts/lib/server-command.ts). */
async function memoryLine(baseUrl: string): Promise<string> {
  return `server memory ${Object.entries(await serverMemory(baseUrl)).map(([key, value]) => `${key} ${value}`).join(" ")} (MB)`;
}

const ratio = (name: string, a: number, b: number) => `ratio ${name} ${b > 0 ? (a / b).toFixed(2) : "n/a"}`;

async function main() {
  buildIfStale();
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const url = withDatabase(server.serverUrl, "bench");
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    await ensureDatabase(url);
    await applyMigrations(url);
    await installJobQueue(url);
    await seedDemoData(url);
    const db = createPrismaClient(url, { poolSize: 8 });
    await seedBenchData(db, ordersOnly ? { wholesaleShops: 0 } : {});
    // Statistics as a live database has them (autovacuum would take a while after a bulk load).
    await db.$executeRawUnsafe("ANALYZE");
    const shopRow = await db.shop.findFirstOrThrow({ where: { slug: SHOP200_SLUG }, include: { doorPoint: true, products: { orderBy: { sku: "asc" }, select: { id: true } } } });
    const shop = { id: shopRow.id, slug: shopRow.slug, doorId: shopRow.doorPoint?.id ?? "" };
    const [fresh, ...others] = shopRow.products.map((p) => p.id);
    if (!fresh) throw new Error("no benchmark products");
    // The freshness product shows its exact stock ("Plus que N") on its page.
    await db.product.update({ where: { id: fresh }, data: { stock: 900, lowStockAlert: 1_000_000 } });

    // COMPTOIR_TEST_CLOCK opens /api/test/requetes, which reports the server's memory.
    app = await startApp({ databaseUrl: url, env: { COMPTOIR_TEST_CLOCK: "1" }, nodeArgs: values["server-node-options"].split(" ").filter(Boolean) });
    const pages: Record<string, string | ((i: number) => string)> = {
      static: "/mentions-legales",
      home: "/",
      shop200: `/boutiques/${SHOP200_SLUG}`,
      product: `/boutiques/${SHOP200_SLUG}/produits/${others[0] ?? fresh}`,
      "search-100k": (i) => `/recherche?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length] ?? "miel")}`,
    };
    const results: Record<string, LoadResult> = {};
    if (ordersOnly) for (const name of Object.keys(pages)) delete pages[name];
    // A fresh server is slower for its first seconds (JIT, first renders): warm every page first, so the first scenario is not penalized.
    for (const [name, page] of Object.entries(pages)) await loadTest({ name, baseUrl: app.url, path: page, connections, durationMs: 1_500 });
    for (const [name, page] of Object.entries(pages)) {
      await loadTest({ name, baseUrl: app.url, path: page, connections: 4, durationMs: 1_000 }); // warm-up
      results[name] = await loadTest({ name, baseUrl: app.url, path: page, connections, durationMs: seconds * 1000 });
      console.log(scenarioLine(results[name]));
    }
    const rssAfterPages = rssMegabytes(app.process.pid);

    const before = await stockSnapshot(db, shop.id);
    const customers = await prepareCustomers(db, app.url, shop, others, Number(values.orders));
    const orders = await ordersScenario(customers, shop, Number(values["order-concurrency"]));
    console.log(`${scenarioLine(orders)} oversell ${await oversellCount(db, shop.id, before)}`);

    const pgbench = findPgbench();
    let pgbenchResult: LoadResult | null = null;
    if (pgbench) {
      const pgbenchUrl = withDatabase(server.serverUrl, "pgbench");
      await ensureDatabase(pgbenchUrl);
      pgbenchResult = runPgbench(pgbench, pgbenchUrl, { clients: 50, seconds: 10, scale: 10 });
      console.log(scenarioLine(pgbenchResult));
    } else {
      console.log("scenario pgbench not run: pgbench is not installed on this machine (apt-get install postgresql-client)");
    }

    if (ordersOnly) {
      console.log(ratio("orders/pgbench", throughput(orders), pgbenchResult ? throughput(pgbenchResult) : 0));
      console.log(`server rss ${rssMegabytes(app.process.pid)}`);
      console.log(await memoryLine(app.url));
      return;
    }
    const freshness = await measureFreshness(db, app.url, shop, fresh, others);
    // The same page scenarios again, unprinted: a server that keeps what it served grows here.
    for (const [name, page] of Object.entries(pages)) await loadTest({ name, baseUrl: app.url, path: page, connections, durationMs: seconds * 1000 });
    const rssAfterSecondRun = rssMegabytes(app.process.pid);
    console.log(ratio("shop200/static", throughput(results.shop200 as LoadResult), throughput(results.static as LoadResult)));
    console.log(ratio("home/static", throughput(results.home as LoadResult), throughput(results.static as LoadResult)));
    console.log(ratio("product/static", throughput(results.product as LoadResult), throughput(results.static as LoadResult)));
    console.log(ratio("orders/pgbench", throughput(orders), pgbenchResult ? throughput(pgbenchResult) : 0));
    console.log(`freshness p99 ${freshness.p99.toFixed(0)}`);
    console.log(`server rss ${rssMegabytes(app.process.pid)}`);
    console.log(`server rss growth ${rssAfterSecondRun - rssAfterPages} (after the page scenarios ${rssAfterPages}, after the same scenarios again ${rssAfterSecondRun})`);
    console.log(await memoryLine(app.url));
    await db.$disconnect();
  } finally {
    await app?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
