import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * Contact defaults for the checkout form: the signed-in customer's details, or
 * empty fields for a phone operator, who orders on behalf of a caller — and for a
 * territory admin who came through the phone line with a caller on it.
 */
export async function describeContact(db: PrismaClient, actor: Actor, territoryId: string, options: { callerOnTheLine?: boolean } = {}) {
  if (actor.kind !== "user") return { forCaller: false, defaults: { name: "", email: "", phone: "" } };
  const forCaller = actor.roles.some((r) => r.territoryId === territoryId && (r.role === "OPERATOR" || (r.role === "ADMIN" && options.callerOnTheLine === true)));
  if (forCaller) return { forCaller, defaults: { name: "", email: "", phone: "" } };
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true, phone: true } });
  return { forCaller, defaults: { name: user?.name ?? "", email: user?.email ?? actor.email, phone: user?.phone ?? "" } };
}
