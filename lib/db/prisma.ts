import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "./client";

const globalForPrisma = globalThis as { comptoirPrisma?: PrismaClient; comptoirDbCheckouts?: number };

/**
 * How many times the app's requests took a database connection since the process
 * started (one per query outside a transaction, one per transaction). The
 * background worker has its own client and is not counted. Read by the test
 * harness to prove that a cached page costs no query (tests/http/page-cache).
 */
export function databaseCheckouts(): number {
  return globalForPrisma.comptoirDbCheckouts ?? 0;
}

/**
 * The app's Prisma client. DATABASE_URL is always set when the app runs: by the
 * user, or by scripts/start.ts after it started the embedded PostgreSQL.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.comptoirPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Comptoir with `npm start` (embedded PostgreSQL) or set DATABASE_URL.");
    globalForPrisma.comptoirPrisma = createPrismaClient(url, { onCheckout: () => (globalForPrisma.comptoirDbCheckouts = databaseCheckouts() + 1) });
  }
  return globalForPrisma.comptoirPrisma;
}
