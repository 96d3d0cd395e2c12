/**
 * Database tool: npm run db:migrate | db:migration -- <name> | db:reset | db:seed
 * Uses DATABASE_URL when set, else the embedded PostgreSQL under .data/.
 */
import { loadDotEnv } from "./lib/dotenv";
import { parseEnv, EnvError } from "@/lib/env";
import { applyMigrations, createMigration, resetDatabase, MigrationError } from "@/lib/db/migrations";
import { resolveDatabase } from "./lib/database-url";
import { queryOnce } from "@/lib/db/database";
import { installJobQueue } from "@/lib/jobs/install";
import { seedDemoData } from "@/prisma/seed/seed";

const usage = "Usage: npm run db:migrate | npm run db:migration -- <name> | npm run db:reset | npm run db:seed";

async function main(): Promise<number> {
  loadDotEnv();
  const [command, name] = process.argv.slice(2);
  if (!command || !["migrate", "migration", "reset", "seed"].includes(command)) {
    console.error(usage);
    return 2;
  }
  if (command === "migration" && !name) {
    console.error("Give the new migration a name: npm run db:migration -- add_product_barcode");
    return 2;
  }
  const config = parseEnv();
  const { url, embedded } = await resolveDatabase(config);
  try {
    if (command === "migrate") {
      const applied = await applyMigrations(url);
      await installJobQueue(url);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "Database already up to date.");
    } else if (command === "migration") {
      await applyMigrations(url);
      const created = await createMigration(url, name ?? "");
      console.log(created ? `Created ${created.directory}/migration.sql — review it, then npm run db:migrate.` : "No schema change to migrate.");
    } else if (command === "reset") {
      await resetDatabase(url);
      await queryOnce(url, "DROP SCHEMA IF EXISTS graphile_worker CASCADE");
      const applied = await applyMigrations(url);
      await installJobQueue(url);
      console.log(`Database reset; applied ${applied.length} migration(s).`);
      const summary = await seedDemoData(url);
      console.log(summary);
    } else {
      console.log(await seedDemoData(url));
    }
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EnvError || error instanceof MigrationError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
