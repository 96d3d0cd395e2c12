import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queueEmail } from "@/lib/notifications/outbox";
import { createInvitation } from "@/lib/shops/invitations";
import { slugify } from "@/lib/text/slugify";
import { audit } from "./audit";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";

export const reviewInput = z.object({
  applicationId: z.string().min(1).max(64),
  decision: z.enum(["approve", "reject", "requestChanges"]),
  note: z.string().trim().max(1000).optional(),
});

const shopSlug = (name: string) => slugify(name) || "commerce";

/** Applications of the admin's territory, newest first, optionally one status. */
export async function listApplications(db: PrismaClient, request: { actor: Actor; territoryId: string; status?: unknown }) {
  requireAdmin(request.actor, request.territoryId);
  const status = z.enum(["SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REJECTED"]).optional().catch(undefined).parse(request.status);
  return db.shopApplication.findMany({
    where: { territoryId: request.territoryId, ...(status ? { status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, shopName: true, siret: true, status: true, contactName: true, createdAt: true, category: { select: { nameFr: true } }, commune: { select: { name: true } } },
  });
}

export async function getApplication(db: PrismaClient, request: { actor: Actor; applicationId: string }) {
  const application = await db.shopApplication.findUnique({ where: { id: request.applicationId }, include: { category: true, commune: true } });
  if (!application) throw new NotFoundError("application");
  requireAdmin(request.actor, application.territoryId);
  return application;
}

/**
 * The admin approves (creates the shop, active but unpublished, and invites its
 * owner), rejects or asks for changes. The change, its audit row and the
 * applicant's email share one transaction.
 */
export async function reviewApplication(db: PrismaClient, request: { actor: Actor; input: unknown }) {
  const input = reviewInput.parse(request.input);
  const application = await db.shopApplication.findUnique({ where: { id: input.applicationId }, include: { commune: true, territory: { select: { name: true } } } });
  if (!application) throw new NotFoundError("application");
  requireAdmin(request.actor, application.territoryId);
  if (application.status === "APPROVED" || application.status === "REJECTED") throw new DomainError("conflict", "already decided", { reason: "applicationDecided" });
  if (input.decision !== "approve" && !input.note) throw new DomainError("invalidInput", "a note is required", { reason: "reasonRequired", field: "note" });

  const outcome = await db.$transaction(async (tx) => {
    const claimed = await tx.shopApplication.updateMany({
      where: { id: application.id, status: application.status },
      data: { status: input.decision === "approve" ? "APPROVED" : input.decision === "reject" ? "REJECTED" : "CHANGES_REQUESTED", reviewNote: input.note ?? null },
    });
    if (claimed.count === 0) throw new DomainError("conflict", "changed meanwhile", { reason: "orderChanged" });
    let invitationUrl: string | null = null;
    if (input.decision === "approve") {
      const taken = await tx.shop.count({ where: { territoryId: application.territoryId, slug: { startsWith: shopSlug(application.shopName) } } });
      const shop = await tx.shop.create({
        data: {
          territoryId: application.territoryId,
          categoryId: application.categoryId,
          communeId: application.communeId,
          slug: taken ? `${shopSlug(application.shopName)}-${taken + 1}` : shopSlug(application.shopName),
          name: application.shopName,
          status: "ACTIVE",
          siret: application.siret,
          description: application.description,
          addressLine: application.addressLine,
          postalCode: application.postalCode,
          city: application.commune.name,
          latitude: 46.58,
          longitude: 0.34,
          phone: application.contactPhone,
          email: application.contactEmail,
        },
      });
      await tx.pickupPoint.create({
        data: { territoryId: application.territoryId, kind: "SHOP_DOOR", shopId: shop.id, name: shop.name, addressLine: shop.addressLine, postalCode: shop.postalCode, city: shop.city, latitude: shop.latitude, longitude: shop.longitude },
      });
      await tx.shopApplication.update({ where: { id: application.id }, data: { shopId: shop.id } });
      invitationUrl = (await createInvitation(tx, shop.id, application.contactEmail, "OWNER")).url;
    }
    await audit(tx, {
      actor: request.actor,
      territoryId: application.territoryId,
      action: `application.${input.decision}`,
      entityType: "ShopApplication",
      entityId: application.id,
      before: { status: application.status },
      after: { status: input.decision, note: input.note ?? null },
    });
    const lines =
      input.decision === "approve"
        ? [`Bonne nouvelle : la demande de ${application.shopName} est acceptée.`, "Créez votre accès gérant avec ce lien (valable 7 jours), puis ajoutez vos produits et vos créneaux de retrait :", invitationUrl ?? ""]
        : input.decision === "reject"
          ? [`La demande de ${application.shopName} n'a pas été retenue.`, `Motif : ${input.note}`]
          : [`La mairie demande des compléments pour ${application.shopName} :`, input.note ?? "", "", `Suivi : ${await publicUrlOfTerritory(tx, application.territoryId)}/inscription-commerce/suivi/${application.followToken}`];
    await queueEmail(tx, {
      to: application.contactEmail,
      subject: `Votre demande d'inscription sur Comptoir — ${application.territory.name}`,
      text: [`Bonjour ${application.contactName},`, "", ...lines, "", "—", "Comptoir"].join("\n"),
      kind: `application-${input.decision}`,
      territoryId: application.territoryId,
    });
    return { invitationUrl };
  });
  return outcome;
}
