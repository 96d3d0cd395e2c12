import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { toCsv } from "@/lib/catalog/csv-format";

const DAYS = 90;

const KIND_LABEL = { WEIGHED: "pesée", LINE_SHORT: "ligne incomplète", LINE_MISSING: "ligne manquante", RESCHEDULED: "créneau changé", SUBSTITUTE_PROPOSED: "remplacement proposé", SUBSTITUTED: "remplacement", SLOT_MOVE_PROPOSED: "créneau fermé, autres proposés" } as const;

type Details = { byShop?: boolean; productName?: string; before?: unknown; after?: unknown; reason?: string; totalBefore?: number; totalAfter?: number; weights?: { grams: number }[] };

const paris = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const euros = (cents: number | undefined) => (cents === undefined ? "" : (cents / 100).toFixed(2));
const slotOf = (value: unknown) => {
  const slot = value as { slotStartsAt?: string } | undefined;
  return slot?.slotStartsAt ? paris.format(new Date(slot.slotStartsAt)) : "";
};

/**
 * Every change to the shop's orders over the last 90 days (issue #24, item 6), as
 * CSV for the shop's books: when, which order, what (weighed, short, missing, slot
 * changed, substitute proposed or applied), before and after, the reason, the total before and after, and who.
 */
export async function orderChangesCsv(db: PrismaClient, request: { actor: Actor; shopId: string; now: Date }): Promise<string> {
  requireShopMember(request.actor, request.shopId);
  const events = await db.orderEvent.findMany({
    where: { change: { not: null }, order: { shopId: request.shopId }, createdAt: { gte: new Date(request.now.getTime() - DAYS * 86_400_000) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, change: true, details: true, note: true, order: { select: { reference: true } }, actor: { select: { name: true, email: true } } },
    take: 50_000,
  });
  const rows = events.map((event) => {
    const details = (event.details ?? {}) as Details;
    const rescheduled = event.change === "RESCHEDULED";
    const weighed = event.change === "WEIGHED";
    return [
      paris.format(event.createdAt),
      event.order.reference,
      event.change ? KIND_LABEL[event.change] : "",
      details.productName ?? "",
      rescheduled ? slotOf(details.before) : weighed ? "" : String(details.before ?? ""),
      rescheduled ? slotOf(details.after) : weighed ? (details.weights ?? []).map((w) => `${w.grams} g`).join(", ") : String(details.after ?? ""),
      details.reason ?? "",
      euros(details.totalBefore),
      euros(details.totalAfter),
      event.actor ? (event.actor.name ?? event.actor.email) : rescheduled ? (details.byShop ? "commerce (sans réponse)" : "client") : "",
    ];
  });
  return toCsv([["date", "commande", "changement", "produit", "avant", "apres", "raison", "total_avant_euros", "total_apres_euros", "par"], ...rows]);
}
