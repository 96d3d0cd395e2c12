import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { z } from "zod";

/**
 * A town's map tiles (issue #12). OpenStreetMap's public tiles are not meant for
 * production traffic: a town sets its own server (IGN Géoplateforme, a
 * self-hosted one) with its attribution. Browsers never call the tile server:
 * /api/tuiles fetches the tiles for them, so the page's Content-Security-Policy
 * stays 'self' for images and visitors' addresses are not handed to a third
 * party (a town's privacy notice need not name its tile provider).
 *
 * The address is typed by a town admin, so the server-side fetch is guarded:
 * https only, no credentials, no IP literal, and every address the name resolves
 * to must be public (no request into the platform's own network). Tests serving
 * tiles from 127.0.0.1 set MAP_TILES_ALLOW_LOCAL=1.
 */
export const DEFAULT_TILES = { url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", attribution: "© les contributeurs d’OpenStreetMap" };

export const MAX_ZOOM = 19;
const TILE_BYTES = 512 * 1024;
const TIMEOUT_MS = 5_000;

const allowLocal = () => process.env.MAP_TILES_ALLOW_LOCAL === "1";

export const tileUrlSchema = z
  .string()
  .trim()
  .max(300, "tileUrlInvalid")
  .transform((value) => value || null)
  .refine((value) => value === null || isAcceptableTemplate(value), "tileUrlInvalid");

function isAcceptableTemplate(template: string): boolean {
  if (!["{z}", "{x}", "{y}"].every((part) => template.includes(part))) return false;
  let url: URL;
  try {
    url = new URL(template.replaceAll("{", "").replaceAll("}", ""));
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (allowLocal()) return url.protocol === "https:" || url.protocol === "http:";
  return url.protocol === "https:" && isIP(url.hostname.replace(/^\[|\]$/g, "")) === 0 && url.hostname !== "localhost" && !url.hostname.endsWith(".localhost");
}

/** Whether an address is on the public Internet (not loopback, private, link-local, CGNAT, unspecified, ULA). */
export function isPublicAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split(".").map(Number);
    return !(a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224);
  }
  const v6 = address.toLowerCase();
  return !(v6 === "::" || v6 === "::1" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe8") || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb") || v6.startsWith("ff"));
}

/** Whether z/x/y name a tile that exists. */
export function isTile(z: number, x: number, y: number): boolean {
  return Number.isInteger(z) && z >= 0 && z <= MAX_ZOOM && Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z;
}

export type Tile = { body: Buffer; contentType: string; maxAgeSeconds: number };

/** How long a tile is kept: the upstream's max-age, within a minute and a week (a day when it says nothing). */
export function tileMaxAge(cacheControl: string | null): number {
  const match = /(?:^|[,\s])max-age=(\d+)/i.exec(cacheControl ?? "");
  const seconds = match ? Number(match[1]) : 86_400;
  return Math.min(7 * 86_400, Math.max(60, seconds));
}

/**
 * Fetches one tile from the town's server, or null when it cannot be had (unreachable,
 * refused, not an image, too big). The name is resolved once and the connection made
 * to the very address that was checked (no second lookup a rebinding DNS could answer
 * differently); the body is read up to the size cap and dropped beyond it.
 */
export async function fetchTile(template: string, z: number, x: number, y: number, userAgent: string): Promise<Tile | null> {
  if (!isAcceptableTemplate(template) || !isTile(z, x, y)) return null;
  const url = new URL(template.replaceAll("{z}", String(z)).replaceAll("{x}", String(x)).replaceAll("{y}", String(y)));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) return null;
  if (!allowLocal() && !addresses.every((entry) => isPublicAddress(entry.address))) return null;
  const pinned = addresses[0]!;
  return new Promise<Tile | null>((resolve) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        headers: { "User-Agent": userAgent, Accept: "image/*" },
        timeout: TIMEOUT_MS,
        lookup: ((_name: string, options: { all?: boolean }, callback: (error: null, address: unknown, family?: number) => void) =>
          options.all ? callback(null, [{ address: pinned.address, family: pinned.family }]) : callback(null, pinned.address, pinned.family)) as unknown as LookupFunction,
      },
      (response) => {
        const contentType = String(response.headers["content-type"] ?? "");
        const declared = Number(response.headers["content-length"] ?? 0);
        if (response.statusCode !== 200 || !/^image\/(png|jpeg|webp)/.test(contentType) || declared > TILE_BYTES) {
          response.destroy();
          return resolve(null);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > TILE_BYTES) {
            response.destroy();
            resolve(null);
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve(size > TILE_BYTES ? null : { body: Buffer.concat(chunks), contentType, maxAgeSeconds: tileMaxAge(String(response.headers["cache-control"] ?? "")) }));
        response.on("error", () => resolve(null));
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(null));
    request.end();
  });
}

/** Leaflet renders attributions as HTML: the town's text is escaped. */
export function attributionHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
