import { timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { assertAllowed, consumeLimits, LIMITS, peekLimits } from "@/lib/security/rate-limit";

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
  assertAllowed(await consumeLimits(db, [{ limit: LIMITS.pickupCodeOrder, subject: check.orderId }]));
  assertAllowed(await peekLimits(db, [{ limit: LIMITS.pickupCodeFailuresUser, subject: check.userId }]));
  if (check.given && sameCode(check.expected, check.given)) return;
  await consumeLimits(db, [{ limit: LIMITS.pickupCodeFailuresUser, subject: check.userId }]);
  throw new DomainError("invalidInput", "wrong pickup code", { reason: "wrongPickupCode" });
}
