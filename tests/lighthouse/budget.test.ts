import { existsSync, readFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCustomers } from "@/bench/orders-http";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";

/**
 * Lighthouse budget (issue #11): the mobile preset (simulated slow 4G and a 4×
 * slower CPU), on the production server. Fails below the accessibility, best
 * practices and SEO targets; performance is printed (and warned about below 95),
 * not failed on — it is a timing. One line per page so two runs can be compared. On this 2-core machine the home
 * scores 94–97 from one run to the next (total blocking time moves with the
 * load), so each page takes the median of five runs, and a page that misses is
 * measured again (twice at most) before the test fails; each measure starts on
 * a quiet machine (waitForQuietMachine).
 */
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;
const RUNS = 5;
const SHOP = "boulangerie-du-marche";

const db = testDb();
let app: AppServer;
let chrome: chromeLauncher.LaunchedChrome;
let cartCookie = "";

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
  const shop = await db.shop.findFirstOrThrow({ where: { slug: SHOP }, select: { id: true, slug: true, doorPoint: { select: { id: true } } } });
  const products = await db.product.findMany({ where: { shopId: shop.id, active: true, stock: { gt: 0 } }, select: { id: true }, take: 2 });
  const [customer] = await prepareCustomers(db, app.url, { id: shop.id, slug: shop.slug, doorId: shop.doorPoint?.id ?? "" }, products.map((p) => p.id), 1);
  cartCookie = `comptoir_cart=${customer?.client.cookie("comptoir_cart") ?? ""}`;
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  // One discarded run: a fresh Chrome does its own start-up work in the background during its first page load.
  await lighthouse(`${app.url}/mentions-legales`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
}, 240_000);
afterAll(async () => {
  chrome?.kill();
  await app?.stop();
});

async function scores(path: string, headers: Record<string, string>): Promise<{ scores: Record<Category, number>; failing: string[] }> {
  const result = await lighthouse(`${app.url}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(TARGETS), extraHeaders: headers });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { categories, audits } = result.lhr;
  const categoryScores = Object.fromEntries(Object.keys(TARGETS).map((key) => [key, Math.round((categories[key]?.score ?? 0) * 100)])) as Record<Category, number>;
  // Names of the weighted audits that lost points, to say why a budget fails.
  const failing = Object.values(categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]))
    .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
    .map((audit) => `${audit?.id} (${audit?.displayValue ?? audit?.score})${issueKinds(audit?.details)}`);
  return { scores: categoryScores, failing: [...new Set(failing)] };
}

/** What an audit's table lists (e.g. the kinds of Chrome "issues"), to say why it lost points. */
function issueKinds(details: unknown): string {
  const items = (details as { items?: { issueType?: string; subItems?: { items?: unknown[] } }[] } | undefined)?.items ?? [];
  const kinds = items.map((item) => `${item.issueType ?? "?"}: ${JSON.stringify(item.subItems?.items ?? []).slice(0, 300)}`);
  return kinds.length ? ` [${kinds.join("; ")}]` : "";
}

/** Share of the machine's CPU time spent busy over one second (Linux /proc/stat; null elsewhere). */
async function busyShare(): Promise<number | null> {
  const sample = () => {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
  };
  if (!existsSync("/proc/stat")) return null;
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = sample();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : null;
}

/**
 * Total blocking time is the browser's CPU time: measured while the previous
 * stage's processes (or the database's autovacuum after the seed) still run, the
 * home loses 3–5 points. Wait (at most 60 s) for a quiet second.
 */
async function waitForQuietMachine(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const busy = await busyShare();
    if (busy === null || busy < 0.15) return;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe("Lighthouse, mobile preset, median of five runs", () => {
  const pages: { name: string; path: () => Promise<string>; headers: () => Record<string, string> }[] = [
    { name: "shop", path: async () => `/boutiques/${SHOP}`, headers: () => ({}) },
    {
      name: "product",
      path: async () => {
        const product = await db.product.findFirstOrThrow({ where: { shop: { slug: SHOP }, active: true, stock: { gt: 0 } }, select: { id: true } });
        return `/boutiques/${SHOP}/produits/${product.id}`;
      },
      headers: () => ({}),
    },
    { name: "cart", path: async () => "/panier", headers: () => ({ Cookie: cartCookie }) },
    { name: "home", path: async () => "/", headers: () => ({}) },
  ];

  for (const page of pages) {
    it(`${page.name} meets the budget`, { timeout: 420_000, retry: 2 }, async () => {
      const path = await page.path();
      // Served once before measuring: the first visit renders the page into the cache, and the server's code warms up.
      for (let visit = 0; visit < 3; visit++) await (await fetch(`${app.url}${path}`, { headers: page.headers() })).text();
      await waitForQuietMachine();
      const runs: Awaited<ReturnType<typeof scores>>[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await scores(path, page.headers()));
      const result = Object.fromEntries(Object.keys(TARGETS).map((key) => [key, median(runs.map((r) => r.scores[key as Category]))])) as Record<Category, number>;
      console.log(`lighthouse ${page.name} performance ${result.performance} accessibility ${result.accessibility} best-practices ${result["best-practices"]} seo ${result.seo}`);
      // Performance is a timing (the browser's CPU time on a shared 2-core machine): printed and compared by people
      // and by the benchmark, not failed on (the brief: "timings belong in benchmarks, never in timed tests").
      // Accessibility, best practices and SEO do not depend on the machine's load: they fail the suite.
      if (result.performance < TARGETS.performance) console.warn(`lighthouse ${page.name} performance ${result.performance} below the ${TARGETS.performance} target: ${[...new Set(runs.flatMap((r) => r.failing))].join(", ")}`);
      const misses = (Object.keys(TARGETS) as Category[]).filter((key) => key !== "performance" && result[key] < TARGETS[key]);
      expect(misses.map((key) => `${key} ${result[key]} < ${TARGETS[key]}; audits losing points: ${[...new Set(runs.flatMap((r) => r.failing))].join(", ")}`)).toEqual([]);
    });
  }
});
