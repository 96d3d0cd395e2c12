import { EventEmitter } from "node:events";
import { Logger, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import type { Logger as Log } from "pino";
import type { PrismaClient } from "@/generated/prisma/client";
import { log } from "@/lib/log/logger";
import type { MailTransport } from "@/lib/notifications/transport";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { now as clockNow } from "@/lib/time/clock";
import type { TaskContext } from "./context";
import { beatHeart, forgetWorkers, recoverAbandonedJobs } from "./recovery";
import { CRONTAB } from "./tasks/maintenance";
import { TASKS } from "./tasks";
import type { TaskHandler } from "./context";

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
  /** Where job lines go (the process's log by default) */
  logger?: Log;
};

export type WorkerHandle = { stop(): Promise<void>; workerIds(): string[]; runner: Runner };

/** graphile-worker speaks at info level for every job; keep its warnings and errors. */
function workerLogger(logger: Log): Logger {
  return new Logger((scope) => (level, message) => {
    if (level === "error" || level === "warning") logger.warn({ kind: "worker", task: scope.taskIdentifier }, message);
  });
}

type GraphileJob = { id: string; attempts: number; max_attempts: number };

/**
 * One log line per job run (issue #13): task, job id, attempt, outcome, duration —
 * never the payload, which can hold an email address.
 */
function loggedTask(name: string, handler: TaskHandler, context: TaskContext, logger: Log) {
  return async (payload: unknown, helpers: { job: GraphileJob }) => {
    const started = performance.now();
    const { id, attempts, max_attempts: maxAttempts } = helpers.job;
    const line = (outcome: string) => ({ kind: "job", task: name, jobId: id, attempt: attempts, maxAttempts, outcome, ms: Math.round((performance.now() - started) * 10) / 10 });
    try {
      await handler(payload, { attempts, maxAttempts }, context);
      logger.info(line("ok"), "job");
    } catch (error) {
      // graphile-worker retries it with a backoff until its last attempt.
      if (attempts >= maxAttempts) logger.error({ ...line("failed"), err: error }, "job failed for good");
      else logger.warn({ ...line("retry"), err: error }, "job failed, will be retried");
      throw error;
    }
  };
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
  const logger = options.logger ?? log();
  const taskList: TaskList = Object.fromEntries(Object.entries(TASKS).map(([name, handler]) => [name, loggedTask(name, handler, context, logger)]));
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
    logger: workerLogger(logger),
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
