import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "./client";

const globalForPrisma = globalThis as { comptoirPrisma?: PrismaClient };

/**
 * The app's Prisma client. DATABASE_URL is always set when the app runs: by the
 * user, or by scripts/start.ts after it started the embedded PostgreSQL.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.comptoirPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Comptoir with `npm start` (embedded PostgreSQL) or set DATABASE_URL.");
    globalForPrisma.comptoirPrisma = createPrismaClient(url);
  }
  return globalForPrisma.comptoirPrisma;
}
