import type { PrismaClient } from "@/generated/prisma/client";
import { clearLimit, consumeLimits, LIMITS, peekLimits, type LimitOutcome } from "@/lib/security/rate-limit";
import { normalizeEmail } from "./email";

/**
 * Throttling of next-auth's two sign-in doors, applied by its route before
 * next-auth runs: a password attempt counts against the account (a success clears
 * it) and, when wrong, against the client address; a sign-in link counts against
 * the address it goes to and the client asking for it.
 */
export type SignInDoor = "password" | "email";

/** Which door a POST to /api/auth/[...nextauth] is, from its path segments. */
export function signInDoor(segments: string[]): SignInDoor | null {
  const path = segments.join("/");
  if (path === "callback/password") return "password";
  if (path === "signin/email") return "email";
  return null;
}

export async function admitSignIn(db: PrismaClient, attempt: { door: SignInDoor; email: string; ip: string }, now = new Date()): Promise<LimitOutcome> {
  const email = normalizeEmail(attempt.email);
  if (attempt.door === "email") {
    return consumeLimits(db, [{ limit: LIMITS.signInEmailAddress, subject: email }, { limit: LIMITS.signInEmailIp, subject: attempt.ip }], now);
  }
  const failures = await peekLimits(db, [{ limit: LIMITS.passwordFailuresIp, subject: attempt.ip }], now);
  if (!failures.allowed) return failures;
  return consumeLimits(db, [{ limit: LIMITS.passwordAccount, subject: email }], now);
}

export async function recordPasswordOutcome(db: PrismaClient, attempt: { email: string; ip: string; succeeded: boolean }, now = new Date()): Promise<void> {
  if (attempt.succeeded) await clearLimit(db, { limit: LIMITS.passwordAccount, subject: normalizeEmail(attempt.email) });
  else await consumeLimits(db, [{ limit: LIMITS.passwordFailuresIp, subject: attempt.ip }], now);
}

/** next-auth signals a refused sign-in with "error=" in the URL it sends the browser to. */
export async function signInSucceeded(response: Response): Promise<boolean> {
  const location = response.headers.get("location") ?? ((await response.clone().json().catch(() => ({}))) as { url?: string }).url ?? "";
  return response.status < 400 && !/[?&]error=/.test(location);
}
