import { ensureDatabase } from "@/lib/db/database";
import { withDatabase } from "@/lib/db/connection";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";

export const EMBEDDED_DATA_DIR = ".data/postgres";
export const EMBEDDED_DB_NAME = "comptoir";

export type ResolvedDatabase = { url: string; embedded: EmbeddedServer | null };

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/postgres,
 * started for the caller (who must call `embedded.stop()`).
 */
export async function resolveDatabase(databaseUrl: string | undefined, log: (line: string) => void = () => {}): Promise<ResolvedDatabase> {
  if (databaseUrl) {
    await ensureDatabase(databaseUrl);
    return { url: databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, onLog: log });
  const url = withDatabase(embedded.serverUrl, EMBEDDED_DB_NAME);
  try {
    await ensureDatabase(url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url, embedded };
}
