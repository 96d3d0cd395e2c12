import { z } from "zod";
import { boundedText, wholeNumber } from "@/lib/validation/fields";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { productFields, toProductData } from "./product-input";

const listFilters = z.object({
  q: boundedText(100).trim().optional().catch(undefined),
  show: z.enum(["all", "available", "unavailable", "low", "archived"]).catch("all"),
});

/** The shop's catalog for its dashboard, with search and filters (low stock, availability, archive). */
export async function listShopProducts(db: PrismaClient, request: { actor: Actor; shopId: string; filters?: unknown }) {
  requireShopMember(request.actor, request.shopId);
  const filters = listFilters.parse(request.filters ?? {});
  const products = await db.product.findMany({
    where: {
      shopId: request.shopId,
      archivedAt: filters.show === "archived" ? { not: null } : null,
      ...(filters.show === "available" ? { active: true } : filters.show === "unavailable" ? { active: false } : {}),
      ...(filters.q ? { OR: [{ name: { contains: filters.q, mode: "insensitive" } }, { sku: { contains: filters.q, mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ section: "asc" }, { name: "asc" }],
    take: 2000,
    select: { id: true, sku: true, name: true, section: true, priceCents: true, unit: true, stock: true, lowStockAlert: true, active: true, archivedAt: true },
  });
  const isLow = (p: { stock: number | null; lowStockAlert: number }) => p.stock !== null && p.stock <= p.lowStockAlert;
  return { filters, products: (filters.show === "low" ? products.filter(isLow) : products).map((p) => ({ ...p, low: isLow(p) })) };
}

function skuConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new DomainError("conflict", "SKU already used", { reason: "skuTaken", field: "sku" });
  }
  throw error;
}

export async function createProduct(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId);
  const data = toProductData(productFields.parse(request.input));
  return db.product.create({ data: { ...data, shopId: request.shopId }, select: { id: true } }).catch(skuConflict);
}

export async function updateProduct(db: PrismaClient, request: { actor: Actor; shopId: string; productId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId);
  const data = toProductData(productFields.parse(request.input));
  const updated = await db.product.updateMany({ where: { id: request.productId, shopId: request.shopId }, data }).catch(skuConflict);
  if (updated.count === 0) throw new NotFoundError("product");
}

/** Archiving hides the product for good (it stays on past orders); unarchiving brings it back unavailable. */
export async function setArchived(db: PrismaClient, request: { actor: Actor; shopId: string; productId: string; archived: boolean }) {
  requireShopMember(request.actor, request.shopId);
  const updated = await db.product.updateMany({
    where: { id: request.productId, shopId: request.shopId },
    data: request.archived ? { archivedAt: new Date(), active: false } : { archivedAt: null, active: false },
  });
  if (updated.count === 0) throw new NotFoundError("product");
}

const stockInput = z.object({
  productId: z.string().min(1).max(64),
  // The quick stock field shows "unlimited" as its placeholder: left blank, it means unlimited.
  stock: z.union([z.literal("unlimited"), z.literal("").transform(() => "unlimited" as const), wholeNumber(0, 100_000, "stockInvalid")]),
});

/** Quick stock edit from the list (a number, or "unlimited"). */
export async function setStock(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId);
  const input = stockInput.parse(request.input);
  const updated = await db.product.updateMany({
    where: { id: input.productId, shopId: request.shopId, archivedAt: null },
    data: { stock: input.stock === "unlimited" ? null : input.stock },
  });
  if (updated.count === 0) throw new NotFoundError("product");
}

const availabilityInput = z.object({ productIds: z.array(z.string().min(1).max(64)).min(1, "selectProducts").max(2000), active: z.boolean() });

/** Bulk "available today / unavailable" for selected products of the shop only. */
export async function setAvailability(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }): Promise<number> {
  requireShopMember(request.actor, request.shopId);
  const input = availabilityInput.parse(request.input);
  const updated = await db.product.updateMany({ where: { id: { in: input.productIds }, shopId: request.shopId, archivedAt: null }, data: { active: input.active } });
  return updated.count;
}

/** One product of the shop, for its edit form. */
export async function getShopProduct(db: PrismaClient, request: { actor: Actor; shopId: string; productId: string }) {
  requireShopMember(request.actor, request.shopId);
  return db.product.findFirst({ where: { id: request.productId, shopId: request.shopId } });
}
