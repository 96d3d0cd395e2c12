import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "./actor";
import { requireUser } from "./guards";

const HOUR = 3_600_000;
/** Customers stay signed in for a month; staff (shops, territory) sign in again each day. */
export const CUSTOMER_SESSION_HOURS = 30 * 24;
export const STAFF_SESSION_HOURS = 12;

/** Opens the session of a browser that has just signed in; its id goes into the session cookie. */
export async function openAuthSession(db: PrismaClient, userId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const access = await db.user.findUnique({ where: { id: userId }, select: { _count: { select: { roles: true, memberships: true } } } });
  const staff = Boolean(access && access._count.roles + access._count.memberships > 0);
  const expiresAt = new Date(now.getTime() + (staff ? STAFF_SESSION_HOURS : CUSTOMER_SESSION_HOURS) * HOUR);
  return db.authSession.create({ data: { userId, expiresAt }, select: { id: true, expiresAt: true } });
}

/** Signing out ends this browser's session for good, even if its cookie was copied. */
export async function revokeAuthSession(db: PrismaClient, sessionId: string, now = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Sign out everywhere": every session of the actor ends at once. */
export async function revokeAllAuthSessions(db: PrismaClient, request: { actor: Actor; now?: Date }): Promise<number> {
  const user = requireUser(request.actor);
  const { count } = await db.authSession.updateMany({ where: { userId: user.userId, revokedAt: null }, data: { revokedAt: request.now ?? new Date() } });
  return count;
}
