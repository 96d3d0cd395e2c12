import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";

const db = testDb();
let app: AppServer;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.stop();
});

const SHOP = "boulangerie-du-marche";

async function aProduct() {
  return db.product.findFirstOrThrow({ where: { shop: { slug: SHOP }, active: true, stock: { gte: 5 } }, select: { id: true, name: true } });
}

describe("product lists", () => {
  it("carry no per-product action state: each card is a plain form posting to /panier/ajouter", async () => {
    const html = await (await fetch(`${app.url}/boutiques/${SHOP}`)).text();
    const cards = (html.match(/data-testid="product-card"/g) ?? []).length;
    expect(cards).toBeGreaterThan(5);
    expect((html.match(/action="\/panier\/ajouter"/g) ?? []).length).toBe(cards);
    // (the header's language switch is the page's one server-action form)
    const catalog = html.slice(html.indexOf('id="catalog-heading"'), html.indexOf("</main>"));
    expect(catalog).toContain("product-card");
    expect(catalog).not.toContain("$ACTION_");
  });
});

describe("adding to the basket without JavaScript", () => {
  it("adds the product and shows the basket (303), for a guest getting their cookie there", async () => {
    const product = await aProduct();
    const guest = new HttpClient(app.url, { origin: app.url });
    const added = await guest.postForm("/panier/ajouter", { productId: product.id, quantity: "2" });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/panier");
    const token = guest.cookie("comptoir_cart");
    expect(token).toBeTruthy();
    expect(await db.cartLine.findFirst({ where: { cart: { guestToken: token }, productId: product.id }, select: { quantity: true } })).toEqual({ quantity: 2 });
    expect(await (await guest.fetch("/panier")).text()).toContain(product.name);
  });

  it("a refused quantity changes nothing and the basket says so", async () => {
    const product = await aProduct();
    const guest = new HttpClient(app.url, { origin: app.url });
    for (const quantity of ["abc", "0", "100000", ""]) {
      const refused = await guest.postForm("/panier/ajouter", { productId: product.id, quantity });
      expect(refused.status).toBe(303);
      expect(refused.headers.get("location")).toBe("/panier?refus=1");
    }
    expect(await (await guest.fetch("/panier?refus=1")).text()).toContain("n’a pas pu être ajouté");
    expect(await db.cartLine.count({ where: { cart: { guestToken: guest.cookie("comptoir_cart") ?? "none" } } })).toBe(0);
  });

  it("refuses another site's form (403) and writes nothing", async () => {
    const product = await aProduct();
    const before = await db.cartLine.count();
    for (const origin of [undefined, "https://evil.example"]) {
      const client = new HttpClient(app.url, origin ? { origin } : {});
      expect((await client.postForm("/panier/ajouter", { productId: product.id, quantity: "1" })).status).toBe(403);
    }
    expect(await db.cartLine.count()).toBe(before);
  });
});

describe("what browsers, phones and crawlers ask the site for", () => {
  it("serves a favicon, home-screen icons and two manifests (storefront, dashboard)", async () => {
    for (const [path, type] of [["/favicon.ico", "image/"], ["/apple-touch-icon.png", "image/png"], ["/icon-192.png", "image/png"], ["/icon-512.png", "image/png"]] as const) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain(type);
    }
    const storefront = (await (await fetch(`${app.url}/manifest.webmanifest`)).json()) as { start_url: string; icons: { src: string }[] };
    expect(storefront.start_url).toBe("/");
    const dashboard = await fetch(`${app.url}/dashboard.webmanifest`);
    expect(dashboard.headers.get("content-type")).toContain("application/manifest+json");
    expect(await dashboard.json()).toMatchObject({ start_url: "/dashboard", scope: "/dashboard", display: "standalone" });
    for (const icon of storefront.icons) expect((await fetch(`${app.url}${icon.src}`)).status, icon.src).toBe(200);
    // Pages link them: the storefront its manifest, the dashboard its own.
    const home = await (await fetch(`${app.url}/`)).text();
    expect(home).toContain('rel="manifest" href="/manifest.webmanifest"');
    expect(home).toContain('rel="apple-touch-icon" href="/apple-touch-icon.png"');
  });

  it("tells crawlers what to index: robots.txt keeps them out of private pages and points to a sitemap of the shops and products", async () => {
    const robots = await (await fetch(`${app.url}/robots.txt`)).text();
    for (const path of ["/dashboard", "/admin", "/compte", "/commande", "/api/"]) expect(robots).toContain(`Disallow: ${path}`);
    expect(robots).toContain(`Sitemap: ${app.url}/sitemap.xml`);
    const sitemap = await (await fetch(`${app.url}/sitemap.xml`)).text();
    const product = await aProduct();
    expect(sitemap).toContain(`<loc>${app.url}/boutiques/${SHOP}</loc>`);
    expect(sitemap).toContain(`<loc>${app.url}/boutiques/${SHOP}/produits/${product.id}</loc>`);
    const unpublished = await db.shop.findFirst({ where: { publishedAt: null }, select: { slug: true } });
    if (unpublished) expect(sitemap).not.toContain(`/boutiques/${unpublished.slug}<`);
  });
});
