import type { PrismaClient } from "@/generated/prisma/client";
import type { MailTransport } from "@/lib/notifications/transport";
import type { PaymentGateway } from "@/lib/payments/gateway";

/** What a task needs besides its payload: the database, the clock, the way emails leave. */
export type TaskContext = {
  db: PrismaClient;
  now: () => Date;
  mail: MailTransport;
  /** The payment provider, when online payment is configured */
  payments: PaymentGateway | null;
  /** A job locked by a worker silent for this long is taken back (its process died) */
  staleWorkerMs: number;
};

export type JobInfo = { attempts: number; maxAttempts: number };

export type TaskHandler = (payload: unknown, job: JobInfo, context: TaskContext) => Promise<void>;
