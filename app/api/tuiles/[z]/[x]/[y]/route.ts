import { appUrl } from "@/lib/notifications/app-url";
import { DEFAULT_TILES, fetchTile, isTile } from "@/lib/territory/map-tiles";
import { requestTerritorySite } from "@/lib/territory/site";

const notFound = () => new Response("Tuile introuvable / Tile not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * One map tile of the request's town, fetched from the town's tile server
 * (lib/territory/map-tiles.ts): the browser only ever talks to Comptoir.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ z: string; x: string; y: string }> }) {
  const raw = await params;
  const [z, x, y] = [raw.z, raw.x, raw.y].map((value) => (/^\d{1,7}$/.test(value) ? Number(value) : -1)) as [number, number, number];
  if (!isTile(z, x, y)) return notFound();
  const town = await requestTerritorySite();
  if (!town) return notFound();
  const tile = await fetchTile(town.mapTileUrl ?? DEFAULT_TILES.url, z, x, y, `Comptoir (${appUrl()})`);
  if (!tile) return new Response("Tuile indisponible / Tile unavailable", { status: 502, headers: { "Cache-Control": "no-store" } });
  // Tiles change rarely: a day in the browser, and a week in a shared cache in front of Comptoir.
  return new Response(tile.body, { headers: { "Content-Type": tile.contentType, "Cache-Control": "public, max-age=86400, s-maxage=604800", "X-Content-Type-Options": "nosniff" } });
}
