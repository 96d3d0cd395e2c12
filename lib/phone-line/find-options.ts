import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireOperator } from "@/lib/auth/guards";
import { publishedShop } from "@/lib/catalog/published";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { boundedText } from "@/lib/validation/fields";

/** What the operator types while the caller is on the line: their commune, and their address as a reminder for the checkout. */
export const callerInput = z.object({
  communeId: z.string().trim().min(1, "communeRequired").max(40, "communeRequired"),
  addressLine: boundedText(200)
    .transform((value) => value.trim() || undefined)
    .optional(),
});

export type CallerInput = z.input<typeof callerInput>;

export type FirstSlot = { startsAt: Date; endsAt: Date; remaining: number };

type ShopSummary = { id: string; slug: string; name: string; category: { slug: string; nameFr: string; nameEn: string } };

export type DeliveryOption = {
  shop: ShopSummary;
  feeCents: number;
  /** Delivery is free from this basket (goods only); null = never free */
  freeFromCents: number | null;
  minimumCents: number;
  /** The first delivery slot with a place left; null when none within the shop's horizon */
  firstSlot: FirstSlot | null;
};

export type PickupOption = {
  kind: "RELAY_POINT" | "SHOP_DOOR";
  pointId: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  /** In the caller's commune (a door of a shop located there, or a relay point whose address is there) */
  inCallerCommune: boolean;
  /** The earliest free slot at this point, whichever shop offers it */
  firstSlot: FirstSlot | null;
  /** The shops the caller can order from for this point, soonest first (a door: its own shop) */
  shops: (ShopSummary & { firstSlot: FirstSlot | null })[];
};

/*
 * A town has tens of shops and a handful of relay points: these caps only keep a
 * misconfigured territory from turning one phone call into thousands of queries.
 */
const MAX_SHOPS = 100;
const MAX_RELAY_POINTS = 40;
/**
 * Slot look-ups run a few at a time: each one issues two or three queries at once,
 * and the pool (10 connections) also serves everyone else's requests.
 */
const SLOT_LOOKUPS_AT_ONCE = 3;

const shopSummary = { id: true, slug: true, name: true, category: { select: { slug: true, nameFr: true, nameEn: true } } } as const;

/**
 * The phone line (issue #15): what can serve a caller of this commune, soonest first.
 * - deliveries: published shops whose delivery rounds are on and whose zone has the
 *   commune, with that commune's fee and the first delivery slot with a place left;
 * - pickups: relay points and the doors of shops located in the commune.
 *
 * Ranking of pickups. Communes have no coordinates (nothing is geocoded), so "nearest"
 * is approximated by the commune itself: first what is in the caller's commune (doors
 * of shops there; relay points whose address names the commune), then every other
 * relay point of the territory. Within each group, the soonest free slot first, points
 * without any slot last, then by name. The address is kept for the checkout only.
 */
export async function findServiceForCaller(
  db: PrismaClient,
  request: { actor: Actor; territoryId: string; input: unknown; now?: Date },
) {
  const { territoryId } = request;
  requireOperator(request.actor, territoryId);
  const input = callerInput.parse(request.input);
  const now = request.now ?? new Date();
  const commune = await db.commune.findFirst({ where: { id: input.communeId, territoryId }, select: { id: true, name: true, postalCode: true } });
  if (!commune) throw new DomainError("invalidInput", "commune of another territory", { reason: "communeNotInTerritory", field: "communeId" });

  const [deliveringShops, relayPoints, shopsInCommune] = await Promise.all([
    db.shop.findMany({
      where: { territoryId, ...publishedShop, deliveryPoint: { is: { active: true } }, deliveryZones: { some: { communeId: commune.id } } },
      orderBy: { name: "asc" },
      take: MAX_SHOPS,
      select: {
        ...shopSummary,
        deliveryMinimumCents: true,
        deliveryFreeFromCents: true,
        deliveryPoint: { select: { id: true } },
        deliveryZones: { where: { communeId: commune.id }, select: { feeCents: true } },
      },
    }),
    db.pickupPoint.findMany({
      where: { territoryId, kind: "RELAY_POINT", active: true, servedBy: { some: { shop: { territoryId, ...publishedShop } } } },
      orderBy: { name: "asc" },
      take: MAX_RELAY_POINTS,
      select: {
        id: true,
        name: true,
        addressLine: true,
        postalCode: true,
        city: true,
        servedBy: { where: { shop: { territoryId, ...publishedShop } }, take: MAX_SHOPS, select: { shop: { select: shopSummary } } },
      },
    }),
    db.shop.findMany({
      where: { territoryId, ...publishedShop, communeId: commune.id, doorPoint: { is: { active: true } } },
      orderBy: { name: "asc" },
      take: MAX_SHOPS,
      select: { ...shopSummary, doorPoint: { select: { id: true, name: true, addressLine: true, postalCode: true, city: true } } },
    }),
  ]);

  // One queue for every (shop, point) pair, so the bound on look-ups at once holds for the whole call.
  const firstSlotOf = (shopId: string, pickupPointId: string | undefined) => () => firstFreeSlot(db, shopId, pickupPointId, now);
  const lookups = [
    ...deliveringShops.map((shop) => firstSlotOf(shop.id, shop.deliveryPoint?.id)),
    ...relayPoints.flatMap((point) => point.servedBy.map(({ shop }) => firstSlotOf(shop.id, point.id))),
    ...shopsInCommune.map((shop) => firstSlotOf(shop.id, shop.doorPoint?.id)),
  ];
  const slots = await inBatches(lookups);
  const deliverySlots = slots.splice(0, deliveringShops.length);
  const relaySlots = relayPoints.map((point) => slots.splice(0, point.servedBy.length));
  const doorSlots = slots;

  const deliveries: DeliveryOption[] = deliveringShops.map((shop, index) => ({
    shop: summary(shop),
    feeCents: shop.deliveryZones[0]?.feeCents ?? 0,
    freeFromCents: shop.deliveryFreeFromCents,
    minimumCents: shop.deliveryMinimumCents,
    firstSlot: deliverySlots[index] ?? null,
  }));

  const relayOptions: PickupOption[] = relayPoints.map((point, pointIndex) => {
    const shops = point.servedBy
      .map(({ shop }, shopIndex) => ({ ...summary(shop), firstSlot: relaySlots[pointIndex]?.[shopIndex] ?? null }))
      .sort(bySoonest((s) => s.firstSlot, (s) => s.name));
    return {
      kind: "RELAY_POINT",
      pointId: point.id,
      name: point.name,
      addressLine: point.addressLine,
      postalCode: point.postalCode,
      city: point.city,
      inCallerCommune: isInCommune(point, commune),
      firstSlot: shops[0]?.firstSlot ?? null,
      shops,
    };
  });
  const doorOptions: PickupOption[] = shopsInCommune.flatMap((shop, index) => {
    if (!shop.doorPoint) return [];
    const firstSlot = doorSlots[index] ?? null;
    return [{ kind: "SHOP_DOOR", pointId: shop.doorPoint.id, name: shop.name, addressLine: shop.doorPoint.addressLine, postalCode: shop.doorPoint.postalCode, city: shop.doorPoint.city, inCallerCommune: true, firstSlot, shops: [{ ...summary(shop), firstSlot }] }];
  });

  const soonest = bySoonest<PickupOption>((p) => p.firstSlot, (p) => p.name);
  return {
    commune,
    addressLine: input.addressLine ?? null,
    deliveries: deliveries.sort(bySoonest((d) => d.firstSlot, (d) => d.shop.name)),
    pickups: [...relayOptions, ...doorOptions].sort((a, b) => Number(b.inCallerCommune) - Number(a.inCallerCommune) || soonest(a, b)),
  };
}

export type ServiceForCaller = Awaited<ReturnType<typeof findServiceForCaller>>;

function summary(shop: ShopSummary): ShopSummary {
  return { id: shop.id, slug: shop.slug, name: shop.name, category: shop.category };
}

async function firstFreeSlot(db: PrismaClient, shopId: string, pickupPointId: string | undefined, now: Date): Promise<FirstSlot | null> {
  if (!pickupPointId) return null;
  // listAvailableSlots already leaves out full slots; the earliest start wins whatever order the rules produced.
  const slots = await listAvailableSlots(db, { shopId, pickupPointId, now });
  const first = slots.reduce<(typeof slots)[number] | null>((best, slot) => (slot.remaining > 0 && (!best || slot.startsAt < best.startsAt) ? slot : best), null);
  return first ? { startsAt: first.startsAt, endsAt: first.endsAt, remaining: first.remaining } : null;
}

/** Runs the look-ups a few at a time, keeping their order. */
async function inBatches<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < tasks.length; start += SLOT_LOOKUPS_AT_ONCE) {
    results.push(...(await Promise.all(tasks.slice(start, start + SLOT_LOOKUPS_AT_ONCE).map((task) => task()))));
  }
  return results;
}

/** Soonest slot first, no slot last, then by name (French order). */
function bySoonest<T>(slotOf: (item: T) => FirstSlot | null, nameOf: (item: T) => string) {
  return (a: T, b: T) => {
    const slotA = slotOf(a)?.startsAt.getTime() ?? Infinity;
    const slotB = slotOf(b)?.startsAt.getTime() ?? Infinity;
    if (slotA !== slotB) return slotA < slotB ? -1 : 1;
    return nameOf(a).localeCompare(nameOf(b), "fr");
  };
}

/** "Ligugé", "LIGUGE", "ligugé " → "liguge"; "Saint-Benoît" and "St Benoit" → "saint benoit". */
function normalizePlaceName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/['’\-]/g, " ")
    .replace(/\bst(e?)\b/g, "saint$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether a relay point's address is in the commune: the same name, in the same
 * département (postal codes' first two digits). The name decides, not the postal
 * code: several villages share one, and a large town has several.
 */
function isInCommune(point: { postalCode: string; city: string }, commune: { name: string; postalCode: string }): boolean {
  return normalizePlaceName(point.city) === normalizePlaceName(commune.name) && point.postalCode.trim().slice(0, 2) === commune.postalCode.trim().slice(0, 2);
}

/**
 * The phone line's desk: the territories the actor answers calls for (operator or
 * admin there, as requireOperator allows), the one they chose (else the first by
 * name) and its communes for the caller's commune field. Anyone else: not found.
 */
export async function getPhoneLineDesk(db: PrismaClient, request: { actor: Actor; territorySlug?: string }) {
  const { actor } = request;
  if (actor.kind !== "user") throw new NotFoundError("page");
  const territoryIds = actor.roles.flatMap((grant) => ((grant.role === "OPERATOR" || grant.role === "ADMIN") && grant.territoryId ? [grant.territoryId] : []));
  const territories = await db.territory.findMany({ where: { id: { in: territoryIds } }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
  const territory = territories.find((t) => t.slug === request.territorySlug) ?? territories[0];
  if (!territory) throw new NotFoundError("page");
  requireOperator(actor, territory.id);
  const communes = await db.commune.findMany({ where: { territoryId: territory.id }, orderBy: { name: "asc" }, select: { id: true, name: true, postalCode: true } });
  return { territories, territory, communes };
}
