import { afterEach, describe, expect, it } from "vitest";
import { attributionHtml, isPublicAddress, isTile, tileUrlSchema } from "./map-tiles";

afterEach(() => {
  delete process.env.MAP_TILES_ALLOW_LOCAL;
});

describe("a town's tile server", () => {
  it("accepts an https template with {z}/{x}/{y}, blank for the default", () => {
    expect(tileUrlSchema.parse(" https://data.geopf.fr/wmts?layer=PLAN&TileMatrix={z}&TileCol={x}&TileRow={y} ")).toContain("data.geopf.fr");
    expect(tileUrlSchema.parse("https://tuiles.niort.fr/{z}/{x}/{y}.png")).toBe("https://tuiles.niort.fr/{z}/{x}/{y}.png");
    expect(tileUrlSchema.parse("")).toBeNull();
  });

  it("refuses what would make the server fetch elsewhere than a public tile server", () => {
    for (const bad of ["http://tuiles.niort.fr/{z}/{x}/{y}.png", "https://tuiles.niort.fr/tile.png", "https://user:pw@tuiles.niort.fr/{z}/{x}/{y}", "https://127.0.0.1/{z}/{x}/{y}", "https://[::1]/{z}/{x}/{y}", "https://localhost/{z}/{x}/{y}", "file:///etc/{z}{x}{y}", "javascript:alert(1)//{z}{x}{y}"]) {
      expect(tileUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    process.env.MAP_TILES_ALLOW_LOCAL = "1";
    expect(tileUrlSchema.safeParse("http://127.0.0.1:4000/{z}/{x}/{y}.png").success).toBe(true);
  });

  it("knows public addresses from private ones, and real tiles from made-up ones", () => {
    for (const address of ["10.1.2.3", "127.0.0.1", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1"]) expect(isPublicAddress(address), address).toBe(false);
    for (const address of ["51.15.1.1", "2001:41d0::1", "::ffff:8.8.8.8"]) expect(isPublicAddress(address), address).toBe(true);
    expect(isTile(0, 0, 0)).toBe(true);
    expect(isTile(3, 7, 7)).toBe(true);
    expect(isTile(3, 8, 0)).toBe(false);
    expect(isTile(20, 0, 0)).toBe(false);
    expect(isTile(2, -1, 0)).toBe(false);
  });

  it("escapes the attribution Leaflet shows as HTML", () => {
    expect(attributionHtml('© IGN <img src=x onerror="alert(1)">')).toBe("© IGN &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
