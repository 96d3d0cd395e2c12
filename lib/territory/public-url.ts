import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/notifications/app-url";
import { buildDirectory, type DirectoryRow } from "./directory";
import { DIRECTORY_SQL } from "./directory-query";
import { territoryPublicUrl } from "./routing";

/**
 * A territory's public address for links sent away from the site (emails,
 * calendar files, payment return pages): its domain, or the platform's URL with
 * /<slug> unless it is the root town. Read in the caller's transaction.
 */
export async function publicUrlOfTerritory(db: PrismaClient | Tx, territoryId: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<(DirectoryRow & { id: string })[]>(DIRECTORY_SQL);
  const directory = buildDirectory(rows, { defaultSlug: env().DEFAULT_TERRITORY, platformUrl: appUrl() });
  const row = rows.find((candidate) => candidate.id === territoryId);
  if (!row) return appUrl();
  return territoryPublicUrl(appUrl(), directory, { slug: row.slug, domain: directory.territories[row.slug]?.domain ?? null });
}
