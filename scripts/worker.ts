/**
 * `npm run worker`: a background worker alone, for deployments that run web
 * servers with WORKER=false and workers apart. Needs DATABASE_URL (and SMTP_URL).
 * Ctrl-C / SIGTERM drain: running jobs finish or go back to the queue.
 */
import { parseEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { startWorkerFromEnv } from "./lib/worker-from-env";
import { loadDotEnv } from "./lib/dotenv";

async function main(): Promise<void> {
  loadDotEnv();
  const worker = await startWorkerFromEnv(parseEnv());
  log().info({ kind: "worker", slots: worker.workerIds().length }, "worker running; Ctrl-C drains and stops");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log().info({ kind: "worker", signal }, `${signal}: finishing running jobs…`);
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log().fatal({ err: error, kind: "worker" }, "the worker could not start");
  process.exit(1);
});
