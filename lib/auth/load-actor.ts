import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "./actor";
import { anonymous } from "./actor";

/** Builds the actor from the database, so a revoked role or membership takes effect at once. */
export async function loadActor(db: PrismaClient, userId: string | null | undefined): Promise<Actor> {
  if (!userId) return anonymous;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      roles: { select: { role: true, territoryId: true } },
      memberships: { select: { shopId: true, role: true } },
    },
  });
  if (!user) return anonymous;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, roles: user.roles, memberships: user.memberships };
}
