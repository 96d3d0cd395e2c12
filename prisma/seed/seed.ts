import { createPrismaClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from "./accounts";
import { seedDemoActivity } from "./demo-activity";
import { seedShop } from "./seed-shop";
import { OTHER_SHOPS } from "./shops-other";
import { FOOD_SHOPS } from "./shops-food";
import { CATEGORIES, COMMUNES, GRAND_POITIERS, NIORT, RELAY_POINTS } from "./territory-data";

export const DEMO_SHOPS = [...FOOD_SHOPS, ...OTHER_SHOPS];

/**
 * Seeds the demo territory on an empty database; does nothing when a territory exists.
 * The town, its shops and catalogs are fixed; what depends on the day (a running voucher
 * campaign, orders in the coming slots) is computed from `now`.
 */
export async function seedDemoData(url: string, options: { now?: Date } = {}): Promise<string> {
  const now = options.now ?? new Date();
  const db = createPrismaClient(url, { poolSize: 2 });
  try {
    if ((await db.territory.count()) > 0) return "Demo data already present: nothing seeded.";
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const territoryId = await db.$transaction((tx) => seedInTransaction(tx, passwordHash, now), { timeout: 120_000 });
    await seedDemoActivity(db, territoryId, now);
    return `Seeded ${GRAND_POITIERS.name}: ${DEMO_SHOPS.length} shops, ${DEMO_SHOPS.reduce((n, s) => n + s.products.length, 0)} products, ${RELAY_POINTS.length} relay points, a voucher campaign and 2 orders.`;
  } finally {
    await db.$disconnect();
  }
}

async function seedInTransaction(tx: Tx, passwordHash: string, now: Date): Promise<string> {
  const territory = await tx.territory.create({ data: { ...GRAND_POITIERS, status: "LIVE" } });
  const niort = await tx.territory.create({ data: { ...NIORT, status: "PREPARATION" } });
  await tx.commune.createMany({
    data: [
      ...COMMUNES.map((commune) => ({ ...commune, territoryId: territory.id })),
      { territoryId: niort.id, name: "Niort", postalCode: "79000", inseeCode: "79191" },
    ],
  });
  await tx.category.createMany({
    data: [territory.id, niort.id].flatMap((territoryId) =>
      CATEGORIES.map((category, position) => ({ ...category, territoryId, position })),
    ),
  });
  const communes = new Map((await tx.commune.findMany({ where: { territoryId: territory.id } })).map((c) => [c.name, c]));
  const categories = new Map((await tx.category.findMany({ where: { territoryId: territory.id } })).map((c) => [c.slug, c.id]));

  const users = new Map<DemoAccountKey, string>();
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [DemoAccountKey, (typeof DEMO_ACCOUNTS)[DemoAccountKey]][]) {
    const user = await tx.user.create({
      data: {
        email: account.email,
        name: account.name,
        phone: account.phone,
        emailVerified: now,
        passwordHash: account.password ? passwordHash : null,
      },
    });
    users.set(key, user.id);
  }
  await tx.roleGrant.createMany({
    data: [
      { userId: users.get("admin") ?? "", role: "ADMIN", territoryId: territory.id },
      { userId: users.get("operator") ?? "", role: "OPERATOR", territoryId: territory.id },
      { userId: users.get("superAdmin") ?? "", role: "SUPER_ADMIN", territoryId: null },
    ],
  });

  const relayIds = new Map<string, string>();
  for (const relay of RELAY_POINTS) {
    const point = await tx.pickupPoint.create({
      data: {
        territoryId: territory.id,
        kind: "RELAY_POINT",
        name: relay.name,
        addressLine: relay.addressLine,
        postalCode: relay.postalCode,
        city: relay.city,
        latitude: relay.latitude,
        longitude: relay.longitude,
        instructions: relay.instructions,
        capacityPerSlot: relay.capacityPerSlot,
        openingHours: [...relay.openingHours],
      },
    });
    relayIds.set(relay.key, point.id);
  }

  for (const shop of [...FOOD_SHOPS, ...OTHER_SHOPS]) {
    const commune = communes.get(shop.commune);
    const categoryId = categories.get(shop.category);
    if (!commune || !categoryId) throw new Error(`Seed data: unknown commune or category for ${shop.slug}`);
    await seedShop(tx, {
      shop,
      territoryId: territory.id,
      categoryId,
      commune,
      ownerId: shop.owner ? (users.get(shop.owner as DemoAccountKey) ?? null) : null,
      relayIds,
      communeIds: new Map([...communes.values()].map((c) => [c.name, c.id])),
      now,
    });
  }
  return territory.id;
}
