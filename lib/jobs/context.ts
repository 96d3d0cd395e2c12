import type { PrismaClient } from "@/generated/prisma/client";
import type { MailTransport } from "@/lib/notifications/transport";

/** What a task needs besides its payload: the database, the clock, the way emails leave. */
export type TaskContext = {
  db: PrismaClient;
  now: () => Date;
  mail: MailTransport;
  /** A job locked by a worker silent for this long is taken back (its process died) */
  staleWorkerMs: number;
};

export type JobInfo = { attempts: number; maxAttempts: number };

export type TaskHandler = (payload: unknown, job: JobInfo, context: TaskContext) => Promise<void>;
