import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { quoteIdent, withDatabase } from "./connection";
import { queryOnce } from "./database";
import { applyMigrations, createMigration, MigrationError, type MigrationPaths } from "./migrations";

/**
 * The offline migration tool against a real PostgreSQL, on a copy of the
 * project's prisma/ folder and an empty database of its own.
 */
const serverUrl = inject("serverUrl");
let workDir: string;
let paths: MigrationPaths;
const dbNames: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `migrations_${dbNames.length}_${Date.now()}`;
  dbNames.push(name);
  await queryOnce(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  return withDatabase(serverUrl, name);
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "comptoir-migrations-"));
  await cp(path.resolve("prisma/migrations"), path.join(workDir, "migrations"), { recursive: true });
  await cp(path.resolve("prisma/schema.prisma"), path.join(workDir, "schema.prisma"));
  paths = { schemaPath: path.join(workDir, "schema.prisma"), migrationsDir: path.join(workDir, "migrations") };
});

afterAll(async () => {
  for (const name of dbNames) await queryOnce(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await rm(workDir, { recursive: true, force: true });
});

describe("migration tool", () => {
  it("applies the committed migrations, records them like prisma migrate deploy, and is idempotent", async () => {
    const url = await emptyDatabase();
    const committed = (await readdir(paths.migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(await applyMigrations(url, paths)).toEqual(committed);
    expect(await applyMigrations(url, paths)).toEqual([]);
    const rows = await queryOnce<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      url,
      `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    expect(rows.every((r) => r.finished_at !== null && r.checksum.length === 64)).toBe(true);
  });

  it("says there is nothing to migrate when the schema matches the migrations (CHECK constraints are kept)", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, paths);
    expect(await createMigration(url, "nothing_changed", paths)).toBeNull();
  });

  it("creates a migration from a schema change, applies it once, then has nothing more to create", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, paths);
    const schema = await readFile(paths.schemaPath, "utf8");
    await writeFile(paths.schemaPath, schema.replace("  lowStockAlert Int      @default(3)", "  lowStockAlert Int      @default(3)\n  barcode       String?"));

    const created = await createMigration(url, "add_product_barcode", paths);
    expect(created).not.toBeNull();
    expect(path.basename(created?.directory ?? "")).toMatch(/^\d{14}_add_product_barcode$/);
    expect(created?.sql).toContain(`ALTER TABLE "Product" ADD COLUMN     "barcode" TEXT`);
    expect(await readFile(path.join(created?.directory ?? "", "migration.sql"), "utf8")).toBe(created?.sql);

    expect(await applyMigrations(url, paths)).toEqual([path.basename(created?.directory ?? "")]);
    expect(await applyMigrations(url, paths)).toEqual([]);
    const columns = await queryOnce(url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'Product' AND column_name = 'barcode'`);
    expect(columns).toHaveLength(1);
    expect(await createMigration(url, "again", paths)).toBeNull();
    await rm(created?.directory ?? "", { recursive: true });
    await writeFile(paths.schemaPath, schema);
  });

  it("rolls a failing migration back entirely and reports it", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, paths);
    const broken = path.join(paths.migrationsDir, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;\n`);
    try {
      await expect(applyMigrations(url, paths)).rejects.toBeInstanceOf(MigrationError);
      const halfDone = await queryOnce(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`);
      expect(halfDone).toHaveLength(0);
      const failed = await queryOnce<{ finished_at: Date | null }>(url, `SELECT finished_at FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
      expect(failed[0]?.finished_at ?? null).toBeNull();
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it("rejects migration names that would make odd folders", async () => {
    const url = await emptyDatabase();
    await expect(createMigration(url, "Add Product!", paths)).rejects.toThrow(/lowercase/);
  });
});
