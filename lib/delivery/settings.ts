import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError } from "@/lib/errors";
import { deliverySettingsInput } from "./settings-input";

/** The delivery editor's data: whether the shop delivers, its thresholds, and every commune of its town with its fee. */
export async function getDeliverySettings(db: PrismaClient, request: { actor: Actor; shopId: string }) {
  const member = requireShopMember(request.actor, request.shopId);
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: request.shopId },
    select: {
      territoryId: true,
      deliveryMinimumCents: true,
      deliveryFreeFromCents: true,
      deliveryPoint: { select: { id: true, active: true } },
      deliveryZones: { select: { communeId: true, feeCents: true } },
    },
  });
  const communes = await db.commune.findMany({ where: { territoryId: shop.territoryId }, orderBy: { name: "asc" }, select: { id: true, name: true, postalCode: true } });
  const fees = new Map(shop.deliveryZones.map((zone) => [zone.communeId, zone.feeCents]));
  return {
    canEdit: member.shopRole === "OWNER",
    enabled: shop.deliveryPoint?.active === true,
    pointId: shop.deliveryPoint?.id ?? null,
    minimumCents: shop.deliveryMinimumCents,
    freeFromCents: shop.deliveryFreeFromCents,
    communes: communes.map((commune) => ({ ...commune, feeCents: fees.get(commune.id) ?? null })),
  };
}

/**
 * The owner turns delivery on or off and sets its zone (communes of the shop's own town, each with its fee) and
 * thresholds. Turning it on creates the shop's delivery point, which carries the delivery slots' weekly rules,
 * closures and counters in the same schedule engine as pickups; turning it off only hides it (booked deliveries
 * keep their slot).
 */
export async function saveDeliverySettings(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const input = deliverySettingsInput.parse(request.input);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { territoryId: true, addressLine: true, postalCode: true, city: true, latitude: true, longitude: true } });
  const communeIds = input.zones.map((zone) => zone.communeId);
  const known = await db.commune.count({ where: { id: { in: communeIds }, territoryId: shop.territoryId } });
  if (known !== communeIds.length) throw new DomainError("invalidInput", "commune of another territory", { reason: "communeNotInTerritory", field: "zones" });
  return db.$transaction(async (tx) => {
    // First statement, the shop's row updated (so locked): two saves at once (two tabs, two owners) take turns,
    // and the second replaces the first's zones instead of colliding with them.
    await tx.shop.update({ where: { id: request.shopId }, data: { deliveryMinimumCents: input.minimum ?? 0, deliveryFreeFromCents: input.freeFrom } });
    await tx.deliveryZone.deleteMany({ where: { shopId: request.shopId } });
    await tx.deliveryZone.createMany({ data: input.zones.map((zone) => ({ shopId: request.shopId, communeId: zone.communeId, feeCents: zone.fee })) });
    const point = await tx.pickupPoint.upsert({
      where: { deliveryShopId: request.shopId },
      update: { active: input.enabled },
      create: {
        territoryId: shop.territoryId,
        kind: "DELIVERY",
        deliveryShopId: request.shopId,
        name: "Livraison à domicile",
        addressLine: shop.addressLine,
        postalCode: shop.postalCode,
        city: shop.city,
        latitude: shop.latitude,
        longitude: shop.longitude,
        active: input.enabled,
      },
      select: { id: true, active: true },
    });
    return { pointId: point.id, enabled: point.active };
  });
}
