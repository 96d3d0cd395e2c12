import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { emailSchema } from "@/lib/auth/email";
import { requireAdmin } from "@/lib/auth/guards";
import { preparePhoto } from "@/lib/catalog/product-photos";
import { DomainError } from "@/lib/errors";
import type { MediaStore } from "@/lib/storage/media-store";
import { AA_NORMAL_TEXT, HEX_COLOUR, primaryColourContrast } from "@/lib/territory/colour";
import { tileUrlSchema } from "@/lib/territory/map-tiles";
import { boundedText } from "@/lib/validation/fields";
import { audit } from "./audit";

const LOGO_SIZE = 256;

/** Optional text: blank means "none" (stored as null). */
const optionalText = (max: number) => boundedText(max).transform((v) => v.trim() || null);

export const identityInput = z
  .object({
  name: z.string().trim().min(2, "nameRequired").max(80, "nameTooLong"),
  welcomeText: optionalText(600),
  primaryColor: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v || null)
    .refine((v) => v === null || HEX_COLOUR.test(v), "colourInvalid"),
  contactEmail: z.string().trim().transform((v) => v || null).pipe(emailSchema.nullable()),
  contactPhone: z.string().trim().regex(/^$|^[0-9 +().-]{6,20}$/, "phoneInvalid").transform((v) => v || null),
  contactAddress: optionalText(200),
  legalPublisher: optionalText(300),
  publicationDirector: optionalText(120),
  mapTileUrl: tileUrlSchema.optional().transform((v) => v ?? null),
  mapAttribution: optionalText(200).optional().transform((v) => v ?? null),
  // RGPD: how long guests' contact details stay on ended orders (the database checks the range too).
  guestRetentionMonths: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .refine((v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 120), "retentionRange"),
  })
  // A tile server's terms ask for its attribution on the map.
  .refine((input) => !input.mapTileUrl || input.mapAttribution, { message: "attributionRequired", path: ["mapAttribution"] });

const IDENTITY_FIELDS = { name: true, welcomeText: true, primaryColor: true, contactEmail: true, contactPhone: true, contactAddress: true, legalPublisher: true, publicationDirector: true, mapTileUrl: true, mapAttribution: true, guestRetentionMonths: true } as const;

/** A town's identity as its admins edit it. */
export async function getTerritoryIdentity(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  return db.territory.findUniqueOrThrow({ where: { id: request.territoryId }, select: { id: true, slug: true, logoKey: true, ...IDENTITY_FIELDS } });
}

/**
 * Saves the town's name, welcome text, colour, contact and legal notice. A colour
 * that would not give text AA contrast (4.5:1) is refused with the measured ratio,
 * so the admin knows how far off it is. The database trigger on Territory then
 * drops the town's cached pages on every instance.
 */
export async function updateTerritoryIdentity(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }) {
  requireAdmin(request.actor, request.territoryId);
  const input = identityInput.parse(request.input);
  if (input.primaryColor) {
    const ratio = primaryColourContrast(input.primaryColor);
    if (ratio < AA_NORMAL_TEXT) throw new DomainError("invalidInput", "colour contrast too low", { reason: "colourContrast", ratio: Math.floor(ratio * 100) / 100, field: "primaryColor" });
  }
  await db.$transaction(async (tx) => {
    const before = await tx.territory.findUniqueOrThrow({ where: { id: request.territoryId }, select: IDENTITY_FIELDS });
    await tx.territory.update({ where: { id: request.territoryId }, data: input });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.identity", entityType: "Territory", entityId: request.territoryId, before, after: input });
  });
}

/** Replaces the town's logo: checked to be an image, resized to 256 px (WebP, metadata stripped); the old file is removed. */
export async function setTerritoryLogo(db: PrismaClient, store: MediaStore, request: { actor: Actor; territoryId: string; bytes: Buffer }) {
  requireAdmin(request.actor, request.territoryId);
  const logo = await preparePhoto(request.bytes, { size: LOGO_SIZE });
  const key = `territories/${request.territoryId}/${randomBytes(9).toString("base64url")}.webp`;
  await store.put(key, logo, "image/webp");
  const previous = await db.$transaction(async (tx) => {
    const before = await tx.territory.findUniqueOrThrow({ where: { id: request.territoryId }, select: { logoKey: true } });
    await tx.territory.update({ where: { id: request.territoryId }, data: { logoKey: key } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.logo", entityType: "Territory", entityId: request.territoryId, before: { logoKey: before.logoKey }, after: { logoKey: key } });
    return before.logoKey;
  });
  if (previous) await store.delete(previous);
  return { key };
}

/** Removes the logo (the site shows Comptoir's mark again). */
export async function removeTerritoryLogo(db: PrismaClient, store: MediaStore, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  const before = await db.territory.findUniqueOrThrow({ where: { id: request.territoryId }, select: { logoKey: true } });
  if (!before.logoKey) return;
  await db.$transaction(async (tx) => {
    await tx.territory.update({ where: { id: request.territoryId }, data: { logoKey: null } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.logo", entityType: "Territory", entityId: request.territoryId, before: { logoKey: before.logoKey }, after: { logoKey: null } });
  });
  await store.delete(before.logoKey);
}
