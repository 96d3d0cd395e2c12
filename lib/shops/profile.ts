import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { readOpeningHours } from "@/lib/catalog/opening-hours";
import { DomainError } from "@/lib/errors";
import { hoursToText, shopDetailsInput, shopSettingsInput, toOpeningHours } from "./profile-input";

/** The shop profile editor's data: details, settings, relay points on offer, team and pending invitations. */
export async function getShopProfile(db: PrismaClient, request: { actor: Actor; shopId: string }) {
  const member = requireShopMember(request.actor, request.shopId);
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: request.shopId },
    select: {
      id: true, name: true, description: true, phone: true, email: true, website: true, addressLine: true, postalCode: true, city: true,
      latitude: true, longitude: true, openingHours: true, paymentMethods: true, territoryId: true, photos: true,
      relayPoints: { select: { pickupPointId: true } },
      members: { select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: "asc" } },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, email: true, role: true, expiresAt: true } },
    },
  });
  const relayPoints = await db.pickupPoint.findMany({ where: { territoryId: shop.territoryId, kind: "RELAY_POINT", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, city: true } });
  return { shop: { ...shop, hoursText: hoursToText(readOpeningHours(shop.openingHours)) }, relayPoints, isOwner: member.shopRole === "OWNER", myUserId: member.userId };
}

/** Description, contact, address, position and opening hours, editable by every member of the shop. */
export async function updateShopDetails(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId);
  const input = shopDetailsInput.parse(request.input);
  const openingHours = toOpeningHours(input.hours);
  await db.$transaction([
    db.shop.update({
      where: { id: request.shopId },
      data: { description: input.description, phone: input.phone || null, email: input.email || null, website: input.website || null, addressLine: input.addressLine, latitude: input.latitude, longitude: input.longitude, openingHours },
    }),
    // The door pickup point follows the shop's address and hours.
    db.pickupPoint.updateMany({ where: { shopId: request.shopId, kind: "SHOP_DOOR" }, data: { addressLine: input.addressLine, latitude: input.latitude, longitude: input.longitude, openingHours } }),
  ]);
}

/** Accepted payment methods and relay points served: the owner only. */
export async function updateShopSettings(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const input = shopSettingsInput.parse(request.input);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { territoryId: true, stripeStatus: true } });
  // Online payment needs the shop's payments account to be active (dashboard, Paiements).
  if (input.paymentMethods.includes("ONLINE") && shop.stripeStatus !== "ACTIVE") throw new DomainError("invalidInput", "payments account not active", { reason: "paymentsNotActive" });
  const relays = await db.pickupPoint.findMany({ where: { id: { in: input.relayPointIds }, territoryId: shop.territoryId, kind: "RELAY_POINT" }, select: { id: true } });
  if (relays.length !== new Set(input.relayPointIds).size) throw new DomainError("invalidInput", "unknown relay point", { reason: "relayPointInvalid" });
  await db.$transaction([
    db.shop.update({ where: { id: request.shopId }, data: { paymentMethods: input.paymentMethods } }),
    db.shopRelayPoint.deleteMany({ where: { shopId: request.shopId, pickupPointId: { notIn: input.relayPointIds } } }),
    db.shopRelayPoint.createMany({ data: input.relayPointIds.map((pickupPointId) => ({ shopId: request.shopId, pickupPointId })), skipDuplicates: true }),
  ]);
}
