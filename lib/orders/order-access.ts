import { timingSafeEqual } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { isSuperAdmin } from "@/lib/auth/guards";

type OrderKeys = { customerId: string | null; shopId: string; territoryId: string; accessToken: string; placedById: string | null };

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Who may see an order: its customer, whoever holds its link, its shop, its territory's admins and operators. */
export function mayViewOrder(actor: Actor, order: OrderKeys, token: string | null | undefined): boolean {
  if (token && sameSecret(token, order.accessToken)) return true;
  if (actor.kind !== "user") return false;
  if (order.customerId === actor.userId || order.placedById === actor.userId) return true;
  if (actor.memberships.some((m) => m.shopId === order.shopId)) return true;
  return isSuperAdmin(actor) || actor.roles.some((r) => (r.role === "ADMIN" || r.role === "OPERATOR") && r.territoryId === order.territoryId);
}

/** Who may cancel as the customer: the customer, the link holder, or the operator who placed it. */
export function mayCancelAsCustomer(actor: Actor, order: OrderKeys, token: string | null | undefined): boolean {
  if (token && sameSecret(token, order.accessToken)) return true;
  return actor.kind === "user" && (order.customerId === actor.userId || order.placedById === actor.userId);
}
