import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listServerActions } from "@/tests/fuzz/next-actions";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { eventually } from "@/tests/helpers/eventually";
import { openEveryDay } from "@/tests/helpers/fixtures";
import { HttpClient } from "@/tests/helpers/http-client";
import { rawGet as sendRaw } from "@/tests/helpers/raw-http";

/**
 * Issue #23: what an attacker found over HTTP in the features added since the first
 * security review. Each test is named after its attack ("attack: …").
 */
const db = testDb();
let app: AppServer;
const HIDDEN_SHOP = { slug: "epicerie-cachee-du-donjon", name: "Épicerie cachée du Donjon", product: "Angélique secrète du Marais" };
let hiddenProductId: string;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
  // Niort is in preparation in the demo: a shop and a product there must stay unseen.
  const niort = await db.territory.findUniqueOrThrow({ where: { slug: "niort" }, include: { communes: true, categories: true } });
  expect(niort.status).toBe("PREPARATION");
  const shop = await db.shop.create({
    data: {
      territoryId: niort.id, categoryId: niort.categories[0]?.id ?? "", communeId: niort.communes[0]?.id ?? "", slug: HIDDEN_SHOP.slug, name: HIDDEN_SHOP.name,
      status: "ACTIVE", publishedAt: new Date(), addressLine: "2 rue Victor Hugo", postalCode: "79000", city: "Niort", latitude: 46.32, longitude: -0.46,
    },
  });
  const door = await db.pickupPoint.create({ data: { territoryId: niort.id, kind: "SHOP_DOOR", shopId: shop.id, name: shop.name, addressLine: shop.addressLine, postalCode: "79000", city: "Niort", latitude: 46.32, longitude: -0.46 } });
  await openEveryDay(db, shop.id, door.id);
  hiddenProductId = (await db.product.create({ data: { shopId: shop.id, name: HIDDEN_SHOP.product, priceCents: 650, stock: 20 } })).id;
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

/** A raw GET to the app (no URL normalisation by fetch), with any Host and headers. */
const rawGet = (path: string, headers: Record<string, string> = {}) => sendRaw(app.port, path, headers);

/** Follows redirects by hand (so every hop stays raw) and returns the last answer. */
async function rawFollow(path: string, headers: Record<string, string> = {}) {
  let answer = await rawGet(path, headers);
  for (let hop = 0; hop < 5 && answer.status >= 300 && answer.status < 400 && answer.location; hop++) {
    const next = new URL(answer.location, `http://localhost:${app.port}`);
    answer = await rawGet(`${next.pathname}${next.search}`, headers);
  }
  return answer;
}

const FORMS = { html: {}, rsc: { rsc: "1" }, prefetch: { rsc: "1", "next-router-prefetch": "1" } } as const;

describe("attack: a town in preparation opened under another spelling of its address", () => {
  const spellings = ["%6Eiort", "n%69ort", "NIORT", "Niort", "%256Eiort", "%4E%49%4F%52%54"];
  const pages = (spelling: string) => [`/${spelling}`, `/${spelling}/`, `/${spelling}/boutiques/${HIDDEN_SHOP.slug}`, `/${spelling}/boutiques/${HIDDEN_SHOP.slug}/produits/${hiddenProductId}`, `/${spelling}/recherche?q=angelique`, `/${spelling}/commerces`];

  it("sends every spelling to the canonical address, where the town is hidden — in HTML, RSC and prefetch", async () => {
    for (const spelling of spellings) {
      const first = await rawGet(`/${spelling}/boutiques/${HIDDEN_SHOP.slug}`);
      expect(first.status, spelling).toBe(308);
      expect(new URL(first.location ?? "", app.url).pathname, spelling).toBe(`/niort/boutiques/${HIDDEN_SHOP.slug}`);
      for (const path of pages(spelling)) {
        for (const [form, headers] of Object.entries(FORMS)) {
          const answer = await rawFollow(path, headers);
          expect(answer.status, `${form} ${path}`).toBe(404);
          expect(answer.body, `${form} ${path}`).not.toContain(HIDDEN_SHOP.name);
          expect(answer.body, `${form} ${path}`).not.toContain(HIDDEN_SHOP.product);
        }
      }
    }
  });

  it("names the hidden town to no sitemap, robots file or open data, in any spelling of ?territoire=", async () => {
    for (const spelling of ["niort", "%6Eiort", "NIORT", "%256Eiort", "niort%00"]) {
      for (const path of [`/sitemap.xml?territoire=${spelling}`, `/robots.txt?territoire=${spelling}`, `/api/open-data/commerces?territoire=${spelling}`, `/api/open-data/commerces?territoire=${spelling}&format=csv`]) {
        const answer = await rawFollow(path);
        expect(answer.body, path).not.toContain(HIDDEN_SHOP.slug);
        expect(answer.body, path).not.toContain(HIDDEN_SHOP.name);
      }
    }
  });
});

describe("attack: a copied preview pass keeps opening a town in preparation", () => {
  it("stops opening it once the admin who asked for it signs out, and the copy was worth nothing to order with", async () => {
    const niort = await db.territory.findUniqueOrThrow({ where: { slug: "niort" } });
    const passwordHash = (await db.user.findUniqueOrThrow({ where: { email: "admin@comptoir.local" } })).passwordHash;
    const user = await db.user.create({ data: { email: `apercu-${Date.now()}@niort.test`, passwordHash } });
    await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId: niort.id } });
    const admin = new HttpClient(app.url, { origin: app.url });
    expect((await admin.signInWithPassword(user.email, "comptoir-demo")).status).toBe(200);
    const issued = await admin.postForm("/api/admin/apercu", { territoire: "niort" });
    const passUrl = new URL(issued.headers.get("location") ?? "");
    await admin.fetch(`${passUrl.pathname}${passUrl.search}`);
    const shopPage = `/niort/boutiques/${HIDDEN_SHOP.slug}`;
    expect(await (await admin.fetch(shopPage)).text()).toContain(HIDDEN_SHOP.name);

    // Someone copies the preview cookies (not the session) and keeps them.
    const copy = new HttpClient(app.url, { origin: app.url });
    for (const name of ["comptoir_apercu_niort", "__prerender_bypass"]) copy.setCookie(name, admin.cookie(name) ?? "");
    expect((await copy.fetch(shopPage)).status).toBe(200);
    // A previewer browses; nobody orders in a town that is not open.
    await copy.postForm("/niort/panier/ajouter", { productId: hiddenProductId, quantity: "1" });
    expect(await db.cartLine.count({ where: { productId: hiddenProductId } })).toBe(0);

    await admin.postForm("/api/auth/signout", { csrfToken: await admin.csrfToken(), callbackUrl: app.url, json: "true" });
    const after = await eventually(() => copy.fetch(shopPage).then(async (r) => ({ status: r.status, body: await r.text() })), (r) => r.status === 404, 12_000);
    expect(after.body).not.toContain(HIDDEN_SHOP.name);
  });
});

describe("attack: a basket and an order in a town in preparation", () => {
  it("takes no product of the hidden town into a basket, whatever address the form is posted to", async () => {
    const guest = new HttpClient(app.url, { origin: app.url });
    for (const path of ["/niort/panier/ajouter", "/%6Eiort/panier/ajouter", "/panier/ajouter"]) {
      const answer = await guest.postForm(path, { productId: hiddenProductId, quantity: "1" });
      expect(answer.status, path).toBeLessThan(500);
    }
    expect(await db.cartLine.count({ where: { productId: hiddenProductId } })).toBe(0);
  });
});

describe("attack: DNS rebinding — another site's name pointed at this server", () => {
  it("answers 421 on platform paths and the unknown-town page on storefront paths, nothing else", async () => {
    for (const path of ["/dev/mailbox", "/dev/mailbox?to=superadmin@comptoir.local", "/api/open-data/commerces", "/connexion", "/compte", "/api/auth/session", "/admin", "/sitemap.xml"]) {
      const answer = await rawGet(path, { host: `evil.example:${app.port}` });
      expect(answer.status, path).toBe(421);
      expect(answer.body, path).not.toContain("comptoir.local");
    }
    const storefront = await rawGet("/boutiques/boulangerie-du-marche", { host: "evil.example" });
    expect(storefront.status).toBe(404);
    expect(storefront.body).not.toContain("Boulangerie du Marché");
    // A load balancer's health check by IP still works; the platform's own names too.
    expect((await rawGet("/api/health", { host: "10.0.0.5:3000" })).status).toBe(200);
    expect((await rawGet("/connexion", { host: `127.0.0.1:${app.port}` })).status).toBe(200);
  });
});

describe("attack: forged client addresses", () => {
  it("says at start which addresses it believes: none forwarded, as no proxy is declared", () => {
    expect(app.output()).toContain("client addresses: no proxy declared");
  });

  it("a client changing X-Forwarded-For or X-Real-IP on each try is still one address to the sign-in limit", async () => {
    const email = "fromagerie@comptoir.local";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const client = new HttpClient(app.url, { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}` });
      statuses.push((await client.signInWithPassword(email, `wrong-${i}`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("never opens the dev mailbox to a request that carries a proxy's headers", async () => {
    const proxied: Record<string, string>[] = [{ "x-forwarded-for": "127.0.0.1" }, { "x-real-ip": "127.0.0.1" }, { via: "1.1 nginx" }, { "x-forwarded-proto": "https" }];
    for (const headers of proxied) {
      expect((await rawGet("/dev/mailbox", headers)).status, JSON.stringify(headers)).toBe(404);
    }
    expect((await rawGet("/dev/mailbox")).status).toBe(200);
  });
});

describe("attack: a shared cache in front keeps one visitor's page for another", () => {
  it("marks every page answer private and varying on the cookie, in HTML, RSC and prefetch", async () => {
    const product = await db.product.findFirstOrThrow({ where: { shop: { slug: "boulangerie-du-marche" }, active: true }, select: { id: true } });
    for (const path of ["/", "/boutiques/boulangerie-du-marche", `/boutiques/boulangerie-du-marche/produits/${product.id}`, "/mentions-legales", "/accessibilite", "/confidentialite", "/commerces", "/recherche?q=pain"]) {
      for (const [form, headers] of Object.entries(FORMS)) {
        for (const cookie of ["", "NEXT_LOCALE=en"]) {
          const answer = await fetch(`${app.url}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
          await answer.arrayBuffer();
          const label = `${form} ${path} ${cookie}`;
          expect(answer.status, label).toBe(200);
          expect(answer.headers.get("cache-control"), label).toMatch(/\b(private|no-store)\b/);
          expect(answer.headers.get("cache-control"), label).not.toMatch(/s-maxage|public/);
          expect(answer.headers.get("vary") ?? "", label).toMatch(/\bCookie\b/i);
        }
      }
    }
  });
});

describe("attack: open redirect through the language switch", () => {
  it("goes back to a page of this host only, never to a protocol-relative or foreign address", async () => {
    const client = new HttpClient(app.url, { origin: app.url });
    for (const [referer, expected] of [
      [`${app.url}//evil.example/x`, "/"],
      [`${app.url}/\\evil.example/x`, "/"],
      ["https://evil.example/boutiques/x", "/"],
      [`${app.url}/boutiques/boulangerie-du-marche?x=1`, "/boutiques/boulangerie-du-marche?x=1"],
    ] as const) {
      const answer = await client.fetch("/api/langue", { method: "POST", headers: { referer, "content-type": "application/x-www-form-urlencoded" }, body: "locale=en", redirect: "manual" });
      expect(answer.status, referer).toBe(303);
      expect(answer.headers.get("location"), referer).toBe(expected);
    }
  });
});

describe("attack: a 1 MB server action argument of nested arrays", () => {
  it("is refused with 400 before React's decoder throws, for the schedule editor's action and every other", async () => {
    const nested = `["shop",[${Array.from({ length: 60_000 }, () => "[0,[1,2]]").join(",")}]]`;
    const actions = listServerActions();
    const schedule = actions.find((action) => /schedule/i.test(action.file));
    expect(schedule).toBeDefined();
    for (const action of [schedule!, ...actions.slice(0, 5)]) {
      const answer = await fetch(`${app.url}/dashboard`, { method: "POST", headers: { "next-action": action.id, origin: app.url, "content-type": "text/plain;charset=UTF-8" }, body: nested });
      expect(answer.status, action.name).toBe(400);
    }
  });
});
