import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { withDatabase } from "@/lib/db/connection";
import { ensureDatabase, queryOnce } from "@/lib/db/database";
import { seedDemoData } from "@/prisma/seed/seed";

export const TEMPLATE_DB = "comptoir_template";
/** The HTTP and Lighthouse tiers' template: migrated and seeded with the demo data, as `npm start` leaves a new database. */
export const DEMO_TEMPLATE_DB = "comptoir_demo_template";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDb: string;
  }
}

/**
 * One embedded PostgreSQL per test run, with a template database migrated by the
 * project's own migration tool (in a child process, so no session stays open on
 * the template: CREATE DATABASE … TEMPLATE needs it idle).
 */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const templateUrl = withDatabase(server.serverUrl, TEMPLATE_DB);
  await ensureDatabase(templateUrl);
  const migrate = spawnSync("npx", ["tsx", "scripts/db.ts", "migrate"], {
    env: { ...process.env, DATABASE_URL: templateUrl },
    encoding: "utf8",
  });
  if (migrate.status !== 0) {
    await server.stop();
    throw new Error(`Migrating the test template failed:\n${migrate.stdout}\n${migrate.stderr}`);
  }
  await queryOnce(server.serverUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [TEMPLATE_DB]);
  let templateDb = TEMPLATE_DB;
  // Tiers that run the app as a visitor meets it: on the demo data.
  if (project.name === "http" || project.name === "lighthouse" || project.name === "a11y") {
    await queryOnce(server.serverUrl, `CREATE DATABASE ${DEMO_TEMPLATE_DB} TEMPLATE ${TEMPLATE_DB}`);
    await seedDemoData(withDatabase(server.serverUrl, DEMO_TEMPLATE_DB));
    await queryOnce(server.serverUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [DEMO_TEMPLATE_DB]);
    templateDb = DEMO_TEMPLATE_DB;
  }
  project.provide("serverUrl", server.serverUrl);
  project.provide("templateDb", templateDb);
  return () => server.stop();
}

/**
 * The embedded PostgreSQL in a temporary folder, or — with TEST_POSTGRES_SERVER_URL, a
 * superuser's URL — a server someone else runs (scripts/test-postgres-server.sh: Debian's
 * PostgreSQL, issue #25); its template databases from an earlier run are dropped first.
 */
async function testServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const external = process.env.TEST_POSTGRES_SERVER_URL;
  if (external) {
    for (const name of [DEMO_TEMPLATE_DB, TEMPLATE_DB]) await queryOnce(external, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return { serverUrl: external, stop: async () => {} };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "comptoir-test-pg-"));
  // As root, PostgreSQL runs as its own system user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false });
  return {
    serverUrl: server.serverUrl,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
