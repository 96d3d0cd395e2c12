import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "./actor";
import { anonymous } from "./actor";

/**
 * Builds the actor from the database, so a revoked role or membership takes effect
 * at once. With `session`, the signed-in browser's session must also be live (not
 * signed out, revoked or expired): a copied cookie of an ended session is anonymous.
 */
export async function loadActor(
  db: PrismaClient,
  userId: string | null | undefined,
  session?: { id: string | null | undefined; now?: Date },
): Promise<Actor> {
  if (!userId) return anonymous;
  if (session && !session.id) return anonymous;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      roles: { select: { role: true, territoryId: true } },
      memberships: { select: { shopId: true, role: true } },
      ...(session?.id ? { sessions: { where: { id: session.id, revokedAt: null, expiresAt: { gt: session.now ?? new Date() } }, select: { id: true } } } : {}),
    },
  });
  if (!user) return anonymous;
  if (session && !("sessions" in user && Array.isArray(user.sessions) && user.sessions.length === 1)) return anonymous;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, roles: user.roles, memberships: user.memberships };
}
