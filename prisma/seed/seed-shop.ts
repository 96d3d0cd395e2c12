import type { Tx } from "@/lib/db/client";
import type { SeedShop } from "./shop-types";
import { RELAY_POINTS } from "./territory-data";

const DOOR_WEEKDAYS = [2, 3, 4, 5, 6]; // Tuesday to Saturday
const DOOR_PERIODS = [
  { opensAtMinute: 9 * 60, closesAtMinute: 12 * 60 + 30 },
  { opensAtMinute: 14 * 60 + 30, closesAtMinute: 19 * 60 },
];

function openingHours() {
  return DOOR_WEEKDAYS.flatMap((weekday) => [
    { weekday, opens: "09:00", closes: "12:30" },
    { weekday, opens: "14:30", closes: "19:00" },
  ]);
}

/** Creates one demo shop with its door, relay points, schedule and catalog. */
export async function seedShop(
  tx: Tx,
  input: {
    shop: SeedShop;
    territoryId: string;
    categoryId: string;
    commune: { id: string; name: string; postalCode: string };
    ownerId: string | null;
    relayIds: Map<string, string>;
    /** The territory's communes by name, for the delivery zone */
    communeIds?: Map<string, string>;
    /** When the demo is seeded: the shops are published then */
    now: Date;
  },
): Promise<void> {
  const { shop, territoryId, categoryId, commune, ownerId, relayIds, communeIds = new Map<string, string>(), now } = input;
  const created = await tx.shop.create({
    data: {
      territoryId,
      categoryId,
      communeId: commune.id,
      slug: shop.slug,
      name: shop.name,
      status: "ACTIVE",
      publishedAt: now,
      description: shop.description,
      addressLine: shop.addressLine,
      postalCode: commune.postalCode,
      city: commune.name,
      latitude: shop.latitude,
      longitude: shop.longitude,
      phone: shop.phone,
      email: `contact@${shop.slug}.example.fr`,
      openingHours: openingHours(),
      deliveryMinimumCents: shop.delivery?.minimumCents ?? 0,
      deliveryFreeFromCents: shop.delivery?.freeFromCents ?? null,
      paymentMethods: shop.acceptsOnline ? ["PAY_AT_PICKUP", "ONLINE"] : ["PAY_AT_PICKUP"],
      // Demo shops taking online payment come onboarded: the Stripe double knows every acct_demo_… account.
      ...(shop.acceptsOnline ? { stripeAccountId: `acct_demo_${shop.slug}`, stripeStatus: "ACTIVE" as const } : {}),
    },
  });
  if (ownerId) await tx.shopMember.create({ data: { shopId: created.id, userId: ownerId, role: "OWNER" } });

  const door = await tx.pickupPoint.create({
    data: {
      territoryId,
      kind: "SHOP_DOOR",
      shopId: created.id,
      name: shop.name,
      addressLine: shop.addressLine,
      postalCode: commune.postalCode,
      city: commune.name,
      latitude: shop.latitude,
      longitude: shop.longitude,
      openingHours: openingHours(),
    },
  });
  const rules: { shopId: string; pickupPointId: string; weekday: number; opensAtMinute: number; closesAtMinute: number; slotMinutes: number; capacityPerSlot: number; leadTimeMinutes: number; sameDayCutoffMinute: number | null; horizonDays: number }[] = DOOR_WEEKDAYS.flatMap((weekday) =>
    DOOR_PERIODS.map((period) => ({
      shopId: created.id,
      pickupPointId: door.id,
      weekday,
      ...period,
      slotMinutes: 30,
      capacityPerSlot: 4,
      leadTimeMinutes: 60,
      sameDayCutoffMinute: 17 * 60,
      horizonDays: 14,
    })),
  );
  for (const key of shop.relays) {
    const relay = RELAY_POINTS.find((r) => r.key === key);
    const pickupPointId = relayIds.get(key);
    if (!relay || !pickupPointId) throw new Error(`Seed data: unknown relay point ${key}`);
    await tx.shopRelayPoint.create({ data: { shopId: created.id, pickupPointId } });
    for (const weekday of relay.weekdays) {
      rules.push({
        shopId: created.id,
        pickupPointId,
        weekday,
        opensAtMinute: relay.opensAtMinute,
        closesAtMinute: relay.closesAtMinute,
        slotMinutes: 60,
        capacityPerSlot: 3,
        leadTimeMinutes: 180,
        sameDayCutoffMinute: 12 * 60,
        horizonDays: 14,
      });
    }
  }
  if (shop.delivery) {
    const point = await tx.pickupPoint.create({
      data: { territoryId, kind: "DELIVERY", deliveryShopId: created.id, name: "Livraison à domicile", addressLine: shop.addressLine, postalCode: commune.postalCode, city: commune.name, latitude: shop.latitude, longitude: shop.longitude },
    });
    await tx.deliveryZone.createMany({
      data: shop.delivery.zones.map(([name, feeCents]) => {
        const communeId = communeIds.get(name);
        if (!communeId) throw new Error(`Seed data: unknown commune ${name}`);
        return { shopId: created.id, communeId, feeCents };
      }),
    });
    // Two rounds a day, Tuesday to Saturday: late morning and early evening.
    for (const weekday of DOOR_WEEKDAYS) {
      for (const [opensAtMinute, closesAtMinute] of [[10 * 60, 12 * 60], [17 * 60, 19 * 60]] as const) {
        rules.push({ shopId: created.id, pickupPointId: point.id, weekday, opensAtMinute, closesAtMinute, slotMinutes: 120, capacityPerSlot: 6, leadTimeMinutes: 180, sameDayCutoffMinute: null, horizonDays: 14 });
      }
    }
  }
  await tx.pickupScheduleRule.createMany({ data: rules });
  await tx.product.createMany({
    data: shop.products.map(([name, priceCents, stock, section, unit, vatRateBp, pieceGrams], index) => ({
      shopId: created.id,
      sku: `${shop.slug.slice(0, 12).toUpperCase()}-${String(index + 1).padStart(3, "0")}`,
      name,
      priceCents,
      stock,
      section,
      unit,
      vatRateBp,
      soldByWeight: pieceGrams !== undefined,
      pieceGrams: pieceGrams ?? null,
      description: `${name} — ${shop.name}.`,
    })),
  });
}
