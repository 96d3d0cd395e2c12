import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder, prepareCustomers } from "@/bench/orders-http";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";

/**
 * The storefront's shared page cache (docs/decisions/0007), over real HTTP on
 * production servers: two instances on one database, as a deployment runs them.
 */
const db = testDb();
let appA: AppServer;
let appB: AppServer;

beforeAll(async () => {
  appA = await startApp({ env: { COMPTOIR_TEST_CLOCK: "1", WORKER: "false" } });
  appB = await startApp({ env: { COMPTOIR_TEST_CLOCK: "1", WORKER: "false" } });
}, 120_000);
afterAll(async () => {
  await Promise.all([appA?.stop(), appB?.stop()]);
});

const SHOP = "boulangerie-du-marche";

async function shopForOrders() {
  const shop = await db.shop.findFirstOrThrow({ where: { slug: SHOP }, select: { id: true, slug: true, doorPoint: { select: { id: true } } } });
  return { id: shop.id, slug: shop.slug, doorId: shop.doorPoint?.id ?? "" };
}

/** The stock a shop page offers for one product: the `max` of its quantity field (an empty max means unlimited). */
function offeredStock(html: string, productId: string): number | null {
  const form = html.slice(html.indexOf(`name="productId" value="${productId}"`));
  const max = /max="(\d+)"/.exec(form.slice(0, 2000));
  return max ? Number(max[1]) : null;
}

async function pageOf(app: AppServer, path: string, client?: HttpClient) {
  const response = client ? await client.fetch(path) : await fetch(`${app.url}${path}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

async function checkouts(app: AppServer): Promise<number> {
  return ((await (await fetch(`${app.url}/api/test/requetes`)).json()) as { checkouts: number }).checkouts;
}

async function waitForStock(app: AppServer, productId: string, expected: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (offeredStock((await pageOf(app, `/boutiques/${SHOP}`)).html, productId) === expected) return Date.now() - started;
    if (Date.now() - started > 5_000) throw new Error(`${app.url} still does not show a stock of ${expected} after 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("cached storefront pages", () => {
  it("are served from the cache, with a policy allowing exactly their inline scripts and no nonce", async () => {
    await pageOf(appA, `/boutiques/${SHOP}`);
    const { status, headers, html } = await pageOf(appA, `/boutiques/${SHOP}`);
    expect(status).toBe(200);
    expect(headers.get("x-nextjs-cache")).toBe("HIT");
    expect(headers.get("cache-control")).toBe("private, no-cache");
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).not.toContain("nonce");
    expect(/script-src [^;]*/.exec(csp)?.[0]).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic/);
    expect(html).not.toContain("nonce=");
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].length;
    expect(inlineScripts).toBeGreaterThan(0);
    expect((csp.match(/'sha256-/g) ?? []).length).toBeLessThanOrEqual(inlineScripts);
    // Browsers revalidate (no-cache) with the ETag and get a 304 while the page has not changed.
    const etag = headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(`${appA.url}/boutiques/${SHOP}`, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("show everyone the same page with no visitor's data: a guest with a basket, a signed-in customer, a shopkeeper", async () => {
    const product = await db.product.findFirstOrThrow({ where: { shop: { slug: SHOP }, active: true, stock: { gte: 5 } }, select: { id: true } });
    const guest = new HttpClient(appA.url, { origin: appA.url });
    expect((await guest.postForm("/panier/ajouter", { productId: product.id, quantity: "3" })).status).toBe(303);
    const customer = new HttpClient(appA.url, { origin: appA.url });
    expect((await customer.signInWithPassword("operateur@comptoir.local", "comptoir-demo")).status).toBe(200);
    const shopkeeper = new HttpClient(appA.url, { origin: appA.url });
    expect((await shopkeeper.signInWithPassword("boulangerie@comptoir.local", "comptoir-demo")).status).toBe(200);
    for (const path of ["/", `/boutiques/${SHOP}`, `/boutiques/${SHOP}/produits/${product.id}`, "/mentions-legales"]) {
      const anonymous = await pageOf(appA, path);
      for (const visitor of [guest, customer, shopkeeper]) {
        const seen = await pageOf(appA, path, visitor);
        expect(seen.status).toBe(200);
        expect(seen.headers.get("etag"), path).toBe(anonymous.headers.get("etag"));
        expect(seen.html).toBe(anonymous.html);
      }
      for (const personal of ["operateur@", "Thomas Petit", "boulangerie@", "Julien Bernard", 'data-testid="cart-badge"', "comptoir_cart", guest.cookie("comptoir_cart") ?? "no-cookie"]) {
        expect(anonymous.html, `${path} holds "${personal}"`).not.toContain(personal);
      }
    }
    // Each visitor's own bits come from the no-store island route.
    const own = await (await shopkeeper.fetch("/api/visiteur")).json();
    expect(own).toEqual({ signedIn: true, isShopkeeper: true, cartCount: 0 });
    expect(await (await guest.fetch("/api/visiteur")).json()).toEqual({ signedIn: false, isShopkeeper: false, cartCount: 3 });
  });

  it("cost no database query on a hit (home, shop, product, legal notice)", async () => {
    const product = await db.product.findFirstOrThrow({ where: { shop: { slug: SHOP }, active: true }, select: { id: true } });
    const paths = ["/", `/boutiques/${SHOP}`, `/boutiques/${SHOP}/produits/${product.id}`, "/mentions-legales", "/accessibilite", "/confidentialite"];
    for (const path of paths) await pageOf(appB, path);
    const before = await checkouts(appB);
    for (let round = 0; round < 5; round++) {
      for (const path of paths) expect((await pageOf(appB, path)).headers.get("x-nextjs-cache"), path).toBe("HIT");
    }
    expect(await checkouts(appB)).toBe(before);
    // The counter does count: a per-visitor page reads the database.
    await pageOf(appB, "/panier");
    expect(await checkouts(appB)).toBeGreaterThan(before);
  });
});

describe("freshness across instances", () => {
  it("an order placed on instance A shows its stock on instance B within 2 s", async () => {
    const shop = await shopForOrders();
    const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id, active: true, stock: { gte: 5 } }, select: { id: true, stock: true } });
    await pageOf(appB, `/boutiques/${SHOP}`);
    expect(offeredStock((await pageOf(appB, `/boutiques/${SHOP}`)).html, product.id)).toBe(product.stock);
    const [customer] = await prepareCustomers(db, appA.url, shop, [product.id], 1);
    expect(customer && (await placeOrder(customer, shop))).toBe(true);
    const elapsed = await waitForStock(appB, product.id, (product.stock ?? 0) - 1);
    expect(elapsed).toBeLessThan(2_000);
    expect(offeredStock((await pageOf(appA, `/boutiques/${SHOP}`)).html, product.id)).toBe((product.stock ?? 0) - 1);
    // Client-side navigation reads the page's RSC payload: regenerated with the page, never an HTML without it (vercel/next.js#98306).
    const rsc = await fetch(`${appB.url}/boutiques/${SHOP}`, { headers: { RSC: "1" } });
    expect(rsc.status).toBe(200);
    expect(rsc.headers.get("content-type")).toContain("text/x-component");
    const payload = await rsc.text();
    const props = payload.slice(payload.indexOf(`"productId":"${product.id}"`));
    expect(/"max":(\d+)/.exec(props.slice(0, 600))?.[1]).toBe(String((product.stock ?? 0) - 1));
  });

  it("a change written outside the app (psql, the worker, an import) reaches both instances, product page included", async () => {
    const product = await db.product.findFirstOrThrow({ where: { shop: { slug: SHOP }, active: true }, select: { id: true, priceCents: true } });
    const path = `/boutiques/${SHOP}/produits/${product.id}`;
    await Promise.all([pageOf(appA, path), pageOf(appB, path)]);
    const newPrice = product.priceCents + 13;
    await db.$executeRaw`UPDATE "Product" SET "priceCents" = ${newPrice} WHERE "id" = ${product.id}`;
    const shown = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(newPrice / 100);
    for (const app of [appA, appB]) {
      const started = Date.now();
      while (!(await pageOf(app, path)).html.includes(shown)) {
        expect(Date.now() - started).toBeLessThan(2_000);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  });

  it("a lost listener connection never leaves a stale page: the instance drops its cache and reconnects", async () => {
    const product = await db.product.findFirstOrThrow({ where: { shop: { slug: SHOP }, active: true, stock: { gte: 3 } }, select: { id: true, stock: true } });
    await pageOf(appB, `/boutiques/${SHOP}`);
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'comptoir-cache-listener' AND datname = current_database()`;
    // Written while no instance listens: no notification can reach them.
    await db.$executeRaw`UPDATE "Product" SET "stock" = "stock" - 1 WHERE "id" = ${product.id}`;
    expect(offeredStock((await pageOf(appB, `/boutiques/${SHOP}`)).html, product.id)).toBe((product.stock ?? 0) - 1);
    // …and it listens again: a later change still arrives.
    const reconnected = Date.now();
    while ((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'comptoir-cache-listener' AND datname = current_database()`)[0]?.n !== 2n) {
      expect(Date.now() - reconnected).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await pageOf(appB, `/boutiques/${SHOP}`);
    await db.$executeRaw`UPDATE "Product" SET "stock" = "stock" - 1 WHERE "id" = ${product.id}`;
    expect(await waitForStock(appB, product.id, (product.stock ?? 0) - 2)).toBeLessThan(2_000);
  });
});
