import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { poolConfigFromUrl } from "./connection";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A Prisma client on the pg driver adapter (no native engine needed).
 * `onCheckout` is called each time a query or transaction takes a connection.
 */
export function createPrismaClient(url: string, options: { poolSize?: number; onCheckout?: () => void } = {}): PrismaClient {
  const pool = new pg.Pool({ ...poolConfigFromUrl(url), max: options.poolSize ?? 10 });
  // An idle connection closed by the server (restart, pg_terminate_backend) must not crash the process: the pool replaces it.
  pool.on("error", (error) => console.warn(`Idle database connection lost: ${error.message}`));
  if (options.onCheckout) pool.on("acquire", options.onCheckout);
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}
