import type { PrismaClient } from "@/generated/prisma/client";

/** Around a town's pickup points, in degrees (about 50 km): the maps show the town and its surroundings. */
const MARGIN_DEGREES = 0.5;
/** Tiles at these zooms show a region or a country: a handful exist, they are served anywhere. */
export const ANYWHERE_UP_TO_ZOOM = 7;

export type Area = { south: number; north: number; west: number; east: number };

/** The longitudes and latitudes a tile covers (Web Mercator). */
export function tileBounds(z: number, x: number, y: number): Area {
  const n = 2 ** z;
  const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
  return { west: (x / n) * 360 - 180, east: ((x + 1) / n) * 360 - 180, north: lat(y), south: lat(y + 1) };
}

/** Whether the tile is one a map of the town can show: low zooms anywhere, closer ones over the town's area only. */
export function tileInArea(z: number, x: number, y: number, area: Area | null): boolean {
  if (z <= ANYWHERE_UP_TO_ZOOM) return true;
  if (!area) return false;
  const tile = tileBounds(z, x, y);
  return tile.west <= area.east && tile.east >= area.west && tile.south <= area.north && tile.north >= area.south;
}

const known = new Map<string, { area: Area | null; readAt: number }>();
const MAX_AGE_MS = 5 * 60_000;

/** The box around a town's pickup points (doors, relay points), with its margin; null when it has none yet. */
export async function townArea(db: PrismaClient, territoryId: string, now = Date.now()): Promise<Area | null> {
  const cached = known.get(territoryId);
  if (cached && now - cached.readAt < MAX_AGE_MS) return cached.area;
  const box = await db.pickupPoint.aggregate({ where: { territoryId }, _min: { latitude: true, longitude: true }, _max: { latitude: true, longitude: true } });
  const area =
    box._min.latitude === null || box._max.latitude === null || box._min.longitude === null || box._max.longitude === null
      ? null
      : { south: box._min.latitude - MARGIN_DEGREES, north: box._max.latitude + MARGIN_DEGREES, west: box._min.longitude - MARGIN_DEGREES, east: box._max.longitude + MARGIN_DEGREES };
  known.set(territoryId, { area, readAt: now });
  return area;
}
