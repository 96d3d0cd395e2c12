import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { toCsv } from "@/lib/catalog/csv-format";
import { publishedShop } from "@/lib/catalog/published";
import { addDays, fromLocal, toLocal } from "@/lib/time/zoned";

const DAYS = 30;

/**
 * Home delivery (issue #15) over the period, per commune delivered to or per shop.
 * Like the other order figures, cancelled orders count nowhere: "orders" are the
 * delivery orders placed and not cancelled (on the round or still to come included),
 * "delivered" the ones handed over (COLLECTED), "not delivered" the NO_SHOW ones,
 * and the fees those orders' delivery fees.
 */
export type DeliveryFigure = { key: string; name: string; orders: number; delivered: number; notDelivered: number; feesCents: number };
/** A commune deleted since keeps its orders with no commune: name and postal code null. */
export type CommuneDeliveries = Omit<DeliveryFigure, "name"> & { name: string | null; postalCode: string | null };
/** sharePercent: the delivery orders' share of all the shop's orders of the period (cancelled left out), whole percent. */
export type ShopDeliveries = DeliveryFigure & { sharePercent: number };

/**
 * How the platform serves local trade over the last 30 days: shops per category
 * and commune, products per shop, orders and revenue per day, per shop and per
 * category, outcomes (collected / cancelled / not collected), busiest slots, and
 * deliveries per commune and per shop.
 */
export async function getPlatformFigures(db: PrismaClient, request: { actor: Actor; territoryId: string; now?: Date }) {
  requireAdmin(request.actor, request.territoryId);
  const today = toLocal(request.now ?? new Date()).date;
  const since = fromLocal(addDays(today, -(DAYS - 1)), 0) ?? new Date();
  const [shops, orders, lineChanges] = await Promise.all([
    db.shop.findMany({
      where: { territoryId: request.territoryId, ...publishedShop },
      select: { id: true, name: true, category: { select: { nameFr: true } }, commune: { select: { name: true } }, _count: { select: { products: { where: { active: true } } } } },
    }),
    db.order.findMany({
      where: { territoryId: request.territoryId, slotStartsAt: { gte: since } },
      select: {
        status: true,
        totalCents: true,
        slotStartsAt: true,
        deliveryFeeCents: true,
        shop: { select: { id: true, name: true, category: { select: { nameFr: true } } } },
        // An order is a delivery by its point; its commune may have been deleted since.
        pickupPoint: { select: { kind: true } },
        deliveryCommune: { select: { id: true, name: true, postalCode: true } },
        rescheduleCount: true,
      },
    }),
    // Lines handed over short or missing (issue #24), per shop, on the period's orders not cancelled.
    db.$queryRaw<{ shopId: string; lines: bigint; missing: bigint; short: bigint; substituted: bigint }[]>`
      SELECT o."shopId", count(*) AS lines,
             count(*) FILTER (WHERE l."deliveredQuantity" = 0) AS missing,
             count(*) FILTER (WHERE l."deliveredQuantity" > 0) AS short,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Substitution" s WHERE s."lineId" = l."id" AND s."status" = 'ACCEPTED')) AS substituted
      FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE o."territoryId" = ${request.territoryId} AND o."slotStartsAt" >= ${since} AND o."status" <> 'CANCELLED'
      GROUP BY o."shopId"`,
  ]);
  const count = <T>(items: T[], key: (item: T) => string) => {
    const map = new Map<string, number>();
    for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
    return [...map.entries()].map(([name, value]) => ({ name, value })).sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "fr"));
  };
  const sold = orders.filter((o) => o.status !== "CANCELLED");
  const sum = (items: typeof orders, key: (o: (typeof orders)[number]) => string) => {
    const map = new Map<string, { orders: number; revenueCents: number }>();
    for (const o of items) {
      const entry = map.get(key(o)) ?? { orders: 0, revenueCents: 0 };
      entry.orders++;
      entry.revenueCents += o.totalCents;
      map.set(key(o), entry);
    }
    return [...map.entries()].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.revenueCents - a.revenueCents);
  };
  const perDay = Array.from({ length: DAYS }, (_, i) => ({ day: addDays(today, i - (DAYS - 1)), orders: 0, revenueCents: 0 }));
  for (const o of sold) {
    const entry = perDay.find((d) => d.day === toLocal(o.slotStartsAt).date);
    if (entry) {
      entry.orders++;
      entry.revenueCents += o.totalCents;
    }
  }
  const finished = orders.filter((o) => ["COLLECTED", "CANCELLED", "NO_SHOW"].includes(o.status));
  const slotKey = (d: Date) => {
    const local = toLocal(d);
    return `${local.weekday}|${String(Math.floor(local.minute / 60)).padStart(2, "0")}h`;
  };
  return {
    shopsByCategory: count(shops, (s) => s.category.nameFr),
    shopsByCommune: count(shops, (s) => s.commune.name),
    productsPerShop: shops.map((s) => ({ name: s.name, value: s._count.products })).sort((a, b) => b.value - a.value),
    perDay,
    perShop: sum(sold, (o) => o.shop.name),
    perCategory: sum(sold, (o) => o.shop.category.nameFr),
    outcomes: { collected: finished.filter((o) => o.status === "COLLECTED").length, cancelled: finished.filter((o) => o.status === "CANCELLED").length, noShow: finished.filter((o) => o.status === "NO_SHOW").length },
    busiestSlots: count(sold, (o) => slotKey(o.slotStartsAt)).slice(0, 5),
    ...deliveryFigures(sold),
    changesPerShop: changeFigures(sold, lineChanges),
  };
}

/**
 * How reliable each shop's stock and slots are (issue #24): the share of lines handed
 * over missing or short, or replaced by a substitute the customer accepted, and of orders the customer moved to another slot, in tenths
 * of a percent rounded. Only shops with orders in the period.
 */
export type ShopChanges = { key: string; name: string; lines: number; missingLines: number; shortLines: number; missingPercent: number; shortPercent: number; substitutedLines: number; substitutedPercent: number; orders: number; rescheduledOrders: number };

function changeFigures(sold: (FigureOrder & { rescheduleCount: number })[], lines: { shopId: string; lines: bigint; missing: bigint; short: bigint; substituted: bigint }[]): ShopChanges[] {
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
  const perShop = new Map<string, ShopChanges>();
  for (const o of sold) {
    const entry = perShop.get(o.shop.id) ?? { key: o.shop.id, name: o.shop.name, lines: 0, missingLines: 0, shortLines: 0, missingPercent: 0, shortPercent: 0, substitutedLines: 0, substitutedPercent: 0, orders: 0, rescheduledOrders: 0 };
    entry.orders++;
    if (o.rescheduleCount > 0) entry.rescheduledOrders++;
    perShop.set(o.shop.id, entry);
  }
  for (const row of lines) {
    const entry = perShop.get(row.shopId);
    if (!entry) continue;
    entry.lines = Number(row.lines);
    entry.missingLines = Number(row.missing);
    entry.shortLines = Number(row.short);
    entry.missingPercent = percent(entry.missingLines, entry.lines);
    entry.shortPercent = percent(entry.shortLines, entry.lines);
    entry.substitutedLines = Number(row.substituted);
    entry.substitutedPercent = percent(entry.substitutedLines, entry.lines);
  }
  return [...perShop.values()].sort((a, b) => b.missingPercent - a.missingPercent || b.shortPercent - a.shortPercent || a.name.localeCompare(b.name, "fr"));
}

type FigureOrder = {
  status: string;
  deliveryFeeCents: number;
  shop: { id: string; name: string };
  pickupPoint: { kind: string };
  deliveryCommune: { id: string; name: string; postalCode: string } | null;
};

/** Deliveries per commune and per shop, from the period's orders not cancelled. */
function deliveryFigures(sold: FigureOrder[]): { deliveriesPerCommune: CommuneDeliveries[]; deliveriesPerShop: ShopDeliveries[] } {
  const deliveries = sold.filter((o) => o.pickupPoint.kind === "DELIVERY");
  const group = <T extends { orders: number; delivered: number; notDelivered: number; feesCents: number }>(key: (o: FigureOrder) => string, create: (o: FigureOrder) => T) => {
    const map = new Map<string, T>();
    for (const o of deliveries) {
      const entry = map.get(key(o)) ?? create(o);
      entry.orders++;
      if (o.status === "COLLECTED") entry.delivered++;
      if (o.status === "NO_SHOW") entry.notDelivered++;
      entry.feesCents += o.deliveryFeeCents;
      map.set(key(o), entry);
    }
    return [...map.values()];
  };
  const zero = { orders: 0, delivered: 0, notDelivered: 0, feesCents: 0 };
  const byOrders = (a: { orders: number; name: string | null }, b: { orders: number; name: string | null }) => b.orders - a.orders || (a.name ?? "").localeCompare(b.name ?? "", "fr");
  const shopOrders = new Map<string, number>();
  for (const o of sold) shopOrders.set(o.shop.id, (shopOrders.get(o.shop.id) ?? 0) + 1);
  return {
    deliveriesPerCommune: group<CommuneDeliveries>(
      (o) => o.deliveryCommune?.id ?? "",
      (o) => ({ key: o.deliveryCommune?.id ?? "", name: o.deliveryCommune?.name ?? null, postalCode: o.deliveryCommune?.postalCode ?? null, ...zero }),
    ).sort(byOrders),
    deliveriesPerShop: group<ShopDeliveries>((o) => o.shop.id, (o) => ({ key: o.shop.id, name: o.shop.name, ...zero, sharePercent: 0 }))
      .map((s) => ({ ...s, sharePercent: Math.round((s.orders / (shopOrders.get(s.key) ?? s.orders)) * 100) }))
      .sort(byOrders),
  };
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/**
 * The same figures as CSV tables, one section after another. The delivery sections
 * use the last five columns (the other sections leave them empty), in French like
 * the rest of the file.
 */
export function figuresCsv(figures: Awaited<ReturnType<typeof getPlatformFigures>>): string {
  const header = ["section", "nom", "valeur", "commandes", "chiffre_affaires_euros", "code_postal", "livrees", "non_livrees", "part_des_commandes_pourcent", "frais_livraison_euros"];
  // Every row as wide as the header, so strict CSV readers take the file.
  const pad = (row: string[]) => [...row, ...Array<string>(Math.max(0, header.length - row.length)).fill("")];
  return toCsv([
    header,
    ...figures.shopsByCategory.map((r) => ["commerces_par_categorie", r.name, String(r.value), "", ""]),
    ...figures.shopsByCommune.map((r) => ["commerces_par_commune", r.name, String(r.value), "", ""]),
    ...figures.productsPerShop.map((r) => ["produits_par_commerce", r.name, String(r.value), "", ""]),
    ...figures.perDay.map((r) => ["commandes_par_jour", r.day, "", String(r.orders), (r.revenueCents / 100).toFixed(2)]),
    ...figures.perShop.map((r) => ["commandes_par_commerce", r.name, "", String(r.orders), (r.revenueCents / 100).toFixed(2)]),
    ...figures.perCategory.map((r) => ["commandes_par_categorie", r.name, "", String(r.orders), (r.revenueCents / 100).toFixed(2)]),
    ["issues", "retirées", String(figures.outcomes.collected), "", ""],
    ["issues", "annulées", String(figures.outcomes.cancelled), "", ""],
    ["issues", "non retirées", String(figures.outcomes.noShow), "", ""],
    ...figures.busiestSlots.map((r) => ["creneaux_les_plus_demandes", r.name, String(r.value), "", ""]),
    ...figures.deliveriesPerCommune.map((r) => ["livraisons_par_commune", r.name ?? "commune supprimée", "", String(r.orders), "", r.postalCode ?? "", String(r.delivered), String(r.notDelivered), "", euros(r.feesCents)]),
    ...figures.deliveriesPerShop.map((r) => ["livraisons_par_commerce", r.name, "", String(r.orders), "", "", String(r.delivered), String(r.notDelivered), String(r.sharePercent), euros(r.feesCents)]),
    // Stock reliability (issue #24): "valeur" is the rate in percent, "commandes" what it is out of (lines, or orders).
    ...figures.changesPerShop.map((r) => ["lignes_manquantes_pourcent", r.name, String(r.missingPercent), String(r.lines)]),
    ...figures.changesPerShop.map((r) => ["lignes_incompletes_pourcent", r.name, String(r.shortPercent), String(r.lines)]),
    ...figures.changesPerShop.map((r) => ["lignes_remplacees_pourcent", r.name, String(r.substitutedPercent), String(r.lines)]),
    ...figures.changesPerShop.map((r) => ["commandes_reprogrammees", r.name, String(r.rescheduledOrders), String(r.orders)]),
  ].map(pad));
}
