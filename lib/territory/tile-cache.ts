import type { Tile } from "./map-tiles";

/**
 * Tiles already fetched, kept in this instance's memory for the upstream's max-age,
 * within a byte budget (oldest dropped first): a town's map is the same few hundred
 * tiles for every visitor, and the tile server is paid for or rate-limited.
 */
const BUDGET_BYTES = 32 * 1024 * 1024;
type Entry = { tile: Tile; expiresAt: number };
const entries = new Map<string, Entry>();
let bytes = 0;

export function cachedTile(key: string, now = Date.now()): Tile | null {
  const entry = entries.get(key);
  if (!entry) return null;
  if (entry.expiresAt <= now) {
    forget(key, entry);
    return null;
  }
  // Least recently used last: re-insert on a hit.
  entries.delete(key);
  entries.set(key, entry);
  return entry.tile;
}

export function keepTile(key: string, tile: Tile, now = Date.now()): void {
  const previous = entries.get(key);
  if (previous) forget(key, previous);
  entries.set(key, { tile, expiresAt: now + tile.maxAgeSeconds * 1000 });
  bytes += tile.body.byteLength;
  for (const [oldest, entry] of entries) {
    if (bytes <= BUDGET_BYTES) break;
    forget(oldest, entry);
  }
}

function forget(key: string, entry: Entry): void {
  entries.delete(key);
  bytes -= entry.tile.body.byteLength;
}

/** Upstream fetches (cache misses) one client may cause per minute on this instance: the proxy is no free tile relay. */
const MISSES_PER_MINUTE = 120;
const misses = new Map<string, { windowStart: number; count: number }>();

export function mayFetchUpstream(client: string, now = Date.now()): boolean {
  const current = misses.get(client);
  if (!current || now - current.windowStart >= 60_000) {
    if (misses.size > 10_000) misses.clear();
    misses.set(client, { windowStart: now, count: 1 });
    return true;
  }
  current.count += 1;
  return current.count <= MISSES_PER_MINUTE;
}
