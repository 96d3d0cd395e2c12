import { describe, expect, it } from "vitest";
import { tileBounds, tileInArea } from "./town-area";

/** Grand Poitiers' pickup points, with the margin. */
const poitiers = { south: 46.0, north: 47.1, west: -0.2, east: 0.9 };

/** The tile holding a point, at a zoom. */
function tileAt(lat: number, lon: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

describe("attack: the tile proxy as a free relay for the whole world", () => {
  it("serves close zooms over the town only, and low zooms anywhere", () => {
    expect(tileInArea(...tileAt(46.58, 0.34, 15), poitiers)).toBe(true);
    expect(tileInArea(...tileAt(48.85, 2.35, 15), poitiers)).toBe(false); // Paris
    expect(tileInArea(...tileAt(40.71, -74.0, 12), poitiers)).toBe(false); // New York
    expect(tileInArea(...tileAt(40.71, -74.0, 5), poitiers)).toBe(true);
    expect(tileInArea(...tileAt(46.58, 0.34, 15), null)).toBe(false);
  });

  it("knows the ground a tile covers", () => {
    const world = tileBounds(0, 0, 0);
    expect(world.west).toBe(-180);
    expect(world.east).toBe(180);
    expect(world.north).toBeCloseTo(85.0511, 3);
  });
});
