import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";

/**
 * Rate limits kept in PostgreSQL, so they hold across app instances: one
 * fixed-window counter per (limit, subject), moved by a single atomic upsert.
 */
export type Limit = { name: string; max: number; windowSeconds: number };

const MINUTE = 60;

export const LIMITS = {
  /** Password attempts on one account from one address (a success clears it): a stranger elsewhere locks nobody out */
  passwordAccountAddress: { name: "password-account-address", max: 5, windowSeconds: 15 * MINUTE },
  /** Wrong passwords from one address, whatever the accounts */
  passwordFailuresIp: { name: "password-failures-ip", max: 20, windowSeconds: 15 * MINUTE },
  /** Wrong passwords on one account from anywhere: past this, the account is slowed down (and its owner told), never locked */
  passwordAccountFailures: { name: "password-account-failures", max: 10, windowSeconds: 15 * MINUTE },
  /** A slowed-down account takes one password attempt per 10 seconds, whoever makes it */
  passwordAccountSlowed: { name: "password-account-slowed", max: 1, windowSeconds: 10 },
  /** Sign-in links sent to one address */
  signInEmailAddress: { name: "sign-in-email", max: 3, windowSeconds: 15 * MINUTE },
  /** Sign-in links asked for from one client address */
  signInEmailIp: { name: "sign-in-email-ip", max: 20, windowSeconds: 60 * MINUTE },
  /** Shop applications from one client address */
  applicationIp: { name: "application-ip", max: 5, windowSeconds: 60 * MINUTE },
  /** Pickup-code checks on one order */
  pickupCodeOrder: { name: "pickup-code-order", max: 5, windowSeconds: 15 * MINUTE },
  /** Wrong pickup codes typed by one member of staff */
  pickupCodeFailuresUser: { name: "pickup-code-failures-user", max: 20, windowSeconds: 15 * MINUTE },
  /** Voucher codes tried at checkout by one customer (their cart or account), and from one client address */
  voucherCodeOwner: { name: "voucher-code-owner", max: 10, windowSeconds: 60 * MINUTE },
  voucherCodeIp: { name: "voucher-code-ip", max: 30, windowSeconds: 60 * MINUTE },
} satisfies Record<string, Limit>;

export type LimitCheck = { limit: Limit; subject: string };
export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Subjects (emails, addresses) are hashed: the table holds no personal data. */
function bucketKey({ limit, subject }: LimitCheck): string {
  return `${limit.name}:${createHash("sha256").update(subject.trim().toLowerCase()).digest("base64url").slice(0, 32)}`;
}

type BucketRow = { hits: number; windowStart: Date };

function outcome(rows: BucketRow[], limit: Limit, now: Date): LimitOutcome {
  const row = rows[0];
  if (!row || row.hits <= limit.max) return { allowed: true };
  const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

function worst(outcomes: LimitOutcome[]): LimitOutcome {
  const refused = outcomes.flatMap((o) => (o.allowed ? [] : [o.retryAfterSeconds]));
  return refused.length ? { allowed: false, retryAfterSeconds: Math.max(...refused) } : { allowed: true };
}

/** One attempt counted in one statement: the count and the decision cannot be split by a burst. */
async function bump(db: PrismaClient, check: LimitCheck, now: Date): Promise<BucketRow[]> {
  return db.$queryRaw<BucketRow[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "hits") VALUES (${bucketKey(check)}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamptz - make_interval(secs => ${check.limit.windowSeconds}) THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamptz - make_interval(secs => ${check.limit.windowSeconds}) THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "hits", "windowStart"`;
}

/**
 * Counts one attempt against each limit; refused when any is over its maximum.
 * For limits on failures only (wrong codes, wrong passwords), count the attempt
 * here first and give it back with releaseLimits when it turns out right: reading
 * the count and recording a failure afterwards would let 50 parallel guesses all
 * read "under the limit".
 */
export async function consumeLimits(db: PrismaClient, checks: LimitCheck[], now = new Date()): Promise<LimitOutcome> {
  const outcomes: LimitOutcome[] = [];
  for (const check of checks) outcomes.push(outcome(await bump(db, check, now), check.limit, now));
  return worst(outcomes);
}

/** Counts one failure and returns how many this window holds (to act once when a threshold is crossed). */
export async function countFailure(db: PrismaClient, check: LimitCheck, now = new Date()): Promise<number> {
  return (await bump(db, check, now))[0]?.hits ?? 0;
}

/** Gives back an attempt consumeLimits counted, when it was not a failure (a right code costs nothing). */
export async function releaseLimits(db: PrismaClient, checks: LimitCheck[], now = new Date()): Promise<void> {
  for (const check of checks) {
    await db.$executeRaw`
      UPDATE "RateLimitBucket" SET "hits" = GREATEST("hits" - 1, 0)
      WHERE "key" = ${bucketKey(check)} AND "windowStart" > ${now}::timestamptz - make_interval(secs => ${check.limit.windowSeconds})`;
  }
}

/** Whether the next attempt would be refused, without counting one (for limits on failures only). */
export async function peekLimits(db: PrismaClient, checks: LimitCheck[], now = new Date()): Promise<LimitOutcome> {
  const outcomes: LimitOutcome[] = [];
  for (const check of checks) {
    const rows = await db.$queryRaw<BucketRow[]>`
      SELECT "hits" + 1 AS "hits", "windowStart" FROM "RateLimitBucket"
      WHERE "key" = ${bucketKey(check)} AND "windowStart" > ${now}::timestamptz - make_interval(secs => ${check.limit.windowSeconds})`;
    outcomes.push(outcome(rows, check.limit, now));
  }
  return worst(outcomes);
}

export async function clearLimit(db: PrismaClient, check: LimitCheck): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: bucketKey(check) } });
}

/** Too many attempts: the form says when to try again; routes answer 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rateLimited", "too many attempts", { reason: "rateLimited", minutes: Math.ceil(retryAfterSeconds / 60), retryAfterSeconds });
    this.name = "RateLimitedError";
  }
}

/** Throws RateLimitedError when the outcome is a refusal. */
export function assertAllowed(result: LimitOutcome): void {
  if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
}
