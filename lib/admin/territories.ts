import { z } from "zod";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { emailSchema } from "@/lib/auth/email";
import { requireAdmin, requireSuperAdmin } from "@/lib/auth/guards";
import { DomainError } from "@/lib/errors";
import { DEFAULT_CATEGORIES } from "@/lib/catalog/default-categories";
import { isReservedSlug } from "@/lib/territory/routing";
import { audit } from "./audit";
import { issueTeamInvitation } from "./territory-team";


const communeInput = z.object({ name: z.string().trim().min(2, "communeRequired").max(80, "textTooLong"), postalCode: z.string().trim().regex(/^\d{5}$/, "postalCodeInvalid") });

export const territoryInput = z.object({
  // The slug is also the town's address under the platform (/<slug>): the site's own paths are taken.
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slugInvalid").max(40, "slugInvalid").refine((slug) => !isReservedSlug(slug), "slugReserved"),
  name: z.string().trim().min(2, "nameRequired").max(80, "nameTooLong"),
  communes: z.array(communeInput).min(1, "communeRequired").max(100),
  adminEmails: z.array(emailSchema).max(20),
});

/**
 * A super-admin opens a new territory (in preparation) with its communes, the
 * five standard categories, and invites its admins by email (they join by
 * accepting, signed in with that address), so a neighbouring town joins
 * without a new deployment.
 */
export async function createTerritory(db: PrismaClient, request: { actor: Actor; input: unknown }) {
  const superAdmin = requireSuperAdmin(request.actor);
  const input = territoryInput.parse(request.input);
  try {
    return await db.$transaction(async (tx) => {
      const territory = await tx.territory.create({ data: { slug: input.slug, name: input.name, status: "PREPARATION" }, select: { id: true } });
      await tx.commune.createMany({ data: input.communes.map((c) => ({ ...c, territoryId: territory.id })), skipDuplicates: true });
      await tx.category.createMany({ data: DEFAULT_CATEGORIES.map((c, position) => ({ ...c, position, territoryId: territory.id })) });
      for (const email of input.adminEmails) {
        await issueTeamInvitation(tx, { actor: request.actor, inviter: superAdmin, territory: { id: territory.id, name: input.name }, email, role: "ADMIN" });
      }
      await audit(tx, { actor: request.actor, territoryId: territory.id, action: "territory.create", entityType: "Territory", entityId: territory.id, after: { slug: input.slug, name: input.name, communes: input.communes.length, admins: input.adminEmails } });
      return territory;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("conflict", "slug taken", { reason: "slugTaken", field: "slug" });
    throw error;
  }
}

/** Territories, for the super-admin's console. */
export async function listTerritories(db: PrismaClient, actor: Actor) {
  requireSuperAdmin(actor);
  return db.territory.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, status: true, domains: { orderBy: { host: "asc" }, select: { host: true } }, _count: { select: { communes: true, shops: true } } } });
}

/** Opens a territory in preparation to the public (or takes it back into preparation). */
export async function setTerritoryLive(db: PrismaClient, request: { actor: Actor; territoryId: string; live: boolean }) {
  requireSuperAdmin(request.actor);
  await db.$transaction(async (tx) => {
    const before = await tx.territory.findUniqueOrThrow({ where: { id: request.territoryId }, select: { status: true } });
    await tx.territory.update({ where: { id: request.territoryId }, data: { status: request.live ? "LIVE" : "PREPARATION" } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: request.live ? "territory.open" : "territory.close", entityType: "Territory", entityId: request.territoryId, before, after: { status: request.live ? "LIVE" : "PREPARATION" } });
  });
}

/** A territory admin adds a commune. */
export async function addCommune(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }) {
  requireAdmin(request.actor, request.territoryId);
  const input = communeInput.parse(request.input);
  try {
    return await db.$transaction(async (tx) => {
      const commune = await tx.commune.create({ data: { ...input, territoryId: request.territoryId }, select: { id: true } });
      await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "commune.create", entityType: "Commune", entityId: commune.id, after: input });
      return commune;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("conflict", "commune exists", { reason: "communeExists" });
    throw error;
  }
}
