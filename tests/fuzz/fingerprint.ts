import type { PrismaClient } from "@/generated/prisma/client";

/** Tables whose rows a malformed request may legitimately touch: rate-limit counters exist to count them. */
const COUNTERS = new Set(["RateLimitBucket", "_prisma_migrations"]);

/**
 * A digest of every row of every table (rate-limit counters aside): two equal
 * fingerprints mean no row was inserted, updated or deleted in between.
 */
export async function databaseFingerprint(db: PrismaClient): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    if (COUNTERS.has(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ rows: bigint; digest: string | null }[]>(
      `SELECT count(*) AS rows, md5(string_agg(md5(t::text), ',' ORDER BY md5(t::text))) AS digest FROM "${name.replaceAll('"', '""')}" t`,
    );
    fingerprint[name] = `${row?.rows ?? 0}:${row?.digest ?? ""}`;
  }
  return fingerprint;
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]);
}
