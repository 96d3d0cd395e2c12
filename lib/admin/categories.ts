import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { slugify } from "@/lib/text/slugify";
import { audit } from "./audit";

export const ICONS = ["store", "heart-pulse", "book-open", "croissant", "wrench", "puzzle", "flower", "shirt", "bike", "coffee"] as const;

const categoryInput = z.object({
  nameFr: z.string().trim().min(2, "nameRequired").max(60, "nameTooLong"),
  nameEn: z.string().trim().min(2, "nameRequired").max(60, "nameTooLong"),
  icon: z.enum(ICONS).catch("store"),
});


export async function listCategories(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  return db.category.findMany({ where: { territoryId: request.territoryId }, orderBy: { position: "asc" }, select: { id: true, slug: true, nameFr: true, nameEn: true, icon: true, position: true, _count: { select: { shops: true } } } });
}

/** Adds a custom category at the end of the list. */
export async function createCategory(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }) {
  requireAdmin(request.actor, request.territoryId);
  const input = categoryInput.parse(request.input);
  const slug = slugify(input.nameFr, 40);
  if (!slug) throw new DomainError("invalidInput", "name without letters", { reason: "nameRequired" });
  return db.$transaction(async (tx) => {
    if (await tx.category.findFirst({ where: { territoryId: request.territoryId, slug } })) throw new DomainError("conflict", "category exists", { reason: "categoryExists" });
    const last = await tx.category.aggregate({ where: { territoryId: request.territoryId }, _max: { position: true } });
    const category = await tx.category.create({ data: { ...input, slug, territoryId: request.territoryId, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "category.create", entityType: "Category", entityId: category.id, after: { ...input, slug } });
    return category;
  });
}

/** Moves a category one place up or down (swaps positions with its neighbour). */
export async function moveCategory(db: PrismaClient, request: { actor: Actor; territoryId: string; categoryId: string; direction: "up" | "down" }) {
  requireAdmin(request.actor, request.territoryId);
  await db.$transaction(async (tx) => {
    const list = await tx.category.findMany({ where: { territoryId: request.territoryId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    const index = list.findIndex((c) => c.id === request.categoryId);
    if (index === -1) throw new NotFoundError("category");
    const other = list[request.direction === "up" ? index - 1 : index + 1];
    const current = list[index];
    if (!other || !current) return;
    await tx.category.update({ where: { id: current.id }, data: { position: other.position } });
    await tx.category.update({ where: { id: other.id }, data: { position: current.position } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "category.move", entityType: "Category", entityId: current.id, before: { position: current.position }, after: { position: other.position } });
  });
}
