import type { MemberRole } from "@/generated/prisma/enums";
import { DomainError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { Actor, UserActor } from "./actor";

/**
 * Authorization guards. Each use case calls one before touching data. Shop and
 * territory guards answer "not found" rather than "forbidden", so an actor
 * learns nothing about shops or territories that are not theirs.
 */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  return actor;
}

export function isSuperAdmin(actor: Actor): boolean {
  return actor.kind === "user" && actor.roles.some((grant) => grant.role === "SUPER_ADMIN");
}

/** The actor's membership of the shop (owner or staff); with `role: "OWNER"`, owners only. */
export function requireShopMember(actor: Actor, shopId: string, options: { role?: MemberRole } = {}): UserActor & { shopRole: MemberRole } {
  const user = requireUser(actor);
  const membership = user.memberships.find((m) => m.shopId === shopId);
  if (!membership) throw new NotFoundError("shop");
  if (options.role === "OWNER" && membership.role !== "OWNER") {
    throw new DomainError("forbidden", "only the shop's owner may do this");
  }
  return { ...user, shopRole: membership.role };
}

/** A territory admin of that territory (a super-admin administers every territory). */
export function requireAdmin(actor: Actor, territoryId: string): UserActor {
  const user = requireUser(actor);
  if (isSuperAdmin(user)) return user;
  if (!user.roles.some((grant) => grant.role === "ADMIN" && grant.territoryId === territoryId)) throw new NotFoundError("territory");
  return user;
}

export function requireSuperAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!isSuperAdmin(user)) throw new NotFoundError("page");
  return user;
}

/** A phone operator (or admin) of that territory, who may order on behalf of callers. */
export function requireOperator(actor: Actor, territoryId: string): UserActor {
  const user = requireUser(actor);
  const allowed = user.roles.some(
    (grant) => (grant.role === "OPERATOR" || grant.role === "ADMIN") && grant.territoryId === territoryId,
  );
  if (!allowed) throw new NotFoundError("page");
  return user;
}

/** Whether the actor is a member of the shop (for routes that must refuse before reading a body). */
export function mayManageShop(actor: Actor, shopId: string): boolean {
  return actor.kind === "user" && actor.memberships.some((m) => m.shopId === shopId);
}
