import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { audit } from "./audit";

export type Checklist = { profile: boolean; products: boolean; schedule: boolean; payment: boolean };

/** Shops of the territory with their onboarding checklist. */
export async function listTerritoryShops(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  const shops = await db.shop.findMany({
    where: { territoryId: request.territoryId },
    orderBy: [{ publishedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true, name: true, status: true, publishedAt: true, description: true, paymentMethods: true, stripeStatus: true,
      _count: { select: { products: { where: { active: true } }, scheduleRules: true, members: true } },
    },
  });
  return shops.map((shop) => ({
    ...shop,
    checklist: {
      profile: shop.description.trim().length >= 10,
      products: shop._count.products > 0,
      schedule: shop._count.scheduleRules > 0,
      payment: shop.paymentMethods.length > 0,
    } satisfies Checklist,
  }));
}

/** Publishes a shop on the storefront once it has a product and a pickup schedule. */
export async function publishShop(db: PrismaClient, request: { actor: Actor; shopId: string }) {
  const shop = await db.shop.findUnique({
    where: { id: request.shopId },
    select: { id: true, territoryId: true, status: true, publishedAt: true, _count: { select: { products: { where: { active: true } }, scheduleRules: true } } },
  });
  if (!shop) throw new NotFoundError("shop");
  requireAdmin(request.actor, shop.territoryId);
  if (shop.status !== "ACTIVE") throw new DomainError("conflict", "shop not active", { reason: "shopNotActive" });
  if (shop._count.products === 0 || shop._count.scheduleRules === 0) throw new DomainError("conflict", "onboarding incomplete", { reason: "onboardingIncomplete" });
  await db.$transaction(async (tx) => {
    await tx.shop.update({ where: { id: shop.id }, data: { publishedAt: shop.publishedAt ?? new Date() } });
    await audit(tx, { actor: request.actor, territoryId: shop.territoryId, action: "shop.publish", entityType: "Shop", entityId: shop.id, before: { publishedAt: shop.publishedAt?.toISOString() ?? null }, after: { published: true } });
  });
}

/** The territory's audit log, newest first. */
export async function listAuditLog(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  return db.auditLog.findMany({
    where: { territoryId: request.territoryId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { email: true, name: true } } },
  });
}
