import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The tile server's name resolves (once) to this machine; the system resolver does not know it.
vi.mock("node:dns/promises", () => ({ lookup: vi.fn(async () => [{ address: "127.0.0.1", family: 4 }]) }));

const { fetchTile, tileMaxAge } = await import("./map-tiles");
const { lookup } = await import("node:dns/promises");

let server: http.Server;
let port = 0;
const png = Buffer.from("89504e470d0a1a0a", "hex");

beforeAll(async () => {
  process.env.MAP_TILES_ALLOW_LOCAL = "1";
  server = http.createServer((request, response) => {
    if (request.url?.startsWith("/huge/")) {
      // No Content-Length: only reading the stream can tell it is too big.
      response.writeHead(200, { "Content-Type": "image/png" });
      const chunk = Buffer.alloc(64 * 1024);
      for (let i = 0; i < 20; i++) response.write(chunk);
      return response.end();
    }
    response.writeHead(200, { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600" }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  delete process.env.MAP_TILES_ALLOW_LOCAL;
  await new Promise((resolve) => server.close(resolve));
});

describe("attack: DNS rebinding between the tile server's check and its fetch", () => {
  it("connects to the very address it checked: the name is resolved once, never again by the fetch", async () => {
    const tile = await fetchTile(`http://tuiles.rebinding.invalid:${port}/{z}/{x}/{y}.png`, 3, 4, 2, "Comptoir (test)");
    expect(tile?.body.equals(png)).toBe(true);
    expect(vi.mocked(lookup)).toHaveBeenCalledTimes(1);
    expect(tile?.maxAgeSeconds).toBe(3600);
  });
});

describe("attack: a tile server that sends an endless body", () => {
  it("stops reading at the size cap and gives no tile", async () => {
    expect(await fetchTile(`http://tuiles.rebinding.invalid:${port}/huge/{z}/{x}/{y}.png`, 3, 4, 2, "Comptoir (test)")).toBeNull();
  });

  it("keeps a tile for the upstream's max-age, within a minute and a week", () => {
    expect(tileMaxAge("public, max-age=30")).toBe(60);
    expect(tileMaxAge("max-age=99999999")).toBe(7 * 86_400);
    expect(tileMaxAge(null)).toBe(86_400);
  });
});
