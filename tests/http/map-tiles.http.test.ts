import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { eventually } from "@/tests/helpers/eventually";
import { HttpClient } from "@/tests/helpers/http-client";

/**
 * A town's own tile server (issue #12), served through Comptoir: the browser asks
 * /api/tuiles, Comptoir asks the town's server (here a local one standing in for
 * IGN's), the page's policy keeps images to 'self'.
 */
const db = testDb();
let app: AppServer;
let tiles: http.Server;
let tileUrl = "";
const seen: { path: string; userAgent: string; cookie: string | undefined }[] = [];
let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 256, height: 256, channels: 3, background: "#d8e4c8" } }).png().toBuffer();
  tiles = http.createServer((request, response) => {
    seen.push({ path: request.url ?? "", userAgent: String(request.headers["user-agent"] ?? ""), cookie: request.headers.cookie });
    if (request.url?.startsWith("/html/")) return response.writeHead(200, { "Content-Type": "text/html" }).end("<script>alert(1)</script>");
    response.writeHead(200, { "Content-Type": "image/png" }).end(png);
  });
  await new Promise<void>((resolve) => tiles.listen(0, "127.0.0.1", resolve));
  tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  // The local stand-in is on the loopback address, which production refuses (lib/territory/map-tiles.ts).
  app = await startApp({ env: { WORKER: "false", MAP_TILES_ALLOW_LOCAL: "1" } });
  await db.territory.update({ where: { slug: "grand-poitiers" }, data: { mapTileUrl: `${tileUrl}/{z}/{x}/{y}.png`, mapAttribution: "© IGN — Géoplateforme <script>" } });
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => tiles?.close(resolve));
});

describe("map tiles through Comptoir", () => {
  it("serves the town's tiles from its own server, without the visitor's cookies, with a day of browser cache", async () => {
    const visitor = new HttpClient(app.url);
    visitor.setCookie("comptoir_cart", "a-visitor-secret");
    const response = await visitor.fetch("/api/tuiles/3/4/2?territoire=grand-poitiers");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toContain("max-age=86400");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    const request = seen.find((entry) => entry.path === "/3/4/2.png");
    expect(request?.userAgent).toMatch(/^Comptoir \(/);
    expect(request?.cookie).toBeUndefined();
  });

  it("refuses tiles that do not exist and answers 502 when the server sends something else than an image", async () => {
    for (const path of ["/api/tuiles/3/8/0", "/api/tuiles/20/0/0", "/api/tuiles/a/b/c", "/api/tuiles/3/-1/0"]) expect((await fetch(`${app.url}${path}`)).status, path).toBe(404);
    await db.territory.update({ where: { slug: "grand-poitiers" }, data: { mapTileUrl: `${tileUrl}/html/{z}/{x}/{y}` } });
    // The town's settings reach the instance through the cache's change listener.
    const html = await eventually(() => fetch(`${app.url}/api/tuiles/1/1/1?territoire=grand-poitiers&v=2`), (response) => response.status !== 200);
    expect(html.status).toBe(502);
    expect(await html.text()).not.toContain("<script>");
    await db.territory.update({ where: { slug: "grand-poitiers" }, data: { mapTileUrl: `${tileUrl}/{z}/{x}/{y}.png` } });
  });

  it("attack: the proxy used as a free relay — a tile is fetched upstream once, far-away close-up tiles are refused, a client's misses are bounded", async () => {
    // The same tile again comes from the instance's memory.
    const path = "/api/tuiles/4/8/5?territoire=grand-poitiers";
    expect((await fetch(`${app.url}${path}`)).status).toBe(200);
    const fetchedBefore = seen.filter((entry) => entry.path === "/4/8/5.png").length;
    for (let i = 0; i < 3; i++) expect((await fetch(`${app.url}${path}`)).status).toBe(200);
    expect(seen.filter((entry) => entry.path === "/4/8/5.png").length).toBe(fetchedBefore);
    // Zoom 15 over Poitiers is on the town's map; over New York it is not.
    expect((await fetch(`${app.url}/api/tuiles/15/16414/11581?territoire=grand-poitiers`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/tuiles/15/9648/12320?territoire=grand-poitiers`)).status).toBe(404);
    // 130 different tiles at once from one client: past 120 upstream fetches a minute, 429.
    const statuses = await Promise.all(Array.from({ length: 130 }, (_, i) => fetch(`${app.url}/api/tuiles/7/${i}/40?territoire=grand-poitiers`).then(async (r) => (await r.arrayBuffer(), r.status))));
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  it("gives the map the town's tile address and escaped attribution; images stay 'self' in the page's policy", async () => {
    const deadline = Date.now() + 10_000;
    let home = "";
    do {
      home = await (await fetch(`${app.url}/`)).text();
    } while (!home.includes("Géoplateforme") && Date.now() < deadline && (await new Promise((r) => setTimeout(r, 200))) === undefined);
    expect(home).toContain("/api/tuiles/{z}/{x}/{y}?territoire=grand-poitiers");
    // Escaped for Leaflet (which renders it as HTML), then written into the page's data by React.
    expect(home).toContain("© IGN — Géoplateforme \\u0026lt;script\\u0026gt;");
    const policy = (await fetch(`${app.url}/`)).headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/img-src 'self' data: blob:;/);
    expect(policy).not.toContain("openstreetmap");
  });
});
