import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pa11y from "pa11y";
import puppeteer, { type Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCustomers } from "@/bench/orders-http";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { auditPageName, recordAudit } from "@/tests/helpers/a11y-audit";
import { testDb } from "@/tests/helpers/db";

/**
 * A second automated opinion besides axe (issue #12): pa11y with HTML_CodeSniffer
 * (WCAG 2 AA) on the main pages, in the system Chromium, against the production
 * build. Fails on any error; writes its results for the accessibility statement.
 */
const SHOP = "boulangerie-du-marche";
const db = testDb();
let app: AppServer;
let browser: Browser;
let cartCookie = "";
let pages: string[] = [];
const results: { page: string; violations: number; rules: string[] }[] = [];

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
  const shop = await db.shop.findFirstOrThrow({ where: { slug: SHOP }, select: { id: true, slug: true, doorPoint: { select: { id: true } } } });
  const products = await db.product.findMany({ where: { shopId: shop.id, active: true, stock: { gt: 0 } }, select: { id: true }, take: 2, orderBy: { name: "asc" } });
  // A basket with two products, so the basket and checkout pages are measured with their content.
  const [customer] = await prepareCustomers(db, app.url, { id: shop.id, slug: shop.slug, doorId: shop.doorPoint?.id ?? "" }, products.map((p) => p.id), 1);
  cartCookie = `comptoir_cart=${customer?.client.cookie("comptoir_cart") ?? ""}`;
  pages = ["/", "/commerces?categorie=alimentation", `/boutiques/${SHOP}`, `/boutiques/${SHOP}/produits/${products[0]?.id ?? ""}`, "/recherche?q=pain", "/panier", "/commande", "/connexion", "/inscription-commerce", "/mentions-legales", "/accessibilite", "/confidentialite", "/villes", "/page-introuvable"];
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}, 240_000);

afterAll(async () => {
  const browserVersion = (await browser?.version().catch(() => "")) ?? "";
  await browser?.close();
  await app?.stop();
  const version = (JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", "pa11y", "package.json"), "utf8")) as { version: string }).version;
  if (results.length === pages.length) {
    // "HeadlessChrome/156.0…" → "Chromium 156.0…", as the axe results say it.
    recordAudit("pa11y", { tool: `pa11y ${version} (HTML_CodeSniffer), norme WCAG 2 AA`, browser: `Chromium ${browserVersion.replace(/^.*\//, "")}`.trim(), pages: results });
  }
});

describe("pa11y (HTML_CodeSniffer, WCAG 2 AA) on the main pages", () => {
  it("finds no error on any of them", async () => {
    const failures: string[] = [];
    for (const page of pages) {
      const result = await pa11y(`${app.url}${page}`, { standard: "WCAG2AA", runners: ["htmlcs"], includeWarnings: false, includeNotices: false, timeout: 60_000, browser, headers: { cookie: cartCookie } });
      const errors = result.issues.filter((issue) => issue.type === "error");
      results.push({ page: auditPageName(`${app.url}${page}`), violations: errors.length, rules: [...new Set(errors.map((e) => e.code))] });
      console.log(`pa11y ${page} errors ${errors.length}`);
      failures.push(...errors.map((e) => `${page}: ${e.code} — ${e.message} (${e.selector})`));
    }
    expect(failures).toEqual([]);
  });
});
