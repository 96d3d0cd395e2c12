import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { quoteIdent, withDatabase } from "@/lib/db/connection";
import { queryOnce } from "@/lib/db/database";
import { disconnectTestDb } from "@/tests/helpers/db";

/**
 * Each integration test file gets a fresh database cloned from the migrated
 * template, named in DATABASE_URL before the file's modules load.
 */
const serverUrl = inject("serverUrl");
const databaseName = `test_${randomBytes(6).toString("hex")}`;
await queryOnce(serverUrl, `CREATE DATABASE ${quoteIdent(databaseName)} TEMPLATE ${quoteIdent(inject("templateDb"))}`);
process.env.DATABASE_URL = withDatabase(serverUrl, databaseName);

afterAll(async () => {
  await disconnectTestDb();
  await queryOnce(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`);
});
