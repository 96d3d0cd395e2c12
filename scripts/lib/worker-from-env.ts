import type { Env } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/client";
import { startWorker, type WorkerHandle } from "@/lib/jobs/runner";
import { mailTransport } from "@/lib/notifications/transport";
import { configuredGateway } from "@/lib/payments/configured";

/** A worker configured from the environment, with a database pool of its own. */
export async function startWorkerFromEnv(config: Env): Promise<WorkerHandle> {
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set: start Comptoir with `npm start`, or set DATABASE_URL for `npm run worker`.");
  const db = createPrismaClient(config.DATABASE_URL, { poolSize: config.WORKER_CONCURRENCY + 2 });
  const worker = await startWorker({
    connectionString: config.DATABASE_URL,
    db,
    mail: mailTransport(config),
    payments: configuredGateway(config),
    concurrency: config.WORKER_CONCURRENCY,
    staleWorkerMs: config.WORKER_STALE_SECONDS * 1000,
    heartbeatMs: Math.max(1000, (config.WORKER_STALE_SECONDS * 1000) / 4),
  });
  return {
    ...worker,
    async stop() {
      await worker.stop();
      await db.$disconnect();
    },
  };
}
