import { z } from "zod";
import { decimalNumber, wholeNumber } from "@/lib/validation/fields";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { readOpeningHours } from "@/lib/catalog/opening-hours";
import { DomainError, NotFoundError } from "@/lib/errors";
import { dayHours, hoursToText, toOpeningHours } from "@/lib/shops/profile-input";
import { audit } from "./audit";

export const relayPointInput = z.object({
  id: z.string().max(64).optional().transform((v) => v || undefined),
  name: z.string().trim().min(2, "nameRequired").max(120, "nameTooLong"),
  addressLine: z.string().trim().min(3, "addressRequired").max(200, "textTooLong"),
  postalCode: z.string().trim().regex(/^\d{5}$/, "postalCodeInvalid"),
  city: z.string().trim().min(2, "communeRequired").max(80, "textTooLong"),
  latitude: decimalNumber(-90, 90, "positionInvalid"),
  longitude: decimalNumber(-180, 180, "positionInvalid"),
  instructions: z.string().trim().max(500, "textTooLong").default(""),
  capacityPerSlot: z.union([z.literal(""), wholeNumber(1, 500, "capacityInvalid")]).transform((v) => (v === "" ? null : v)),
  active: z.boolean(),
  hours: z.array(dayHours).length(7),
  shopIds: z.array(z.string().min(1).max(64)).max(500),
});

/** The territory's relay points with the shops serving each. */
export async function listRelayPoints(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  const [points, shops] = await Promise.all([
    db.pickupPoint.findMany({
      where: { territoryId: request.territoryId, kind: "RELAY_POINT" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, addressLine: true, postalCode: true, city: true, latitude: true, longitude: true, instructions: true, capacityPerSlot: true, active: true, openingHours: true, servedBy: { select: { shopId: true } } },
    }),
    db.shop.findMany({ where: { territoryId: request.territoryId, status: { not: "APPLIED" } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { shops, points: points.map((p) => ({ ...p, hoursText: hoursToText(readOpeningHours(p.openingHours)), shopIds: p.servedBy.map((s) => s.shopId) })) };
}

/** Creates or updates a relay point of the admin's territory and which shops serve it; audited. */
export async function saveRelayPoint(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }) {
  requireAdmin(request.actor, request.territoryId);
  const input = relayPointInput.parse(request.input);
  const shops = await db.shop.findMany({ where: { id: { in: input.shopIds }, territoryId: request.territoryId }, select: { id: true } });
  if (shops.length !== new Set(input.shopIds).size) throw new DomainError("invalidInput", "unknown shop", { reason: "shopInvalid" });
  const data = {
    name: input.name,
    addressLine: input.addressLine,
    postalCode: input.postalCode,
    city: input.city,
    latitude: input.latitude,
    longitude: input.longitude,
    instructions: input.instructions,
    capacityPerSlot: input.capacityPerSlot,
    active: input.active,
    openingHours: toOpeningHours(input.hours) as Prisma.InputJsonValue,
  };
  return db.$transaction(async (tx) => {
    let before: Prisma.InputJsonValue | undefined;
    let id = input.id;
    if (id) {
      const existing = await tx.pickupPoint.findFirst({ where: { id, territoryId: request.territoryId, kind: "RELAY_POINT" }, select: { name: true, capacityPerSlot: true, active: true } });
      if (!existing) throw new NotFoundError("relay point");
      before = existing;
      await tx.pickupPoint.update({ where: { id }, data });
    } else {
      id = (await tx.pickupPoint.create({ data: { ...data, territoryId: request.territoryId, kind: "RELAY_POINT" }, select: { id: true } })).id;
    }
    await tx.shopRelayPoint.deleteMany({ where: { pickupPointId: id, shopId: { notIn: input.shopIds } } });
    await tx.shopRelayPoint.createMany({ data: input.shopIds.map((shopId) => ({ shopId, pickupPointId: id })), skipDuplicates: true });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: input.id ? "relayPoint.update" : "relayPoint.create", entityType: "PickupPoint", entityId: id, before, after: { name: data.name, capacityPerSlot: data.capacityPerSlot, active: data.active, shops: input.shopIds.length } });
    return { id };
  });
}
