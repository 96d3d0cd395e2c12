import { timingSafeEqual } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { isSuperAdmin } from "@/lib/auth/guards";

type OrderKeys = { customerId: string | null; shopId: string; territoryId: string; accessToken: string; placedById: string | null };

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Why someone may see an order: as its customer (or whoever holds its link, or the
 * operator who placed it), as its shop, or as staff of the platform — the town's
 * admins (every order of their town) and the super-admins, whose reads of another
 * person's order are audited. A town's phone operator reads the orders they placed
 * and those of the callers they serve (`servesCaller`), never the whole town.
 */
export type OrderViewer = "customer" | "shop" | "staff" | null;

export function orderViewer(actor: Actor, order: OrderKeys, token: string | null | undefined, servesCaller = false): OrderViewer {
  if (token && sameSecret(token, order.accessToken)) return "customer";
  if (actor.kind !== "user") return null;
  if (order.customerId === actor.userId || order.placedById === actor.userId) return "customer";
  if (actor.memberships.some((m) => m.shopId === order.shopId)) return "shop";
  if (isSuperAdmin(actor) || actor.roles.some((r) => r.role === "ADMIN" && r.territoryId === order.territoryId)) return "staff";
  if (servesCaller && isOperatorOf(actor, order.territoryId)) return "staff";
  return null;
}

export function isOperatorOf(actor: Actor, territoryId: string): boolean {
  return actor.kind === "user" && actor.roles.some((r) => r.role === "OPERATOR" && r.territoryId === territoryId);
}

export function mayViewOrder(actor: Actor, order: OrderKeys, token: string | null | undefined, servesCaller = false): boolean {
  return orderViewer(actor, order, token, servesCaller) !== null;
}

/** Who may cancel as the customer: the customer, the link holder, or the operator who placed it. */
export function mayCancelAsCustomer(actor: Actor, order: OrderKeys, token: string | null | undefined): boolean {
  if (token && sameSecret(token, order.accessToken)) return true;
  return actor.kind === "user" && (order.customerId === actor.userId || order.placedById === actor.userId);
}
