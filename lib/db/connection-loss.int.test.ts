import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { testDb } from "@/tests/helpers/db";
import { poolConfigFromUrl } from "./connection";
import { isConnectionLoss, isReadOnlyStatement } from "./connection-loss";

/**
 * Issue #13, anomaly 4: during a PostgreSQL restart a home page answered 500 and
 * orders got "Une erreur inattendue". Here a connection is killed under a running
 * statement (what a restart does to every connection): a read is run again, an
 * action that committed nothing is run again, one that may have committed is not
 * — and the customer is told which.
 */
const db = testDb();
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client(poolConfigFromUrl(process.env.DATABASE_URL ?? ""));
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
});

/**
 * Kills the connection running a statement that contains `marker`, once it runs,
 * and returns its backend's pid. A backend already killed stays listed as active
 * for a moment while it exits: `spare` keeps a second kill from "killing" it again
 * (the retry then ran untouched and the test saw its result instead).
 */
async function killWhenRunning(marker: string, spare: number[] = []): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ pid: number; killed: boolean }>(
      "SELECT pid, pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND NOT (pid = ANY($2::int[])) AND query LIKE $1",
      [`%${marker}%`, spare],
    );
    const killed = rows.find((row) => row.killed);
    if (killed) return killed.pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no statement with ${marker} ran`);
}

const buckets = (key: string) => db.rateLimitBucket.count({ where: { key } });

describe("a dropped database connection", () => {
  it("is recognised through the driver's and Prisma's wrappings, and refused reads are told from writes", () => {
    expect(isConnectionLoss(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionLoss({ message: "wrapped", cause: { code: "57P01" } })).toBe(true);
    expect(isConnectionLoss({ originalCode: "ECONNREFUSED" })).toBe(true);
    expect(isConnectionLoss(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isReadOnlyStatement('SELECT "t"."id" FROM "Shop" AS "t"')).toBe(true);
    expect(isReadOnlyStatement('INSERT INTO "Order" VALUES (1)')).toBe(false);
    expect(isReadOnlyStatement("SELECT nextval('order_number')")).toBe(false);
  });

  it("under a read outside a transaction: the read is run again and answers", async () => {
    const [rows] = await Promise.all([db.$queryRaw<{ n: number }[]>`SELECT 7 AS n, pg_sleep(0.71)::text AS slept`, killWhenRunning("pg_sleep(0.71)")]);
    expect(rows[0]?.n).toBe(7);
  });

  it("under an action whose transaction had not committed: the action is run again, once, and succeeds", async () => {
    let runs = 0;
    const [result] = await Promise.all([
      runAction(() => {
        runs += 1;
        return db.$transaction(async (tx) => {
          await tx.rateLimitBucket.create({ data: { key: "retry-safe", windowStart: new Date(), hits: 1 } });
          if (runs === 1) await tx.$queryRaw`SELECT pg_sleep(0.72)`;
          return "placed";
        });
      }),
      killWhenRunning("pg_sleep(0.72)"),
    ]);
    expect(result).toEqual({ ok: true, data: "placed" });
    expect(runs).toBe(2);
    expect(await buckets("retry-safe")).toBe(1);
  });

  it("under an action that already committed a write: not run again, and the customer is told it may have been saved", async () => {
    let runs = 0;
    const [result] = await Promise.all([
      runAction(async () => {
        runs += 1;
        await db.rateLimitBucket.create({ data: { key: "retry-unsafe", windowStart: new Date(), hits: 1 } });
        await db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(0.73)`);
      }),
      killWhenRunning("pg_sleep(0.73)"),
    ]);
    expect(result).toEqual({ ok: false, error: "interruptedMaybeSaved" });
    expect(runs).toBe(1);
    expect(await buckets("retry-unsafe")).toBe(1);
  });

  it("under an action whose first transaction committed: not run again (the COMMIT is traced on the connection)", async () => {
    let runs = 0;
    const [result] = await Promise.all([
      runAction(async () => {
        runs += 1;
        await db.$transaction(async (tx) => tx.rateLimitBucket.create({ data: { key: "retry-after-commit", windowStart: new Date(), hits: 1 } }));
        await db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(0.76)`);
      }),
      killWhenRunning("pg_sleep(0.76)"),
    ]);
    expect(result).toEqual({ ok: false, error: "interruptedMaybeSaved" });
    expect(runs).toBe(1);
    expect(await buckets("retry-after-commit")).toBe(1);
  });

  it("under an idempotent action (a checkout with its key): run again even after a commit", async () => {
    let runs = 0;
    const [result] = await Promise.all([
      runAction(
        async () => {
          runs += 1;
          await db.rateLimitBucket.upsert({ where: { key: "retry-idempotent" }, create: { key: "retry-idempotent", windowStart: new Date(), hits: 1 }, update: {} });
          if (runs === 1) await db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(0.74)`);
          return "same";
        },
        { idempotent: true },
      ),
      killWhenRunning("pg_sleep(0.74)"),
    ]);
    expect(result).toEqual({ ok: true, data: "same" });
    expect(runs).toBe(2);
    expect(await buckets("retry-idempotent")).toBe(1);
  });

  it("twice in a row: the customer is told nothing was saved, not 'unexpected error'", async () => {
    const [result] = await Promise.all([
      runAction(() => db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(0.75)::text AS slept`)),
      (async () => {
        const first = await killWhenRunning("pg_sleep(0.75)");
        await killWhenRunning("pg_sleep(0.75)", [first]);
      })(),
    ]);
    expect(result).toEqual({ ok: false, error: "interruptedNothingSaved" });
  });
});
