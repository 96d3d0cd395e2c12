import { db } from "@/lib/db/prisma";
import { addressBucket, clientFromHeaders } from "@/lib/http/client-address";
import { appUrl } from "@/lib/notifications/app-url";
import { DEFAULT_TILES, fetchTile, isTile } from "@/lib/territory/map-tiles";
import { requestTerritorySite } from "@/lib/territory/site";
import { cachedTile, keepTile, mayFetchUpstream } from "@/lib/territory/tile-cache";
import { tileInArea, townArea } from "@/lib/territory/town-area";

const refuse = (status: number, text: string, extra: Record<string, string> = {}) => new Response(text, { status, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8", ...extra } });

/**
 * One map tile of the request's town, fetched from the town's tile server
 * (lib/territory/map-tiles.ts): the browser only ever talks to Comptoir. Only tiles a
 * map of the town can show (lib/territory/town-area.ts), kept in memory for the
 * upstream's max-age, and a client may cause a bounded number of upstream fetches.
 */
export async function GET(request: Request, { params }: { params: Promise<{ z: string; x: string; y: string }> }) {
  const raw = await params;
  const [z, x, y] = [raw.z, raw.x, raw.y].map((value) => (/^\d{1,7}$/.test(value) ? Number(value) : -1)) as [number, number, number];
  if (!isTile(z, x, y)) return refuse(404, "Tuile introuvable / Tile not found");
  const town = await requestTerritorySite();
  if (!town) return refuse(404, "Tuile introuvable / Tile not found");
  if (!tileInArea(z, x, y, await townArea(db(), town.id))) return refuse(404, "Tuile hors de la carte de la ville / Tile outside the town's map");
  const template = town.mapTileUrl ?? DEFAULT_TILES.url;
  const key = `${template}|${z}/${x}/${y}`;
  let tile = cachedTile(key);
  if (!tile) {
    if (!mayFetchUpstream(addressBucket(clientFromHeaders(request.headers).ip))) return refuse(429, "Trop de tuiles demandées / Too many tiles", { "Retry-After": "60" });
    tile = await fetchTile(template, z, x, y, `Comptoir (${appUrl()})`);
    if (!tile) return refuse(502, "Tuile indisponible / Tile unavailable");
    keepTile(key, tile);
  }
  // Tiles change rarely: a day in the browser, and a week in a shared cache in front of Comptoir.
  return new Response(new Uint8Array(tile.body), { headers: { "Content-Type": tile.contentType, "Cache-Control": "public, max-age=86400, s-maxage=604800", "X-Content-Type-Options": "nosniff" } });
}
