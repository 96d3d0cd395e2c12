import type { PrismaClient } from "@/generated/prisma/client";
import { readOpeningHours } from "@/lib/catalog/opening-hours";
import { appUrl } from "@/lib/notifications/app-url";
import { queueEmail } from "@/lib/notifications/outbox";
import { formatSlot } from "@/lib/time/format";
import { fromLocal, parseClock, toLocal } from "@/lib/time/zoned";
import { AWAITING_HANDOVER } from "@/lib/orders/status";

/** The digest goes out between opening time and three hours later (a sweep runs every 15 minutes). */
const WINDOW_MS = 3 * 3_600_000;

/**
 * Each morning, at the shop's opening time, its owners get the day's orders by
 * slot with the link to the printable preparation list. One per shop and day,
 * whatever the number of instances: the ShopDigestLog row is the claim.
 * It also counts the orders of past days never closed (not prepared, not handed over, not
 * marked absent): they hold stock, a place and the town's vouchers until the shop does.
 * Nothing is sent on a day without orders and nothing left open.
 */
export async function sendMorningDigests(db: PrismaClient, now: Date): Promise<number> {
  const today = toLocal(now);
  const shops = await db.shop.findMany({ where: { status: "ACTIVE", morningDigest: true, publishedAt: { not: null } }, select: { id: true, name: true, territoryId: true, openingHours: true } });
  let sent = 0;
  for (const shop of shops) {
    const periods = readOpeningHours(shop.openingHours).filter((h) => h.weekday === today.weekday);
    if (periods.length === 0) continue;
    const opensAt = fromLocal(today.date, Math.min(...periods.map((p) => parseClock(p.opens))));
    if (!opensAt || now < opensAt || now.getTime() - opensAt.getTime() > WINDOW_MS) continue;
    if (await sendDigest(db, shop, today.date, now)) sent++;
  }
  return sent;
}

async function sendDigest(db: PrismaClient, shop: { id: string; name: string; territoryId: string }, day: string, now: Date): Promise<boolean> {
  const dayStart = fromLocal(day, 0) ?? now;
  const dayEnd = fromLocal(day, 1440) ?? now;
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`INSERT INTO "ShopDigestLog" ("shopId", "day") VALUES (${shop.id}, ${day}::date) ON CONFLICT DO NOTHING`;
    if (claimed === 0) return false;
    const orders = await tx.order.findMany({
      where: { shopId: shop.id, slotStartsAt: { gte: dayStart, lt: dayEnd }, status: { in: AWAITING_HANDOVER } },
      orderBy: [{ slotStartsAt: "asc" }, { reference: "asc" }],
      select: { reference: true, contactName: true, slotStartsAt: true, slotEndsAt: true, pickupPoint: { select: { name: true } }, _count: { select: { lines: true } } },
    });
    const leftOpen = await tx.order.count({ where: { shopId: shop.id, slotEndsAt: { lt: dayStart }, status: { in: AWAITING_HANDOVER } } });
    if (orders.length === 0 && leftOpen === 0) return false;
    const owners = await tx.shopMember.findMany({ where: { shopId: shop.id, role: "OWNER" }, select: { user: { select: { email: true } } } });
    const bySlot = new Map<string, string[]>();
    for (const order of orders) {
      const slot = formatSlot(order.slotStartsAt, order.slotEndsAt, "fr");
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), `  - ${order.reference} · ${order.contactName} · ${order._count.lines} article(s) · ${order.pickupPoint.name}`]);
    }
    const text = [
      "Bonjour,",
      "",
      orders.length > 0 ? `${orders.length} commande(s) à retirer aujourd'hui chez ${shop.name} :` : `Aucune commande à retirer aujourd'hui chez ${shop.name}.`,
      "",
      ...[...bySlot].flatMap(([slot, lines]) => [slot, ...lines, ""]),
      ...(leftOpen > 0
        ? [`${leftOpen} commande(s) de jours passés jamais clôturée(s) (retirée, livrée, absente ou annulée) : elles gardent leur stock et leur place.`, `${appUrl()}/dashboard/${shop.id}`, ""]
        : []),
      "Liste de préparation à imprimer :",
      `${appUrl()}/dashboard/${shop.id}/resume?jour=${day}`,
      "",
      "—",
      "Ce récapitulatif peut être désactivé dans vos réglages de retrait.",
    ].join("\n");
    for (const owner of owners) {
      await queueEmail(tx, { to: owner.user.email, subject: `Commandes du jour — ${shop.name}`, text, kind: "shop-digest", territoryId: shop.territoryId });
    }
    return true;
  });
}
