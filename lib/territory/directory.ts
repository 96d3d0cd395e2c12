import { normalizeHost, type TerritoryDirectory } from "./routing";

export type DirectoryRow = { slug: string; status: "PREPARATION" | "LIVE"; hosts: string[] };

/**
 * The request router's view of the territories. The root territory (served
 * unprefixed at the platform's address) is DEFAULT_TERRITORY when it exists,
 * else the only open territory; with several open and no default, "/" lists them.
 */
export function buildDirectory(rows: DirectoryRow[], options: { defaultSlug?: string | null; platformUrl: string }): TerritoryDirectory {
  const territories: TerritoryDirectory["territories"] = {};
  const hosts: TerritoryDirectory["hosts"] = {};
  for (const row of rows) {
    const sorted = [...row.hosts].sort();
    territories[row.slug] = { slug: row.slug, open: row.status === "LIVE", domain: sorted[0] ?? null };
    for (const host of sorted) hosts[host] = row.slug;
  }
  const open = rows.filter((row) => row.status === "LIVE");
  const rootSlug = options.defaultSlug && territories[options.defaultSlug] ? options.defaultSlug : open.length === 1 ? (open[0]?.slug ?? null) : null;
  const platformHost = normalizeHost(safeHost(options.platformUrl));
  return { rootSlug, hosts, territories, platformHosts: [...new Set([platformHost, "localhost", "127.0.0.1", "[::1]"].filter(Boolean))] };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}
