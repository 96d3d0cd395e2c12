import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { emailSchema } from "@/lib/auth/email";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queueEmail } from "@/lib/notifications/outbox";
import { assertAllowed, consumeLimits, LIMITS, releaseLimits } from "@/lib/security/rate-limit";
import { addressBucket } from "@/lib/http/client-address";
import { isValidSiret, normalizeSiret } from "./siret";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";

export const applicationInput = z.object({
  shopName: z.string().trim().min(2, "nameRequired").max(120, "nameTooLong"),
  siret: z.string().max(40, "siretInvalid").transform(normalizeSiret).refine(isValidSiret, "siretInvalid"),
  categoryId: z.string().min(1, "categoryRequired").max(64),
  communeId: z.string().min(1, "communeRequired").max(64),
  addressLine: z.string().trim().min(3, "addressRequired").max(200, "textTooLong"),
  postalCode: z.string().trim().regex(/^\d{5}$/, "postalCodeInvalid"),
  contactName: z.string().trim().min(2, "nameRequired").max(100, "nameTooLong"),
  contactEmail: emailSchema,
  contactPhone: z.string().trim().regex(/^[0-9 +().-]{6,20}$/, "phoneInvalid"),
  description: z.string().trim().min(10, "descriptionRequired").max(2000, "textTooLong"),
  pickupOptions: z.array(z.enum(["door", "relay"])).min(1, "pickupOptionRequired"),
});

/**
 * A shopkeeper applies to join a territory. The commune must be one of the
 * territory's and the postcode its own; one application per SIRET and territory.
 * Applications that went through count against the sender's address (a form with
 * mistakes does not), so nobody can flood the admins' review queue.
 */
export async function submitApplication(db: PrismaClient, request: { territorySlug: string; input: unknown; senderIp?: string }) {
  const sender = [{ limit: LIMITS.applicationIp, subject: addressBucket(request.senderIp ?? "unknown") }];
  const input = applicationInput.parse(request.input);
  // Counted before anything is written (one statement: a burst of applications cannot all pass), given back if refused.
  assertAllowed(await consumeLimits(db, sender));
  try {
    return await recordApplication(db, request.territorySlug, input);
  } catch (error) {
    await releaseLimits(db, sender);
    throw error;
  }
}

async function recordApplication(db: PrismaClient, territorySlug: string, input: z.infer<typeof applicationInput>) {
  const territory = await db.territory.findUnique({ where: { slug: territorySlug }, select: { id: true, name: true } });
  if (!territory) throw new NotFoundError("territory");
  const [commune, category, existingShop] = await Promise.all([
    db.commune.findFirst({ where: { id: input.communeId, territoryId: territory.id }, select: { id: true, postalCode: true } }),
    db.category.findFirst({ where: { id: input.categoryId, territoryId: territory.id }, select: { id: true } }),
    db.shop.findFirst({ where: { territoryId: territory.id, siret: input.siret }, select: { id: true } }),
  ]);
  if (!commune) throw new DomainError("invalidInput", "commune outside the territory", { reason: "communeOutside", field: "communeId" });
  if (commune.postalCode !== input.postalCode) throw new DomainError("invalidInput", "postcode does not match the commune", { reason: "postalCodeMismatch", field: "postalCode" });
  if (!category) throw new DomainError("invalidInput", "unknown category", { reason: "categoryRequired", field: "categoryId" });
  if (existingShop) throw new DomainError("conflict", "a shop with this SIRET exists", { reason: "siretAlreadyApplied", field: "siret" });
  const followToken = randomBytes(24).toString("base64url");
  const followUrl = `${await publicUrlOfTerritory(db, territory.id)}/inscription-commerce/suivi/${followToken}`;
  try {
    await db.$transaction(async (tx) => {
      await tx.shopApplication.create({ data: { ...input, territoryId: territory.id, followToken } });
      await queueEmail(tx, {
        to: input.contactEmail,
        subject: `Demande d'inscription reçue — ${input.shopName}`,
        text: [`Bonjour ${input.contactName},`, "", `Nous avons bien reçu la demande d'inscription de ${input.shopName} sur Comptoir — ${territory.name}.`, "La mairie l'étudie et vous répond par e-mail. Suivez son avancement ici :", followUrl, "", "—", "Comptoir"].join("\n"),
        kind: "application-received",
        territoryId: territory.id,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("conflict", "already applied", { reason: "siretAlreadyApplied", field: "siret" });
    }
    throw error;
  }
  return { followToken };
}

/** What the applicant's follow page shows. */
export async function getApplicationStatus(db: PrismaClient, followToken: string) {
  return db.shopApplication.findUnique({
    where: { followToken },
    select: { shopName: true, status: true, reviewNote: true, createdAt: true, updatedAt: true, territory: { select: { name: true } } },
  });
}
