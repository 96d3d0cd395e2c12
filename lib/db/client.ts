import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { log } from "@/lib/log/logger";
import { poolConfigFromUrl } from "./connection";
import { retryReadsOnConnectionLoss, traceCommits, type WaitForDatabase } from "./connection-loss";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const waiters = new WeakMap<PrismaClient, WaitForDatabase>();

/**
 * A Prisma client on the pg driver adapter (no native engine needed).
 * `onCheckout` is called each time a query or transaction takes a connection.
 */
export function createPrismaClient(url: string, options: { poolSize?: number; onCheckout?: () => void } = {}): PrismaClient {
  const pool = new pg.Pool({ ...poolConfigFromUrl(url), max: options.poolSize ?? 10 });
  traceCommits(pool);
  // An idle connection closed by the server (restart, pg_terminate_backend) must not crash the process: the pool replaces it.
  pool.on("error", (error) => log().warn({ kind: "database" }, `idle database connection lost: ${error.message}`));
  if (options.onCheckout) pool.on("acquire", options.onCheckout);
  const waitForDatabase = retryReadsOnConnectionLoss(pool, { onRetry: () => log().warn({ kind: "database" }, "read retried after a lost database connection") });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  waiters.set(client, waitForDatabase);
  return client;
}

/** Waits until the client's database answers again (false after 5 s): before retrying work that met a dropped connection. */
export function waitForDatabase(client: PrismaClient): Promise<boolean> {
  return waiters.get(client)?.() ?? Promise.resolve(false);
}
