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
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { CART_COOKIE } from "@/lib/cart/cart-count";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/install";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { seedDemoData } from "@/prisma/seed/seed";
import { checkout, type Shop } from "@/tests/chaos/harness";
import { actionFormBody } from "@/tests/fuzz/next-actions";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { HttpClient } from "@/tests/helpers/http-client";
import { SEARCHES } from "./bench-data";
import { actionId } from "./orders-http";
import { buildIfStale, rssMegabytes, serverMemory } from "./server-process";
import { percentile } from "./stats";

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
const GROWTH_TARGET_PERCENT = 10;

const KINDS = ["browse", "search", "cart", "order", "cancel", "shop"] as const;
type Kind = (typeof KINDS)[number];
/** How often each kind is picked: a shop step is four requests, a cancel two; orders feed both. */
const MIX: [Kind, number][] = [["browse", 45], ["search", 15], ["cart", 10], ["order", 10], ["cancel", 3], ["shop", 6]];
/** The two demo shops with a shopkeeper account: customers order there, their owners serve the orders. */
const SOAK_SHOPS = [
  { slug: "boulangerie-du-marche", owner: DEMO_ACCOUNTS.boulangerie.email },
  { slug: "fromagerie-des-halles", owner: DEMO_ACCOUNTS.fromagerie.email },
];
/** Refusals that are the business's answer, not a failure: the stock ran out, the slot filled up or left the schedule. */
const EXPECTED_REFUSALS = new Set(["notEnoughStock", "stock", "slotFull", "slotInvalid"]);
const STOCK_FLOOR = 100;
const RESTOCK = 500;

type Instance = { name: string; url: string; pid?: number; app?: AppServer; worker: boolean | null; memory: { at: number; rss: number; heapUsed: number | null }[]; requests: number; errors: number };
type Outcome = "ok" | "refused" | "error";
type Sample = { kind: Kind; instance: number; at: number; ms: number; outcome: Outcome };
type SoakShop = Shop & { products: string[]; slots: string[]; shopkeeper: HttpClient };
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
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

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

/** Error and fatal lines the instance logged (pino JSON lines), by message. */
function loggedErrors(instance: Instance): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of instance.app?.output().split("\n") ?? []) {
    if (!/"level":"(error|fatal)"/.test(line)) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      count(found, `${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
    } catch {
      count(found, line.slice(0, 200));
    }
  }
  return found;
}

async function prepareShops(db: PrismaClient): Promise<SoakShop[]> {
  const shops: SoakShop[] = [];
  for (const { slug, owner } of SOAK_SHOPS) {
    const row = await db.shop.findFirstOrThrow({ where: { slug }, include: { doorPoint: true } });
    if (!row.doorPoint) throw new Error(`${slug} has no door`);
    // Places enough for every order of the run, bookable from now on: slots are not what the soak measures.
    await db.pickupScheduleRule.updateMany({ where: { shopId: row.id }, data: { capacityPerSlot: 100_000, leadTimeMinutes: 0, sameDayCutoffMinute: null } });
    const products = await db.product.findMany({ where: { shopId: row.id, active: true, archivedAt: null, soldByWeight: false }, select: { id: true } });
    if (products.length === 0) throw new Error(`${slug} has no product sold by the piece`);
    // A finite stock, so orders take it and cancels give it back; the restocking loop keeps it above STOCK_FLOOR.
    await db.product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { stock: STOCK_FLOOR + RESTOCK } });
    const shopkeeper = new HttpClient(instances[0]?.url ?? "", { origin: instances[0]?.url ?? "" });
    await shopkeeper.signInWithPassword(owner, DEMO_PASSWORD);
    if (!shopkeeper.sessionToken) throw new Error(`${owner} could not sign in`);
    shops.push({ id: row.id, slug, doorId: row.doorPoint.id, territoryId: row.territoryId, products: products.map((p) => p.id), slots: [], shopkeeper });
  }
  await refreshSlots(db, shops);
  return shops;
}

/** Slots from the third on (the first ones leave the schedule as time passes), read again every half minute. */
async function refreshSlots(db: PrismaClient, shops: SoakShop[]): Promise<void> {
  for (const shop of shops) {
    const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorId });
    if (slots.length < 3) throw new Error(`${shop.slug} has no slots`);
    shop.slots = slots.slice(2, 60).map((slot) => slot.startsAt.toISOString());
  }
}

/** The build the instances serve (a `next build` during the run replaces it under them). */
function buildId(): string {
  const file = path.join(".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : "none";
}

function ms(value: number): string {
  return value.toFixed(1);
}

function report(duration: number): boolean {
  const warmupMs = WARMUP_SECONDS * 1000;
  const measuredSeconds = Math.max(0.001, (duration - warmupMs) / 1000);
  const total = samples.length;
  const errorCount = samples.filter((s) => s.outcome === "error").length;
  const refusedCount = samples.filter((s) => s.outcome === "refused").length;
  const p95s: string[] = [];
  const lines: string[] = [];
  lines.push(`soak run ${(duration / 1000).toFixed(0)} s (warm-up ${WARMUP_SECONDS.toFixed(0)} s), ${USERS} users, think ${THINK_MS} ms, ${instances.length} instances (worker on ${instances.filter((i) => i.worker).map((i) => i.name).join(", ") || "unknown"})`);
  lines.push(`soak requests ${total} errors ${errorCount} refused ${refusedCount}`);
  for (const kind of KINDS) {
    const all = samples.filter((s) => s.kind === kind);
    const measured = all.filter((s) => s.at >= warmupMs).map((s) => s.ms).sort((a, b) => a - b);
    const p95 = percentile(measured, 95);
    p95s.push(`${kind} ${p95.toFixed(0)} ms`);
    lines.push(
      `kind ${kind.padEnd(6)} requests ${all.length} errors ${all.filter((s) => s.outcome === "error").length} refused ${all.filter((s) => s.outcome === "refused").length} ` +
        `p50 ${ms(percentile(measured, 50))} p95 ${ms(p95)} p99 ${ms(percentile(measured, 99))} req/s ${(measured.length / measuredSeconds).toFixed(1)}`,
    );
  }
  const firstOf = (map: Map<string, number>) => [...map].slice(0, 5).map(([what, n]) => `${what} ×${n}`);
  lines.push(`refusals ${refusals.size ? firstOf(refusals).join("; ") : "none"}`);
  lines.push(`errors ${errors.size ? `${errors.size} distinct, first: ${firstOf(errors).join("; ")}` : "none"}`);
  const growths: string[] = [];
  const failures: string[] = [];
  for (const instance of instances) {
    const baseline = instance.memory.find((m) => m.at >= warmupMs);
    // Halfway through the measured part: growth in the second half tells a filling cache (it flattens) from a leak (it goes on).
    const middle = instance.memory.find((m) => m.at >= (warmupMs + duration) / 2);
    const end = instance.memory.at(-1);
    const peak = Math.max(...instance.memory.map((m) => m.rss));
    const heap = baseline?.heapUsed != null && end?.heapUsed != null ? ` heapUsed ${baseline.heapUsed} → ${end.heapUsed} MB` : "";
    const logged = instance.app ? loggedErrors(instance) : null;
    const measured = baseline && end && baseline.rss > 0 && end.rss > 0;
    const growth = measured ? ((end.rss - baseline.rss) / baseline.rss) * 100 : NaN;
    const percent = (value: number) => (Number.isNaN(value) ? "n/a" : `${value >= 0 ? "+" : ""}${value.toFixed(1)} %`);
    const signed = percent(growth);
    const secondHalf = middle && end && middle.rss > 0 ? percent(((end.rss - middle.rss) / middle.rss) * 100) : "n/a";
    growths.push(`${instance.name} ${signed}`);
    if (Number.isNaN(growth)) failures.push(`memory of ${instance.name} not measured`);
    else if (growth >= GROWTH_TARGET_PERCENT) failures.push(`memory growth ${instance.name} ${signed}`);
    lines.push(
      `instance ${instance.name} ${instance.url}${instance.worker ? " (worker)" : ""} requests ${instance.requests} errors ${instance.errors} ` +
        `rss after warm-up ${baseline?.rss ?? "n/a"} MB mid-run ${middle?.rss ?? "n/a"} MB end ${end?.rss ?? "n/a"} MB peak ${peak} MB growth ${signed} (second half ${secondHalf})${heap}` +
        (logged ? ` logged errors ${[...logged.values()].reduce((a, b) => a + b, 0)}${logged.size ? ` (${firstOf(logged).join("; ")})` : ""}` : ""),
    );
  }
  if (errorCount > 0) failures.unshift(`${errorCount} errors`);
  const verdict = failures.length ? `targets NOT met: ${failures.join(", ")}` : `targets met (0 errors, memory growth < ${GROWTH_TARGET_PERCENT} % after warm-up)`;
  lines.push(`soak: ${(duration / 1000).toFixed(0)} s, ${total} requests, ${errorCount} errors, ${refusedCount} refused, p95 ${p95s.join(", ")}, memory growth ${growths.join(" ")} — ${verdict}`);
  console.log(`\n${lines.join("\n")}`);
  return failures.length === 0;
}

async function main(): Promise<boolean> {
  const external = process.env.BASE_URLS?.split(",").map((u) => u.trim().replace(/\/$/, "")).filter(Boolean) ?? [];
  let pg: EmbeddedServer | null = null;
  let dir = "";
  let databaseUrl = process.env.DATABASE_URL ?? "";
  let db: PrismaClient | null = null;
  try {
    if (external.length) {
      if (!databaseUrl) throw new Error("BASE_URLS needs DATABASE_URL: the database of those instances");
      const pids = (process.env.SOAK_PIDS ?? "").split(",").map(Number);
      instances = external.map((url, i) => ({ name: String.fromCharCode(65 + i), url, pid: pids[i] || undefined, worker: null, memory: [], requests: 0, errors: 0 }));
    } else {
      if (process.env.SOAK_BUILD !== "0") buildIfStale();
      dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-soak-"));
      chmodSync(dir, 0o755);
      pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
      databaseUrl = withDatabase(pg.serverUrl, "soak");
      await ensureDatabase(databaseUrl);
      await applyMigrations(databaseUrl);
      await installJobQueue(databaseUrl);
      await seedDemoData(databaseUrl);
      // One secret for both: a session or cart cookie from one instance is good on the other, as behind a balancer.
      // COMPTOIR_TEST_CLOCK opens /api/test/requetes, which reports the V8 heap.
      const env = { NEXTAUTH_SECRET: randomBytes(24).toString("base64url"), COMPTOIR_TEST_CLOCK: "1" };
      const [a, b] = await Promise.all([startApp({ databaseUrl, env: { ...env, WORKER: "true" } }), startApp({ databaseUrl, env: { ...env, WORKER: "false" } })]);
      instances = [
        { name: "A", url: a.url, pid: a.process.pid, app: a, worker: true, memory: [], requests: 0, errors: 0 },
        { name: "B", url: b.url, pid: b.process.pid, app: b, worker: false, memory: [], requests: 0, errors: 0 },
      ];
    }
    // Every action id now: a build without one fails here, not as errors of the run.
    for (const name of ["addToCartAction", "placeOrdersAction", "cancelOrderAction", "transitionOrderAction"]) actionId(name);
    const build = buildId();
    db = createPrismaClient(databaseUrl, { poolSize: 4 });
    const shops = await prepareShops(db);
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
    return report(duration);
  } finally {
    await db?.$disconnect();
    await Promise.all(instances.map((instance) => instance.app?.stop()));
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (met) => process.exit(met ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
