import { Writable } from "node:stream";
import type { Logger } from "pino";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { startWorker, type WorkerHandle } from "@/lib/jobs/runner";
import { createLogger } from "@/lib/log/logger";
import { mailTransport } from "@/lib/notifications/transport";
import type { PaymentGateway } from "@/lib/payments/gateway";

/** A real graphile-worker pool on the test file's database, with its own connection pool. */
export async function startTestWorker(options: { smtpUrl?: string; concurrency?: number; now?: () => Date; staleWorkerMs?: number; payments?: PaymentGateway; logger?: Logger } = {}): Promise<WorkerHandle & { db: PrismaClient }> {
  const url = process.env.DATABASE_URL ?? "";
  const db = createPrismaClient(url, { poolSize: (options.concurrency ?? 4) + 2 });
  const worker = await startWorker({
    connectionString: url,
    db,
    mail: mailTransport({ SMTP_URL: options.smtpUrl, MAIL_FROM: "Comptoir <test@comptoir.local>", DEV_MAILBOX: !options.smtpUrl }),
    payments: options.payments,
    concurrency: options.concurrency ?? 4,
    cron: false,
    now: options.now,
    staleWorkerMs: options.staleWorkerMs,
    pollIntervalMs: 200,
    // Quiet unless the test reads the job lines.
    logger: options.logger ?? createLogger(new Writable({ write: (_chunk, _encoding, done) => done() })),
  });
  return {
    ...worker,
    db,
    async stop() {
      await worker.stop();
      await db.$disconnect();
    },
  };
}

/** Polls until `check` holds (or fails after `timeoutMs`): waits on facts, never on fixed sleeps. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
