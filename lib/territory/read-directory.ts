import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/notifications/app-url";
import { buildDirectory, type DirectoryRow } from "./directory";
import { DIRECTORY_SQL } from "./directory-query";
import type { TerritoryDirectory } from "./routing";

/** The towns' directory read with the app's client (pages, emails); proxy.ts reads its own (proxy-directory.ts). */
export async function readDirectory(db: PrismaClient | Tx): Promise<{ rows: (DirectoryRow & { id: string })[]; directory: TerritoryDirectory }> {
  const rows = await db.$queryRawUnsafe<(DirectoryRow & { id: string })[]>(DIRECTORY_SQL);
  return { rows, directory: buildDirectory(rows, { defaultSlug: env().DEFAULT_TERRITORY, platformUrl: appUrl() }) };
}
