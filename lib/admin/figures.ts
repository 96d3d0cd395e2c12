import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { toCsv } from "@/lib/catalog/csv-format";
import { publishedShop } from "@/lib/catalog/published";
import { addDays, fromLocal, toLocal } from "@/lib/time/zoned";

const DAYS = 30;

/**
 * How the platform serves local trade over the last 30 days: shops per category
 * and commune, products per shop, orders and revenue per day, per shop and per
 * category, outcomes (collected / cancelled / not collected) and busiest slots.
 */
export async function getPlatformFigures(db: PrismaClient, request: { actor: Actor; territoryId: string; now?: Date }) {
  requireAdmin(request.actor, request.territoryId);
  const today = toLocal(request.now ?? new Date()).date;
  const since = fromLocal(addDays(today, -(DAYS - 1)), 0) ?? new Date();
  const [shops, orders] = await Promise.all([
    db.shop.findMany({
      where: { territoryId: request.territoryId, ...publishedShop },
      select: { id: true, name: true, category: { select: { nameFr: true } }, commune: { select: { name: true } }, _count: { select: { products: { where: { active: true } } } } },
    }),
    db.order.findMany({
      where: { territoryId: request.territoryId, slotStartsAt: { gte: since } },
      select: { status: true, totalCents: true, slotStartsAt: true, shop: { select: { name: true, category: { select: { nameFr: true } } } } },
    }),
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
  };
}

/** The same figures as CSV tables, one section after another. */
export function figuresCsv(figures: Awaited<ReturnType<typeof getPlatformFigures>>): string {
  return toCsv([
    ["section", "nom", "valeur", "commandes", "chiffre_affaires_euros"],
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
  ]);
}
