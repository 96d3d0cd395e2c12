/**
 * Search over 100,000 products, the query alone (no HTTP): the demo data plus the
 * benchmark's catalog on a fresh embedded PostgreSQL, each French query of the
 * list run through searchTerritory, one- and two-word, accents left out.
 *   npm run bench:search [-- --rounds 20 --explain]
 * Prints the scenario line and, with --explain, the plans of the product queries.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { searchTerritory } from "@/lib/catalog/search";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDemoData } from "@/prisma/seed/seed";
import { seedBenchData, SEARCHES } from "./bench-data";
import { scenarioLine } from "./load";
import { runPool } from "./stats";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "20" }, explain: { type: "boolean", default: false } } });

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const url = withDatabase(server.serverUrl, "bench");
  try {
    await ensureDatabase(url);
    await applyMigrations(url);
    await seedDemoData(url);
    const db = createPrismaClient(url, { poolSize: 8 });
    await seedBenchData(db);
    await db.$executeRawUnsafe(`ANALYZE`);
    const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
    const total = SEARCHES.length * Number(values.rounds);
    for (const concurrency of [1, 4]) {
      let hits = 0;
      const run = await runPool(total, concurrency, async (index) => {
        const result = await searchTerritory(db, territory.id, { query: SEARCHES[index % SEARCHES.length] ?? "miel" });
        hits += result.products.length;
      });
      const name = `search-query-100k-c${concurrency}`;
      console.log(`${scenarioLine({ name, requests: run.latencies.length, elapsedMs: run.elapsedMs, latencies: run.latencies, errors: run.errors, bytes: 0 })} hits/page ${(hits / total).toFixed(1)}`);
    }
    if (values.explain) {
      for (const query of ["confiture", "fromage brebis"]) {
        const [, plan] = await db.$transaction([
          db.$executeRaw`SET LOCAL random_page_cost = 1.1`, // as searchTerritory does
          db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${productQuerySql}`, territory.id, query),
        ]);
        console.log(`\n-- products for "${query}"\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
      }
    }
    await db.$disconnect();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The product page query of lib/catalog/search.ts, with $1 = territory and $2 = the words. */
const productQuerySql = `
  SELECT p."id", p."name"
  FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId", websearch_to_tsquery('french', public.comptoir_unaccent($2)) q
  WHERE s."territoryId" = $1 AND s."status" = 'ACTIVE' AND s."publishedAt" IS NOT NULL AND p."active"
    AND p."searchVector" @@ q
  ORDER BY ts_rank(p."searchVector", q) DESC, p."name", p."id"
  LIMIT 20`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
