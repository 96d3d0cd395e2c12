import type { Actor } from "./actor";

/** Where "sign in" leads when the visitor was not on their way somewhere: each role's own home. */
export const SIGN_IN_LANDING = "/connexion/suite";

export function landingPathFor(actor: Actor): string {
  if (actor.kind !== "user") return "/connexion";
  if (actor.memberships.length > 0) return "/dashboard";
  if (actor.roles.some((grant) => grant.role === "ADMIN" || grant.role === "SUPER_ADMIN")) return "/admin";
  return "/compte";
}
