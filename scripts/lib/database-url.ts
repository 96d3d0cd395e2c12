import { ensureDatabase } from "@/lib/db/database";
import { withDatabase } from "@/lib/db/connection";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";

export const EMBEDDED_DB_NAME = "comptoir";

export type ResolvedDatabase = { url: string; embedded: EmbeddedServer | null };

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in EMBEDDED_PG_DIR,
 * started for the caller (who must call `embedded.stop()`).
 */
export async function resolveDatabase(
  config: { DATABASE_URL?: string; EMBEDDED_PG_DIR: string },
  log: (line: string) => void = () => {},
): Promise<ResolvedDatabase> {
  const databaseUrl = config.DATABASE_URL;
  if (databaseUrl) {
    await ensureDatabase(databaseUrl);
    return { url: databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, onLog: log });
  const url = withDatabase(embedded.serverUrl, EMBEDDED_DB_NAME);
  try {
    await ensureDatabase(url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url, embedded };
}
