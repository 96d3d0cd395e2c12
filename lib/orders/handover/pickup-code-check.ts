import { timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { assertAllowed, consumeLimits, LIMITS, releaseLimits } from "@/lib/security/rate-limit";

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks the pickup code typed at the counter or the relay desk. A code is six
 * characters: guessing needs many tries, so each order accepts a few checks per
 * quarter hour, and a member of staff who keeps typing wrong codes is slowed down.
 */
export async function verifyPickupCode(db: PrismaClient, check: { orderId: string; userId: string; expected: string; given: string | undefined }): Promise<void> {
  await matchPickupCode(db, { subject: check.orderId, userId: check.userId, candidates: [check.expected], given: check.given });
}

/**
 * The same check against several valid codes (a relay basket's code, or one of its
 * orders' own codes): returns which one was typed. The attempts are counted on
 * `subject` (the order or the basket).
 */
export async function matchPickupCode(db: PrismaClient, check: { subject: string; userId: string; candidates: string[]; given: string | undefined }): Promise<number> {
  assertAllowed(await consumeLimits(db, [{ limit: LIMITS.pickupCodeOrder, subject: check.subject }]));
  // Counted before the code is compared, given back when it is right: a burst of guesses cannot all pass.
  const failures = [{ limit: LIMITS.pickupCodeFailuresUser, subject: check.userId }];
  assertAllowed(await consumeLimits(db, failures));
  const given = check.given;
  const index = given ? check.candidates.findIndex((candidate) => sameCode(candidate, given)) : -1;
  if (index >= 0) {
    await releaseLimits(db, failures);
    return index;
  }
  throw new DomainError("invalidInput", "wrong pickup code", { reason: "wrongPickupCode" });
}
