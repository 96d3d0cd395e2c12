import { EventEmitter } from "node:events";
import { Logger, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import type { PrismaClient } from "@/generated/prisma/client";
import type { MailTransport } from "@/lib/notifications/transport";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { now as clockNow } from "@/lib/time/clock";
import type { TaskContext } from "./context";
import { beatHeart, forgetWorkers, recoverAbandonedJobs } from "./recovery";
import { CRONTAB } from "./tasks/maintenance";
import { TASKS } from "./tasks";

export type WorkerOptions = {
  connectionString: string;
  db: PrismaClient;
  mail: MailTransport;
  payments?: PaymentGateway | null;
  concurrency?: number;
  /** The recurring sweeps (off in tests that count jobs) */
  cron?: boolean;
  now?: () => Date;
  heartbeatMs?: number;
  staleWorkerMs?: number;
  pollIntervalMs?: number;
  log?: (line: string) => void;
};

export type WorkerHandle = { stop(): Promise<void>; workerIds(): string[]; runner: Runner };

/** graphile-worker speaks at info level for every job; keep warnings and errors. */
function logger(log: (line: string) => void): Logger {
  return new Logger((scope) => (level, message) => {
    if (level === "error" || level === "warning") log(`[worker${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""}] ${message}`);
  });
}

/**
 * Starts a pool of workers taking jobs from the PostgreSQL queue. Several pools
 * (instances) share the queue; each job runs on one of them. `stop()` drains:
 * running jobs finish (or are failed and retried after the grace period), none
 * is lost.
 */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const staleWorkerMs = options.staleWorkerMs ?? 60_000;
  const context: TaskContext = { db: options.db, mail: options.mail, payments: options.payments ?? null, now: options.now ?? clockNow, staleWorkerMs };
  const taskList: TaskList = Object.fromEntries(
    Object.entries(TASKS).map(([name, handler]) => [name, (payload: unknown, helpers: { job: { attempts: number; max_attempts: number } }) => handler(payload, { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts }, context)]),
  );
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  events.on("worker:create", ({ worker }) => {
    workerIds.add(worker.workerId);
    void beatHeart(options.db, [worker.workerId]).catch(() => {});
  });
  events.on("worker:stop", ({ worker }) => workerIds.delete(worker.workerId));

  await recoverAbandonedJobs(options.db, staleWorkerMs);
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 4,
    taskList,
    crontab: options.cron === false ? "" : CRONTAB,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 1000,
    events,
    logger: logger(options.log ?? ((line) => console.warn(line))),
  });
  // Each beat also takes back the jobs of workers that stopped beating (killed instances).
  const heartbeat = setInterval(() => {
    void beatHeart(options.db, [...workerIds])
      .then(() => recoverAbandonedJobs(options.db, staleWorkerMs))
      .catch(() => {});
  }, options.heartbeatMs ?? staleWorkerMs / 4);
  heartbeat.unref();

  let stopped: Promise<void> | undefined;
  return {
    runner,
    workerIds: () => [...workerIds],
    stop() {
      stopped ??= (async () => {
        clearInterval(heartbeat);
        const ids = [...workerIds];
        await runner.stop();
        await forgetWorkers(options.db, ids).catch(() => {});
      })();
      return stopped;
    },
  };
}
