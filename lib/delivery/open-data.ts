import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { toCsv } from "@/lib/catalog/csv-format";
import { publishedShop } from "@/lib/catalog/published";
import { toLocal } from "@/lib/time/zoned";

/**
 * A town's home deliveries as open data (issue #15): counts per commune delivered
 * to and per shop, never an order, an address or a person. Only finished
 * deliveries count, so published figures never move back: "delivered" are the
 * orders handed over (COLLECTED), "not delivered" the ones nobody took (NO_SHOW);
 * cancelled and pending orders count nowhere. Shops appear while they are
 * published, like in the directory; a commune deleted since keeps its deliveries
 * in a row with no name.
 */
export type OpenDeliveryCounts = { delivered: number; notDelivered: number };

export type OpenDeliveries = {
  /** The first day with a counted delivery and the day of the figures (the town's time); null before any delivery */
  from: string | null;
  to: string;
  perCommune: ({ commune: string | null; postalCode: string | null; inseeCode: string | null } & OpenDeliveryCounts)[];
  perShop: ({ shop: string; category: string } & OpenDeliveryCounts)[];
};

type Counted = { status: string; _count: { _all: number } };

function add(map: Map<string, OpenDeliveryCounts>, key: string, row: Counted) {
  const counts = map.get(key) ?? { delivered: 0, notDelivered: 0 };
  if (row.status === "COLLECTED") counts.delivered += row._count._all;
  else counts.notDelivered += row._count._all;
  map.set(key, counts);
}

export async function publicDeliveries(db: PrismaClient, territorySlug: string, now = new Date()): Promise<OpenDeliveries> {
  const where = { territory: { slug: territorySlug }, pickupPoint: { kind: "DELIVERY" }, status: { in: ["COLLECTED", "NO_SHOW"] } } satisfies Prisma.OrderWhereInput;
  const [byCommune, byShop, first] = await Promise.all([
    db.order.groupBy({ by: ["deliveryCommuneId", "status"], where, _count: { _all: true } }),
    db.order.groupBy({ by: ["shopId", "status"], where: { ...where, shop: publishedShop }, _count: { _all: true } }),
    db.order.aggregate({ where, _min: { slotStartsAt: true } }),
  ]);
  const [communes, shops] = await Promise.all([
    db.commune.findMany({ where: { id: { in: byCommune.flatMap((r) => (r.deliveryCommuneId ? [r.deliveryCommuneId] : [])) } }, select: { id: true, name: true, postalCode: true, inseeCode: true } }),
    db.shop.findMany({ where: { id: { in: byShop.map((r) => r.shopId) } }, select: { id: true, name: true, category: { select: { nameFr: true } } } }),
  ]);
  const communeCounts = new Map<string, OpenDeliveryCounts>();
  for (const row of byCommune) add(communeCounts, row.deliveryCommuneId ?? "", row);
  const shopCounts = new Map<string, OpenDeliveryCounts>();
  for (const row of byShop) add(shopCounts, row.shopId, row);
  const communeById = new Map(communes.map((c) => [c.id, c]));
  const byName = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, "fr"));
  return {
    from: first._min.slotStartsAt ? toLocal(first._min.slotStartsAt).date : null,
    to: toLocal(now).date,
    perCommune: [...communeCounts.entries()]
      .map(([id, counts]) => {
        const commune = communeById.get(id);
        return { commune: commune?.name ?? null, postalCode: commune?.postalCode ?? null, inseeCode: commune?.inseeCode ?? null, ...counts };
      })
      .sort((a, b) => byName(a.commune, b.commune)),
    perShop: shops.map((s) => ({ shop: s.name, category: s.category.nameFr, ...(shopCounts.get(s.id) ?? { delivered: 0, notDelivered: 0 }) })).sort((a, b) => byName(a.shop, b.shop)),
  };
}

/** One table: a row per commune, then a row per shop (the first column says which), over the same days. */
export function deliveriesCsv(deliveries: OpenDeliveries): string {
  const period = [deliveries.from ?? "", deliveries.to];
  return toCsv([
    ["section", "nom", "code_postal", "code_insee", "categorie", "livrees", "non_livrees", "du", "au"],
    ...deliveries.perCommune.map((c) => ["commune", c.commune ?? "", c.postalCode ?? "", c.inseeCode ?? "", "", c.delivered, c.notDelivered, ...period]),
    ...deliveries.perShop.map((s) => ["commerce", s.shop, "", "", s.category, s.delivered, s.notDelivered, ...period]),
  ]);
}
