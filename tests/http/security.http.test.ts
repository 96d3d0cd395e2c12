import { createHash } from "node:crypto";
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

async function shopOf(email: string) {
  const member = await db.shopMember.findFirstOrThrow({ where: { user: { email } }, select: { shopId: true, shop: { select: { slug: true } } } });
  return { id: member.shopId, slug: member.shop.slug };
}

describe("sign-in throttling over HTTP", () => {
  it("answers 429 with Retry-After after 5 wrong passwords, and then refuses even the right one", async () => {
    const client = new HttpClient(app.url, { "x-forwarded-for": "198.51.100.10" });
    for (let i = 0; i < 5; i++) {
      const response = await client.signInWithPassword("librairie@comptoir.local", `wrong-${i}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { url: string }).url).toContain("error=CredentialsSignin");
    }
    const refused = await client.signInWithPassword("librairie@comptoir.local", "comptoir-demo");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { url: string }).url).toContain("error=RateLimited");
    expect(client.sessionToken).toBeUndefined();
  });

  it("sends 3 sign-in links to one address, then answers 429", async () => {
    const client = new HttpClient(app.url);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await client.requestSignInLink("client@comptoir.local")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(await db.outgoingEmail.count({ where: { toAddress: "client@comptoir.local", kind: "sign-in" } })).toBe(3);
  });

  it("stores nothing for an oversized sign-in address", async () => {
    const client = new HttpClient(app.url);
    const email = `${"x".repeat(3000)}@example.fr`;
    await client.requestSignInLink(email);
    expect(await db.user.count({ where: { email: { startsWith: "xxxxxxxxxx" } } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: { startsWith: "xxxxxxxxxx" } } })).toBe(0);
  });
});

describe("sessions over HTTP", () => {
  it("a copied session cookie stops opening the dashboard once its owner signs out", async () => {
    const client = new HttpClient(app.url);
    const signIn = await client.signInWithPassword("fromagerie@comptoir.local", "comptoir-demo");
    expect(signIn.status).toBe(200);
    const stolen = client.sessionToken;
    expect(stolen).toBeTruthy();
    const shop = await shopOf("fromagerie@comptoir.local");
    expect((await client.fetch(`/dashboard/${shop.id}`)).status).toBe(200);

    await client.postForm("/api/auth/signout", { csrfToken: await client.csrfToken(), callbackUrl: app.url, json: "true" });
    const thief = new HttpClient(app.url);
    thief.setCookie("next-auth.session-token", stolen ?? "");
    const replay = await thief.fetch(`/dashboard/${shop.id}`);
    expect(replay.status).toBe(307);
    expect(replay.headers.get("location")).toContain("/connexion");
  });
});

describe("security headers", () => {
  it("every page kind has a CSP without eval or inline scripts (a nonce per request, or for pages shared from the cache the hashes of exactly their scripts), frame-ancestors 'none', nosniff, a referrer policy and a permissions policy", async () => {
    const owner = new HttpClient(app.url);
    await owner.signInWithPassword("boulangerie@comptoir.local", "comptoir-demo");
    const shop = await shopOf("boulangerie@comptoir.local");
    const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id }, select: { id: true } });
    // A one-segment address may be a town served under /<slug>: unknown ones get the cached pages' policy (their 404 is shared too).
    const cachedPages = ["/", `/boutiques/${shop.slug}`, `/boutiques/${shop.slug}/produits/${product.id}`, "/mentions-legales", "/boutiques/boutique-inconnue", "/page-qui-n-existe-pas"];
    const pages = ["/recherche?q=pain", "/panier", "/compte", "/inscription-commerce", `/dashboard/${shop.id}`, `/dashboard/${shop.id}/produits`, "/compte/page-qui-n-existe-pas"];
    const nonces = new Set<string>();
    for (const path of [...cachedPages, ...pages]) {
      const response = await owner.fetch(path);
      expect([200, 404], path).toContain(response.status);
      const csp = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = /script-src [^;]*/.exec(csp)?.[0] ?? "";
      expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      if (cachedPages.includes(path)) {
        expect(scriptSrc, path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
        for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          expect(scriptSrc, path).toContain(`'sha256-${createHash("sha256").update(body ?? "").digest("base64")}'`);
        }
      } else {
        expect(scriptSrc, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
        nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
        for (const tag of scripts) expect(tag, path).toContain("nonce=");
      }
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
    }
    expect(nonces.size).toBe(pages.length); // a fresh nonce each time
    const order = await db.order.findFirst({ where: { shopId: shop.id }, select: { id: true } });
    const scanner = await owner.fetch(`/dashboard/${shop.id}/commandes/${order?.id ?? "none"}`);
    expect(scanner.headers.get("permissions-policy")).toContain("camera=(self)");
    const api = await owner.fetch("/api/health");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("catalog import route", () => {
  it("refuses another site's upload before reading it, and a stranger's before anything", async () => {
    const owner = new HttpClient(app.url);
    await owner.signInWithPassword("boulangerie@comptoir.local", "comptoir-demo");
    const shop = await shopOf("boulangerie@comptoir.local");
    const before = await db.product.count({ where: { shopId: shop.id } });
    const body = new FormData();
    body.set("mode", "apply");
    body.set("file", new File(["sku;nom;prix;tva;stock\nX-1;Piège;1;20;1\n"], "c.csv"));
    const crossSite = await owner.fetch(`/api/dashboard/${shop.id}/import`, { method: "POST", body, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    const noOrigin = await owner.fetch(`/api/dashboard/${shop.id}/import`, { method: "POST", body });
    expect(noOrigin.status).toBe(403);
    const stranger = new HttpClient(app.url);
    await stranger.signInWithPassword("librairie@comptoir.local", "comptoir-demo");
    const foreign = await stranger.fetch(`/api/dashboard/${shop.id}/import`, { method: "POST", body, headers: { origin: app.url } });
    expect(foreign.status).toBe(404);
    expect(await db.product.count({ where: { shopId: shop.id } })).toBe(before);
    const own = await owner.fetch(`/api/dashboard/${shop.id}/import`, { method: "POST", body, headers: { origin: app.url } });
    expect(own.status).toBe(200);
  });
});
