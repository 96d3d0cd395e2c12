import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";

const holder = globalThis as { comptoirPrisma?: PrismaClient };

/**
 * The test file's Prisma client: the same instance lib/db/prisma.ts's db()
 * returns, so tests and use cases share one pool on the file's database.
 */
export function testDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: integration tests run through tests/setup/per-file-db.ts");
  holder.comptoirPrisma ??= createPrismaClient(url, { poolSize: 20 });
  return holder.comptoirPrisma;
}

export async function disconnectTestDb(): Promise<void> {
  await holder.comptoirPrisma?.$disconnect();
  holder.comptoirPrisma = undefined;
}
