/**
 * `npm run bench:soak`: the soak scenario of issue #13. Two production instances
 * on one embedded PostgreSQL with the demo data (the background worker on A),
 * virtual users sending mixed traffic for SOAK_SECONDS, each request to the next
 * instance in turn, as a balancer would:
 *   browse  home, shop and product pages          search  /recherche?q=…
 *   cart    add to cart (the shop page's action)  order   checkout (placeOrdersAction, pay at pickup)
 *   cancel  the customer opens the order page and cancels through its action
 *   shop    a signed-in shopkeeper opens the dashboard and moves an order
 *           prepare → ready → collected (with the pickup code), through the dashboard's action
 * Every few seconds it reads each instance's RSS (/proc/<pid>/status) and V8 heap
 * (/api/test/requetes). At the end it prints one block to compare between runs:
 * per kind requests, errors, refusals, p50/p95/p99 and throughput (latencies and
 * throughput after the warm-up; counts over the whole run), per instance the RSS
 * after the warm-up, halfway, at the end, its peak and growth (and over the second
 * half alone: a cache filling up flattens, a leak goes on), then the verdict line
 *   soak: 300 s, 12345 requests, 0 errors, p95 browse 40 ms, …, memory growth A +3.1 % B +2.4 % — targets met …
 * and exits non-zero unless 0 errors and memory growth < 10 % on each instance.
 * An error is a 5xx (any non-200), a network error or timeout, or an action that
 * should have succeeded and did not; a business refusal (out of stock, slot full)
 * is counted apart.
 *
 * Environment: SOAK_SECONDS (300), SOAK_WARMUP_SECONDS (120, at most a third of
 * the run: excluded from the memory baseline and the latencies), SOAK_USERS (6),
 * SOAK_THINK_MS (50: mean pause between a user's steps), SOAK_BUILD=0 to use the
 * last build even when sources changed (it builds otherwise, like `npm run bench`).
 * BASE_URLS=http://host:3000,http://host:3001 drives running instances instead of
 * starting two: they must serve this checkout's build (server action ids are the
 * build's), share one NEXTAUTH_SECRET, and DATABASE_URL must be their database,
 * with the demo data (the soak opens its shops' slots and sets its stock there);
 * SOAK_PIDS=pidA,pidB lets it read their RSS, else it asks /api/test/requetes
 * (COMPTOIR_TEST_CLOCK=1 on them).
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { CART_COOKIE } from "@/lib/cart/cart-count";
import { createPrismaClient } from "@/lib/db/client";
import { checkout } from "@/tests/chaos/harness";
import { actionFormBody } from "@/tests/fuzz/next-actions";
import { HttpClient } from "@/tests/helpers/http-client";
import { SEARCHES } from "./bench-data";
import { actionId } from "./orders-http";
import { rssMegabytes, serverMemory } from "./server-process";
import { buildId, soakInstances, type SoakInstances } from "./soak-instances";
import { prepareShops, refreshSlots, RESTOCK, STOCK_FLOOR, type SoakShop } from "./soak-shops";
import { count, soakReport, type Instance, type Kind, type Outcome, type Sample } from "./soak-report";

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0 (got "${raw}")`);
  return value;
}

const SECONDS = numberFromEnv("SOAK_SECONDS", 300);
// The first two minutes fill the caches (the shared page cache alone takes up to CACHE_MAX_MB per
// instance): growth is measured from there. Short runs keep a third for the warm-up.
const WARMUP_SECONDS = Math.min(numberFromEnv("SOAK_WARMUP_SECONDS", 120), SECONDS / 3);
const USERS = Math.max(1, Math.round(numberFromEnv("SOAK_USERS", 6)));
const THINK_MS = numberFromEnv("SOAK_THINK_MS", 50);
const SAMPLE_MS = 5_000;
const PROGRESS_MS = 30_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** How often each kind is picked: a shop step is four requests, a cancel two; orders feed both. */
const MIX: [Kind, number][] = [["browse", 45], ["search", 15], ["cart", 10], ["order", 10], ["cancel", 3], ["shop", 6]];
/** Refusals that are the business's answer, not a failure: the stock ran out, the slot filled up or left the schedule. */
const EXPECTED_REFUSALS = new Set(["notEnoughStock", "stock", "slotFull", "slotInvalid"]);
type PlacedOrder = { id: string; shopId: string; pickupCode: string; accessToken: string };

const samples: Sample[] = [];
const errors = new Map<string, number>();
const refusals = new Map<string, number>();
const pool: PlacedOrder[] = [];
let instances: Instance[] = [];
let turn = 0;
let startedAt = 0;
const elapsed = () => performance.now() - startedAt;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pickOne = <T>(list: T[]): T => {
  const item = list[Math.floor(Math.random() * list.length)];
  if (item === undefined) throw new Error("picked from an empty list");
  return item;
};

function record(kind: Kind, instance: number, t0: number, outcome: Outcome, what: string): Outcome {
  samples.push({ kind, instance, at: t0 - startedAt, ms: performance.now() - t0, outcome });
  const target = instances[instance];
  if (target) {
    target.requests++;
    if (outcome === "error") target.errors++;
  }
  if (outcome === "error") count(errors, `${kind} ${what} (${target?.name ?? "?"})`);
  if (outcome === "refused") count(refusals, `${kind} ${what}`);
  return outcome;
}

/** What a server action answered, judged: its result is `{"ok":true,…}` or `{"ok":false,"error":…}` in the RSC payload. */
function judgeAction(body: string): { outcome: Outcome; what: string } {
  const ok = /"ok":(true|false)/.exec(body)?.[1];
  if (ok === "true") return { outcome: "ok", what: "" };
  if (ok !== "false") return { outcome: "error", what: "no action result in the answer" };
  const error = /"error":"([^"]*)"/.exec(body)?.[1] ?? "";
  const problems = [...body.matchAll(/"kind":"(\w+)"/g)].map((match) => match[1] ?? "");
  const reason = error === "conflict" && problems.length ? problems.join("+") : error;
  const expected = EXPECTED_REFUSALS.has(error) || (error === "conflict" && problems.length > 0 && problems.every((p) => EXPECTED_REFUSALS.has(p)));
  return { outcome: expected ? "refused" : "error", what: `answered ${reason}` };
}

/**
 * One request on the next instance (they take turns), as the browser sends it: a
 * page GET, or a server action posted to the page hosting it (`action` is its
 * exported name), the instance's own origin in Origin.
 */
async function send(kind: Kind, client: HttpClient, label: string, pathname: string, action?: { name: string; fields: [string, string][] }): Promise<{ outcome: Outcome; body: string }> {
  const index = turn++ % instances.length;
  const instance = instances[index] as Instance;
  const t0 = performance.now();
  try {
    const init: RequestInit = action
      ? { method: "POST", headers: { origin: instance.url, "next-action": actionId(action.name) }, body: actionFormBody(action.fields), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
      : { headers: { accept: "text/html", "accept-encoding": "gzip" }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    const response = await client.fetch(`${instance.url}${pathname}`, init);
    const body = await response.text();
    if (response.status !== 200) return { outcome: record(kind, index, t0, "error", `${label}: HTTP ${response.status}`), body };
    if (!action) return { outcome: record(kind, index, t0, "ok", label), body };
    const { outcome, what } = judgeAction(body);
    return { outcome: record(kind, index, t0, outcome, `${label}: ${what}`), body };
  } catch (error) {
    return { outcome: record(kind, index, t0, "error", `${label}: network ${(error as Error).name === "TimeoutError" ? "timeout" : (error as Error).message}`), body: "" };
  }
}

/** The checkout through the chaos harness's `checkout` (the form as the browser posts it), on the next instance. */
async function placeOrder(db: PrismaClient, token: string, shop: SoakShop): Promise<Outcome> {
  const index = turn++ % instances.length;
  const instance = instances[index] as Instance;
  const t0 = performance.now();
  const answer = await checkout(instance, token, shop, pickOne(shop.slots));
  const label = "POST placeOrdersAction";
  if (answer.status === 0) return record("order", index, t0, "error", `${label}: ${answer.error ?? "network"}`);
  if (answer.status !== 200) return record("order", index, t0, "error", `${label}: HTTP ${answer.status}`);
  if (!answer.ok || !answer.checkoutId) {
    const expected = answer.error === "conflict" && answer.problems.length > 0 && answer.problems.every((p) => EXPECTED_REFUSALS.has(p));
    return record("order", index, t0, expected ? "refused" : "error", `${label}: answered ${answer.error === "conflict" ? answer.problems.join("+") : answer.error}`);
  }
  record("order", index, t0, "ok", label);
  // The customer reads the pickup code on the confirmation and says it at the counter: the bench takes it from the database.
  const orders = await db.order.findMany({ where: { checkoutId: answer.checkoutId }, select: { id: true, shopId: true, pickupCode: true, accessToken: true } });
  pool.push(...orders);
  return "ok";
}

function pickKind(): Kind {
  let roll = Math.random() * MIX.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of MIX) if ((roll -= weight) < 0) return kind;
  return "browse";
}

/** One virtual user until the deadline: a guest customer of one shop who also browses, and who serves orders as that shop's keeper when picked to. */
async function user(index: number, db: PrismaClient, shops: SoakShop[], catalog: { shops: string[]; products: string[] }, deadline: number): Promise<void> {
  const shop = shops[index % shops.length] as SoakShop;
  const customer = new HttpClient(instances[0]?.url ?? "");
  let units = 0;
  const addToCart = async () => {
    const { outcome } = await send("cart", customer, "POST addToCartAction", `/boutiques/${shop.slug}`, { name: "addToCartAction", fields: [["productId", pickOne(shop.products)], ["quantity", "1"]] });
    if (outcome === "ok") units++;
  };
  for (let step = 0; elapsed() < deadline; step++) {
    let kind = pickKind();
    if (kind === "cart" && units >= 3) kind = "order";
    if ((kind === "cancel" || kind === "shop") && pool.length === 0) kind = "order";
    if (kind === "browse") {
      const page = step % 3;
      if (page === 0) await send(kind, customer, "GET /", "/");
      else if (page === 1) await send(kind, customer, "GET /boutiques/[slug]", `/boutiques/${pickOne(catalog.shops)}`);
      else await send(kind, customer, "GET /boutiques/[slug]/produits/[id]", pickOne(catalog.products));
    } else if (kind === "search") {
      await send(kind, customer, "GET /recherche", `/recherche?q=${encodeURIComponent(pickOne(SEARCHES))}`);
    } else if (kind === "cart") {
      await addToCart();
    } else if (kind === "order") {
      if (units === 0) await addToCart();
      const token = customer.cookie(CART_COOKIE);
      if (units > 0 && token && (await placeOrder(db, token, shop)) === "ok") units = 0;
    } else if (kind === "cancel") {
      const order = pool.pop() as PlacedOrder;
      const page = await send(kind, customer, "GET /commandes/[id]", `/commandes/${order.id}?t=${order.accessToken}`);
      if (page.outcome === "ok") await send(kind, customer, "POST cancelOrderAction", `/commandes/${order.id}`, { name: "cancelOrderAction", fields: [["orderId", order.id], ["token", order.accessToken]] });
    } else {
      const order = pool.shift() as PlacedOrder;
      const keeper = shops.find((s) => s.id === order.shopId)?.shopkeeper;
      if (!keeper) throw new Error(`no shopkeeper for shop ${order.shopId}`);
      let outcome = (await send(kind, keeper, "GET /dashboard/[shopId]", `/dashboard/${order.shopId}`)).outcome;
      for (const [action, extra] of [["startPreparing", []], ["markReady", []], ["markCollected", [["pickupCode", order.pickupCode]]]] as [string, [string, string][]][]) {
        if (outcome !== "ok") break;
        outcome = (await send(kind, keeper, `POST transitionOrderAction ${action}`, `/dashboard/${order.shopId}/commandes/${order.id}`, { name: "transitionOrderAction", fields: [["orderId", order.id], ["action", action], ...extra] })).outcome;
      }
    }
    if (THINK_MS > 0) await sleep(Math.random() * 2 * THINK_MS);
  }
}

async function sampleMemory(): Promise<void> {
  await Promise.all(
    instances.map(async (instance) => {
      const heap = await serverMemory(instance.url).catch(() => null);
      const rss = instance.pid ? rssMegabytes(instance.pid) : (heap?.rss ?? 0);
      instance.memory.push({ at: elapsed(), rss, heapUsed: heap?.heapUsed ?? null });
    }),
  );
}

async function main(): Promise<boolean> {
  let started: SoakInstances | null = null;
  let db: PrismaClient | null = null;
  try {
    started = await soakInstances();
    instances = started.instances;
    // Every action id now: a build without one fails here, not as errors of the run.
    for (const name of ["addToCartAction", "placeOrdersAction", "cancelOrderAction", "transitionOrderAction"]) actionId(name);
    const build = buildId();
    db = createPrismaClient(started.databaseUrl, { poolSize: 4 });
    const shops = await prepareShops(db, instances[0]?.url ?? "");
    const territoryId = shops[0]?.territoryId ?? "";
    const listed = await db.shop.findMany({ where: { territoryId, status: "ACTIVE", publishedAt: { not: null } }, select: { slug: true, products: { where: { active: true, archivedAt: null }, select: { id: true } } } });
    const catalog = { shops: listed.map((s) => s.slug), products: listed.flatMap((s) => s.products.map((p) => `/boutiques/${s.slug}/produits/${p.id}`)) };
    console.log(`soak: ${SECONDS} s on ${instances.map((i) => `${i.name} ${i.url}`).join(", ")}, ${USERS} users, ${catalog.shops.length} shops and ${catalog.products.length} product pages to browse, orders at ${shops.map((s) => s.slug).join(" and ")}`);

    startedAt = performance.now();
    const deadline = SECONDS * 1000;
    let running = true;
    const database = db;
    const background = [
      (async () => {
        for (let next = 0; running; next += SAMPLE_MS) {
          await sampleMemory();
          while (running && elapsed() < next + SAMPLE_MS) await sleep(100);
        }
      })(),
      (async () => {
        for (let tick = 1; running; tick++) {
          await sleep(2_000);
          // Restocked straight in the database (no shopkeeper action): stock is not what the soak measures, and the
          // product pages of the page cache may show a stale count until their next change.
          await database.product.updateMany({ where: { id: { in: shops.flatMap((s) => s.products) }, stock: { lt: STOCK_FLOOR } }, data: { stock: { increment: RESTOCK } } });
          if (tick % 15 === 0) await refreshSlots(database, shops);
        }
      })(),
      (async () => {
        for (let next = PROGRESS_MS; running; next += PROGRESS_MS) {
          while (running && elapsed() < next) await sleep(200);
          if (!running) break;
          const failed = samples.filter((s) => s.outcome === "error").length;
          console.log(`soak ${Math.round(elapsed() / 1000)}/${SECONDS} s: ${samples.length} requests, ${failed} errors, rss ${instances.map((i) => `${i.name} ${i.memory.at(-1)?.rss ?? "?"} MB`).join(" ")}, ${pool.length} orders waiting`);
        }
      })(),
    ];
    await Promise.all(Array.from({ length: USERS }, (_, index) => user(index, database, shops, catalog, deadline)));
    const duration = elapsed();
    running = false;
    await Promise.all(background);
    await sampleMemory();
    if (buildId() !== build) console.log(`warning: the build changed during the run (${build} → ${buildId()}): another next build ran, the figures are not the app's`);
    const { text, ok } = soakReport({ duration, warmupSeconds: WARMUP_SECONDS, users: USERS, thinkMs: THINK_MS, samples, instances, errors, refusals });
    console.log(`\n${text}`);
    return ok;
  } finally {
    await db?.$disconnect();
    await started?.stop();
  }
}

main().then(
  (met) => process.exit(met ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
