import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";

const unique = () => randomBytes(4).toString("hex");

/** A minimal live territory with one category and commune, for tests that need a shop. */
export async function createTerritory(db: PrismaClient, slug = `t-${unique()}`) {
  const territory = await db.territory.create({ data: { slug, name: `Territoire ${slug}`, status: "LIVE" } });
  const category = await db.category.create({ data: { territoryId: territory.id, slug: "alimentation", nameFr: "Alimentation", nameEn: "Food" } });
  const commune = await db.commune.create({ data: { territoryId: territory.id, name: "Poitiers", postalCode: "86000" } });
  return { territory, category, commune };
}

/** An active, published shop with its door pickup point. */
export async function createShop(db: PrismaClient, place: Awaited<ReturnType<typeof createTerritory>>, name = `Boutique ${unique()}`) {
  const shop = await db.shop.create({
    data: {
      territoryId: place.territory.id,
      categoryId: place.category.id,
      communeId: place.commune.id,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      name,
      status: "ACTIVE",
      publishedAt: new Date(),
      addressLine: "1 rue du Test",
      postalCode: "86000",
      city: "Poitiers",
      latitude: 46.58,
      longitude: 0.34,
    },
  });
  const door = await db.pickupPoint.create({
    data: {
      territoryId: place.territory.id,
      kind: "SHOP_DOOR",
      shopId: shop.id,
      name,
      addressLine: "1 rue du Test",
      postalCode: "86000",
      city: "Poitiers",
      latitude: 46.58,
      longitude: 0.34,
    },
  });
  return { shop, door };
}

/** A weekly door schedule every day of the week, so tests find slots whatever today is. */
export async function openEveryDay(
  db: PrismaClient,
  shopId: string,
  pickupPointId: string,
  overrides: { capacityPerSlot?: number; slotMinutes?: number; leadTimeMinutes?: number } = {},
) {
  await db.pickupScheduleRule.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      shopId,
      pickupPointId,
      weekday,
      opensAtMinute: 0,
      closesAtMinute: 1440,
      slotMinutes: overrides.slotMinutes ?? 60,
      capacityPerSlot: overrides.capacityPerSlot ?? 10,
      leadTimeMinutes: overrides.leadTimeMinutes ?? 0,
      sameDayCutoffMinute: null,
      horizonDays: 7,
    })),
  });
}

export function guestOwner() {
  return { guestToken: `guest-${unique()}${unique()}` };
}

/** A new user who is a member (owner or staff) of the shop, as the actor use cases receive. */
export async function shopMemberActor(db: PrismaClient, shopId: string, role: "OWNER" | "STAFF"): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${unique()}${unique()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role } });
  return loadActor(db, user.id);
}
