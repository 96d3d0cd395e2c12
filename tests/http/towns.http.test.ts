import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { openEveryDay } from "@/tests/helpers/fixtures";
import { eventually } from "@/tests/helpers/eventually";
import { HttpClient } from "@/tests/helpers/http-client";
import { rawGet } from "@/tests/helpers/raw-http";

/**
 * Several towns on one server (issue #12): Grand Poitiers at the platform's root,
 * Niort opened during the test, first under /niort, then at its own host name.
 * Carts, searches, open data and links never mix the two.
 */
const db = testDb();
let app: AppServer;
const NIORT_HOST = "commerces.niort.test";
let niortShop: { slug: string; productId: string; productName: string };

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
  const niort = await db.territory.findUniqueOrThrow({ where: { slug: "niort" }, include: { communes: true, categories: true } });
  const shop = await db.shop.create({
    data: {
      territoryId: niort.id,
      categoryId: niort.categories[0]?.id ?? "",
      communeId: niort.communes[0]?.id ?? "",
      slug: "epicerie-du-donjon",
      name: "Épicerie du Donjon",
      status: "ACTIVE",
      publishedAt: new Date(),
      addressLine: "2 rue Victor Hugo",
      postalCode: "79000",
      city: "Niort",
      latitude: 46.32,
      longitude: -0.46,
    },
  });
  const door = await db.pickupPoint.create({ data: { territoryId: niort.id, kind: "SHOP_DOOR", shopId: shop.id, name: shop.name, addressLine: shop.addressLine, postalCode: "79000", city: "Niort", latitude: 46.32, longitude: -0.46 } });
  await openEveryDay(db, shop.id, door.id);
  const product = await db.product.create({ data: { shopId: shop.id, name: "Angélique confite du Marais", priceCents: 650, stock: 20 } });
  niortShop = { slug: shop.slug, productId: product.id, productName: product.name };
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

/** A GET with another Host header (what a browser sends at a town's own address). */
const getAtHost = (host: string, path: string) => rawGet(app.port, path, { host });

const heading = (html: string) => /<h1[^>]*>([^<]*)</.exec(html)?.[1] ?? "";

describe("two towns on one server", () => {
  it("shows a town in preparation only to its admins, through a preview pass, with a banner", async () => {
    // To the public, Niort does not exist yet: its pages, its basket, its API answers.
    expect((await fetch(`${app.url}/niort`)).status).toBe(404);
    expect((await fetch(`${app.url}/niort/boutiques/${niortShop.slug}`)).status).toBe(404);
    const publicOpenData = (await (await fetch(`${app.url}/api/open-data/commerces?territoire=niort`)).json()) as { territory: string };
    expect(publicOpenData.territory).toBe("grand-poitiers");

    // Niort's admin (invited by the super-admin) asks for a preview from the console.
    const niort = await db.territory.findUniqueOrThrow({ where: { slug: "niort" } });
    const admin = await db.user.upsert({ where: { email: "admin@niort.test" }, create: { email: "admin@niort.test", passwordHash: (await db.user.findUniqueOrThrow({ where: { email: "admin@comptoir.local" } })).passwordHash }, update: {} });
    await db.roleGrant.create({ data: { userId: admin.id, role: "ADMIN", territoryId: niort.id } });
    const niortAdmin = new HttpClient(app.url, { origin: app.url });
    expect((await niortAdmin.signInWithPassword("admin@niort.test", "comptoir-demo")).status).toBe(200);
    const pass = await niortAdmin.postForm("/api/admin/apercu", { territoire: "niort" });
    expect(pass.status).toBe(303);
    const passUrl = new URL(pass.headers.get("location") ?? "");
    expect(passUrl.pathname).toBe("/api/apercu");
    const landing = await niortAdmin.fetch(`${passUrl.pathname}${passUrl.search}`, { redirect: "manual" });
    expect(landing.headers.get("location")).toBe("/niort");
    const preview = await niortAdmin.fetch("/niort");
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('data-testid="preview-banner"');
    expect(html).toContain(`href="/niort/boutiques/${niortShop.slug}"`);
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect((await niortAdmin.fetch(`/niort/boutiques/${niortShop.slug}`)).status).toBe(200);

    // The pass is Niort's only, cannot be made up, and another admin cannot get Niort's.
    const forged = new HttpClient(app.url, { origin: app.url });
    forged.setCookie("comptoir_apercu_niort", `niort.${Math.floor(Date.now() / 1000) + 3600}.${"A".repeat(43)}`);
    expect((await forged.fetch("/niort")).status).toBe(404);
    expect((await fetch(`${app.url}/api/apercu?jeton=niort.99999999999.${"A".repeat(43)}`, { redirect: "manual" })).status).toBe(404);
    const poitiersAdmin = new HttpClient(app.url, { origin: app.url });
    expect((await poitiersAdmin.signInWithPassword("admin@comptoir.local", "comptoir-demo")).status).toBe(200);
    expect((await poitiersAdmin.postForm("/api/admin/apercu", { territoire: "niort" })).status).toBe(404);
    expect((await new HttpClient(app.url, { origin: app.url }).postForm("/api/admin/apercu", { territoire: "niort" })).status).toBe(404);

    // Opened: everyone sees it, without the banner.
    await db.territory.update({ where: { id: niort.id }, data: { status: "LIVE" } });
    const open = await eventually(() => fetch(`${app.url}/niort`).then(async (r) => ({ status: r.status, html: await r.text() })), (r) => r.status === 200 && !r.html.includes("preview-banner"));
    expect(open.html).not.toMatch(/noindex/);
  });

  it("serves the root town at / and the new town under /niort, each with its own links", async () => {
    const niortHome = await eventually(() => fetch(`${app.url}/niort`).then(async (r) => ({ status: r.status, html: await r.text() })), (r) => r.status === 200);
    expect(heading(niortHome.html)).toContain("Niort");
    expect(niortHome.html).toContain(`href="/niort/boutiques/${niortShop.slug}"`);
    expect(niortHome.html).toContain('action="/niort/recherche"');
    expect(niortHome.html).not.toContain("Boulangerie du Marché");
    const rootHome = await (await fetch(`${app.url}/`)).text();
    expect(heading(rootHome)).toContain("Grand Poitiers");
    expect(rootHome).not.toContain(niortShop.slug);
    // A shop belongs to its town only.
    expect((await fetch(`${app.url}/niort/boutiques/${niortShop.slug}`)).status).toBe(200);
    expect((await fetch(`${app.url}/boutiques/${niortShop.slug}`)).status).toBe(404);
    expect((await fetch(`${app.url}/niort/boutiques/boulangerie-du-marche`)).status).toBe(404);
    // The root town has one address: its /<slug> form redirects there.
    const prefixed = await fetch(`${app.url}/grand-poitiers/panier`, { redirect: "manual" });
    expect(prefixed.status).toBe(308);
    expect(prefixed.headers.get("location")).toBe("/panier");
  });

  it("keeps searches, baskets and open data apart", async () => {
    const niortSearch = await (await fetch(`${app.url}/niort/recherche?q=angelique`)).text();
    expect(niortSearch).toContain(niortShop.productName);
    expect(niortSearch).toContain(`href="/niort/boutiques/${niortShop.slug}/produits/${niortShop.productId}"`);
    expect(await (await fetch(`${app.url}/recherche?q=angelique`)).text()).not.toContain(niortShop.productName);

    const guest = new HttpClient(app.url, { origin: app.url });
    const poitiersProduct = await db.product.findFirstOrThrow({ where: { shop: { slug: "boulangerie-du-marche" }, active: true, stock: { gte: 5 } }, select: { id: true, name: true } });
    const addedHere = await guest.postForm("/panier/ajouter", { productId: poitiersProduct.id, quantity: "1" });
    expect(addedHere.headers.get("location")).toBe("/panier");
    const addedThere = await guest.postForm("/niort/panier/ajouter", { productId: niortShop.productId, quantity: "2" });
    expect(addedThere.headers.get("location")).toBe("/niort/panier");
    // A product of the other town cannot go into this town's basket.
    expect((await guest.postForm("/niort/panier/ajouter", { productId: poitiersProduct.id, quantity: "1" })).headers.get("location")).toBe("/niort/panier?refus=1");
    const niortBasket = await (await guest.fetch("/niort/panier")).text();
    expect(niortBasket).toContain(niortShop.productName);
    expect(niortBasket).not.toContain(poitiersProduct.name);
    const poitiersBasket = await (await guest.fetch("/panier")).text();
    expect(poitiersBasket).toContain(poitiersProduct.name);
    expect(poitiersBasket).not.toContain(niortShop.productName);
    expect(await (await guest.fetch("/api/visiteur?territoire=niort")).json()).toMatchObject({ cartCount: 2 });
    expect(await (await guest.fetch("/api/visiteur")).json()).toMatchObject({ cartCount: 1 });

    const openData = (await (await fetch(`${app.url}/api/open-data/commerces?territoire=niort`)).json()) as { territory: string; shops: { name: string }[] };
    expect(openData.territory).toBe("niort");
    expect(openData.shops.map((s) => s.name)).toEqual(["Épicerie du Donjon"]);
  });

  it("lists both towns at /villes, and a client cannot name the town through a header", async () => {
    const towns = await (await fetch(`${app.url}/villes`)).text();
    expect(towns).toContain(`href="${app.url}/niort"`);
    expect(towns).toContain(`href="${app.url}"`);
    const spoofed = await (await fetch(`${app.url}/`, { headers: { "x-comptoir-territory": "niort" } })).text();
    expect(heading(spoofed)).toContain("Grand Poitiers");
  });

  it("serves the town at its own host name once it has one, and sends its old address there", async () => {
    const niort = await db.territory.findUniqueOrThrow({ where: { slug: "niort" } });
    await db.territoryDomain.create({ data: { host: NIORT_HOST, territoryId: niort.id } });
    const moved = await eventually(() => fetch(`${app.url}/niort/boutiques/${niortShop.slug}`, { redirect: "manual" }), (r) => r.status === 308);
    expect(moved.headers.get("location")).toBe(`https://${NIORT_HOST}/boutiques/${niortShop.slug}`);
    const atHost = await eventually(() => getAtHost(NIORT_HOST, "/"), (r) => r.status === 200 && !r.body.includes('href="/niort/'));
    expect(heading(atHost.body)).toContain("Niort");
    expect(atHost.body).toContain(`href="/boutiques/${niortShop.slug}"`);
    const robots = await getAtHost(NIORT_HOST, "/robots.txt");
    expect(robots.body).toContain(`Sitemap: https://${NIORT_HOST}/sitemap.xml`);
    const sitemap = await getAtHost(NIORT_HOST, "/sitemap.xml");
    expect(sitemap.body).toContain(`<loc>https://${NIORT_HOST}/boutiques/${niortShop.slug}</loc>`);
    expect(sitemap.body).not.toContain("boulangerie-du-marche");
  });

  it("answers a host name no town uses with a plain page pointing to the towns, not an error", async () => {
    const unknown = await getAtHost("commerces.ailleurs.test", "/boutiques/x");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("pas (encore) sur Comptoir");
    expect(unknown.body).toContain("/villes");
  });
});
