import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { EMAIL_MAX_ATTEMPTS, queueEmail } from "@/lib/notifications/outbox";
import { testDb } from "@/tests/helpers/db";
import { startSmtpServer, type SmtpTestServer } from "@/tests/helpers/smtp";
import { startTestWorker, waitUntil } from "@/tests/helpers/worker";
import { enqueue } from "./queue";
import { recoverAbandonedJobs } from "./recovery";
import { makeJobsDueSooner } from "./test-clock";

const db = testDb();
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const email = (to: string) => ({ to, subject: "Test", text: "Bonjour", kind: "test" });
const delivered = (to: string) => smtp.received.filter((m) => m.to === to).length;
const pendingJobs = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE attempts < max_attempts`)[0]?.n ?? 0);

describe("job queue and email outbox", () => {
  it("a rolled-back change leaves no email and no job; a committed one is delivered exactly once", async () => {
    const before = await pendingJobs();
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, email("rollback@example.fr"));
        throw new Error("the use case failed after queueing");
      }),
    ).rejects.toThrow(/use case failed/);
    expect(await db.outgoingEmail.count({ where: { toAddress: "rollback@example.fr" } })).toBe(0);
    expect(await pendingJobs()).toBe(before);

    const id = await db.$transaction((tx) => queueEmail(tx, email("commit@example.fr")));
    const worker = await startTestWorker({ smtpUrl: smtp.url });
    try {
      await waitUntil(async () => (await db.outgoingEmail.findUniqueOrThrow({ where: { id } })).status === "SENT", 20_000, "delivery");
      expect(delivered("commit@example.fr")).toBe(1);
      expect(smtp.received.find((m) => m.to === "commit@example.fr")?.messageId).toBe(`<${id}@comptoir>`);
      // The job is done: running the worker longer sends nothing more.
      await waitUntil(async () => (await pendingJobs()) === 0, 10_000, "an empty queue");
      expect(delivered("commit@example.fr")).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("SMTP refusing twice then accepting: one delivery after the retries, attempts recorded, one log line per run", async () => {
    smtp.refuse(2);
    const id = await db.$transaction((tx) => queueEmail(tx, email("retry@example.fr")));
    const output: string[] = [];
    const logger = createLogger(new Writable({ write: (chunk: Buffer, _encoding, done) => done(void output.push(chunk.toString())) }));
    const worker = await startTestWorker({ smtpUrl: smtp.url, logger });
    try {
      for (let i = 0; i < 40 && (await db.outgoingEmail.findUniqueOrThrow({ where: { id } })).status !== "SENT"; i++) {
        await makeJobsDueSooner(db, 10 * 60_000); // the backoff waits, without waiting
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const row = await db.outgoingEmail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "SENT", attempts: 3, error: null });
      expect(delivered("retry@example.fr")).toBe(1);
      // Issue #13: each run is one JSON line (task, attempt, outcome, duration), the failures with their error — and no address.
      const runs = output.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.kind === "job" && line.task === "deliver-email");
      expect(runs.map((line) => [line.attempt, line.outcome])).toEqual([[1, "retry"], [2, "retry"], [3, "ok"]]);
      expect(runs[0]).toMatchObject({ level: "warn", err: { message: expect.any(String) as unknown } });
      expect(runs.every((line) => typeof line.ms === "number" && typeof line.jobId === "string")).toBe(true);
      expect(output.join("")).not.toContain("retry@example.fr");
    } finally {
      await worker.stop();
    }
  });

  it("SMTP down for 10 minutes: nothing is lost, every email goes out once it is back", async () => {
    smtp.setDown(true);
    const ids = await db.$transaction(async (tx) => Promise.all(Array.from({ length: 8 }, (_, i) => queueEmail(tx, email(`outage-${i}@example.fr`)))));
    const worker = await startTestWorker({ smtpUrl: smtp.url });
    try {
      await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: ids }, attempts: { gte: 1 } } })) === 8, 20_000, "first attempts");
      for (let minute = 0; minute < 10; minute++) await makeJobsDueSooner(db, 60_000);
      expect(await db.outgoingEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(0);
      smtp.setDown(false);
      for (let i = 0; i < 60 && (await db.outgoingEmail.count({ where: { id: { in: ids }, status: "SENT" } })) < 8; i++) {
        await makeJobsDueSooner(db, 30 * 60_000);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(await db.outgoingEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(8);
      for (let i = 0; i < 8; i++) expect(delivered(`outage-${i}@example.fr`)).toBe(1);
    } finally {
      smtp.setDown(false);
      await worker.stop();
    }
  });

  it("after the last attempt the email is FAILED with the last error", async () => {
    smtp.setDown(true);
    const id = await db.$transaction((tx) => queueEmail(tx, email("never@example.fr")));
    const worker = await startTestWorker({ smtpUrl: smtp.url });
    try {
      for (let i = 0; i < 80 && (await db.outgoingEmail.findUniqueOrThrow({ where: { id } })).status !== "FAILED"; i++) {
        await makeJobsDueSooner(db, 3 * 3_600_000);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const row = await db.outgoingEmail.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("FAILED");
      expect(row.attempts).toBe(EMAIL_MAX_ATTEMPTS);
      expect(row.error).toMatch(/temporarily unavailable|451/i);
    } finally {
      smtp.setDown(false);
      await worker.stop();
    }
  });

  it("two workers on one database deliver each of 500 emails exactly once", async () => {
    const ids = await db.$transaction(async (tx) => {
      const created: string[] = [];
      for (let i = 0; i < 500; i++) created.push(await queueEmail(tx, email(`bulk-${i}@example.fr`)));
      return created;
    }, { timeout: 60_000 });
    const [a, b] = await Promise.all([startTestWorker({ smtpUrl: smtp.url, concurrency: 4 }), startTestWorker({ smtpUrl: smtp.url, concurrency: 4 })]);
    try {
      await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: ids }, status: "SENT" } })) === 500, 90_000, "500 deliveries");
      const bulk = smtp.received.filter((m) => m.to.startsWith("bulk-"));
      expect(bulk).toHaveLength(500);
      expect(new Set(bulk.map((m) => m.messageId)).size).toBe(500);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("a poison job keeps its error and attempts and never blocks the others", async () => {
    await enqueue(db, "deliver-email", { wrong: "payload" }, { key: "poison", maxAttempts: 3 });
    const ids = await db.$transaction(async (tx) => Promise.all(Array.from({ length: 5 }, (_, i) => queueEmail(tx, email(`after-poison-${i}@example.fr`)))));
    const worker = await startTestWorker({ smtpUrl: smtp.url, concurrency: 1 });
    try {
      await waitUntil(async () => (await db.outgoingEmail.count({ where: { id: { in: ids }, status: "SENT" } })) === 5, 20_000, "the healthy emails");
      const [poison] = await db.$queryRaw<{ attempts: number; last_error: string | null }[]>`SELECT attempts, last_error FROM graphile_worker.jobs WHERE key = 'poison'`;
      expect(poison?.attempts).toBeGreaterThanOrEqual(1);
      expect(poison?.last_error).toMatch(/emailId/);
    } finally {
      await worker.stop();
    }
  });

  it("a job locked by a worker that died (no heartbeat) goes back to the queue and completes", async () => {
    const id = await db.$transaction((tx) => queueEmail(tx, email("orphan@example.fr")));
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'killed-worker', locked_at = now() - interval '2 minutes', attempts = 1 WHERE key = ${`email:${id}`}`;
    expect(await recoverAbandonedJobs(db, 5 * 60_000)).toBe(0); // not stale yet by this measure
    expect(await recoverAbandonedJobs(db, 60_000)).toBe(1);
    const worker = await startTestWorker({ smtpUrl: smtp.url });
    try {
      await waitUntil(async () => (await db.outgoingEmail.findUniqueOrThrow({ where: { id } })).status === "SENT", 20_000, "the orphan's delivery");
      expect(delivered("orphan@example.fr")).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
