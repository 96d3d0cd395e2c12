import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { appUrl } from "@/lib/notifications/app-url";
import { readDirectory } from "./read-directory";
import { territoryPublicUrl } from "./routing";

/**
 * A territory's public address for links sent away from the site (emails,
 * calendar files, payment return pages): its domain, or the platform's URL with
 * /<slug> unless it is the root town. Read in the caller's transaction.
 */
export async function publicUrlOfTerritory(db: PrismaClient | Tx, territoryId: string): Promise<string> {
  const { rows, directory } = await readDirectory(db);
  const row = rows.find((candidate) => candidate.id === territoryId);
  if (!row) return appUrl();
  return territoryPublicUrl(appUrl(), directory, { slug: row.slug, domain: directory.territories[row.slug]?.domain ?? null });
}
