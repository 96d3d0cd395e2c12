import type { PrismaClient } from "@/generated/prisma/client";
import { addressBucket } from "@/lib/http/client-address";
import { queueEmailAlone } from "@/lib/notifications/outbox";
import { clearLimit, consumeLimits, countFailure, LIMITS, peekLimits, releaseLimits, type LimitCheck, type LimitOutcome } from "@/lib/security/rate-limit";
import { normalizeEmail } from "./email";

/**
 * Throttling of next-auth's two sign-in doors, applied by its route before
 * next-auth runs.
 * - A password attempt counts against the account *from this address* (a success
 *   clears it) and against the address (given back on success). Every count is
 *   taken before the password is checked, in one statement, so a burst cannot slip
 *   under a limit.
 * - Wrong passwords on one account from anywhere never lock it: past a threshold the
 *   account takes one attempt per 10 seconds, and its owner is told by email once.
 * - The email-link door has its own limits (per recipient, per asking address) and
 *   stays open to the owner of a slowed-down account.
 */
export type SignInDoor = "password" | "email";

/** Which door a POST to /api/auth/[...nextauth] is, from its path segments. */
export function signInDoor(segments: string[]): SignInDoor | null {
  const path = segments.join("/");
  if (path === "callback/password") return "password";
  if (path === "signin/email") return "email";
  return null;
}

const attemptChecks = (email: string, ip: string): LimitCheck[] => [
  { limit: LIMITS.passwordFailuresIp, subject: ip },
  { limit: LIMITS.passwordAccountAddress, subject: `${email}|${ip}` },
];

export async function admitSignIn(db: PrismaClient, request: { door: SignInDoor; email: string; ip: string }, now = new Date()): Promise<LimitOutcome> {
  const email = normalizeEmail(request.email);
  const attempt = { ...request, ip: addressBucket(request.ip) };
  if (attempt.door === "email") {
    return consumeLimits(db, [{ limit: LIMITS.signInEmailAddress, subject: email }, { limit: LIMITS.signInEmailIp, subject: attempt.ip }], now);
  }
  const accountFailures = await peekLimits(db, [{ limit: LIMITS.passwordAccountFailures, subject: email }], now);
  if (!accountFailures.allowed) {
    const slowed = await consumeLimits(db, [{ limit: LIMITS.passwordAccountSlowed, subject: email }], now);
    if (!slowed.allowed) return slowed;
  }
  return consumeLimits(db, attemptChecks(email, attempt.ip), now);
}

/** How many wrong passwords on one account, within the window, make its owner hear of it (once per window). */
export const TELL_OWNER_AT = LIMITS.passwordAccountFailures.max;

export async function recordPasswordOutcome(db: PrismaClient, outcome: { email: string; ip: string; succeeded: boolean }, now = new Date()): Promise<void> {
  const email = normalizeEmail(outcome.email);
  const attempt = { ...outcome, ip: addressBucket(outcome.ip) };
  if (attempt.succeeded) {
    await releaseLimits(db, [{ limit: LIMITS.passwordFailuresIp, subject: attempt.ip }], now);
    await clearLimit(db, { limit: LIMITS.passwordAccountAddress, subject: `${email}|${attempt.ip}` });
    return;
  }
  const failures = await countFailure(db, { limit: LIMITS.passwordAccountFailures, subject: email }, now);
  if (failures === TELL_OWNER_AT) await tellOwner(db, email);
}

/** The account's owner learns that someone keeps trying its password, and how to sign in meanwhile. */
async function tellOwner(db: PrismaClient, email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { email: true, passwordHash: true } });
  if (!user?.passwordHash) return;
  await queueEmailAlone(db, {
    to: user.email,
    kind: "sign-in-failures",
    subject: "Tentatives de connexion à votre compte Comptoir / Sign-in attempts on your Comptoir account",
    text: [
      "Bonjour,",
      "",
      `Au moins ${TELL_OWNER_AT} mots de passe erronés ont été essayés sur votre compte ces 15 dernières minutes.`,
      "Votre compte n’est pas bloqué : les essais sont seulement ralentis. Vous pouvez toujours vous connecter avec un lien reçu par e-mail (« Recevoir un lien de connexion »).",
      "Si ce n’était pas vous, choisissez un mot de passe long et unique depuis votre compte.",
      "",
      "—",
      "",
      `At least ${TELL_OWNER_AT} wrong passwords were tried on your account in the last 15 minutes. It is not locked, only slowed down; you can always sign in with an email link. If it was not you, choose a long, unique password.`,
    ].join("\n"),
  });
}

/** next-auth signals a refused sign-in with "error=" in the URL it sends the browser to. */
export async function signInSucceeded(response: Response): Promise<boolean> {
  const location = response.headers.get("location") ?? ((await response.clone().json().catch(() => ({}))) as { url?: string }).url ?? "";
  return response.status < 400 && !/[?&]error=/.test(location);
}
