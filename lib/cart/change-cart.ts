import { randomBytes } from "node:crypto";
import { z } from "zod";
import { wholeNumber } from "@/lib/validation/fields";
import type { PrismaClient } from "@/generated/prisma/client";
import { publishedShop } from "@/lib/catalog/published";
import { assertTownOpen } from "@/lib/territory/open";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { cartWhere, type CartOwner } from "./cart-owner";

export const MAX_LINE_QUANTITY = 99;

export const addToCartInput = z.object({
  productId: z.string().min(1).max(64),
  quantity: wholeNumber(0, 1_000_000, "quantityInteger").pipe(z.number().min(1, "quantityPositive").max(MAX_LINE_QUANTITY, "quantityTooLarge")),
});

export const setQuantityInput = z.object({
  productId: z.string().min(1).max(64),
  quantity: wholeNumber(0, 1_000_000, "quantityInteger").pipe(z.number().max(MAX_LINE_QUANTITY, "quantityTooLarge")),
});

export function newGuestToken(): string {
  return randomBytes(24).toString("base64url");
}

async function orderableProduct(db: PrismaClient, productId: string, territoryId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, active: true, shop: { territoryId, ...publishedShop } },
    select: { id: true, stock: true, name: true },
  });
  if (!product) throw new NotFoundError("product");
  return product;
}

function checkStock(product: { stock: number | null }, quantity: number): void {
  if (product.stock !== null && quantity > product.stock) {
    throw new DomainError("conflict", "not enough stock", { reason: "notEnoughStock", available: product.stock });
  }
}

async function ensureCart(db: PrismaClient, owner: CartOwner, territoryId: string): Promise<string> {
  const existing = await db.cart.findFirst({ where: cartWhere(owner, territoryId), select: { id: true } });
  if (existing) return existing.id;
  const created = await db.cart.upsert({
    where: owner.userId ? { territoryId_userId: { territoryId, userId: owner.userId } } : { territoryId_guestToken: { territoryId, guestToken: owner.guestToken ?? "" } },
    create: { territoryId, userId: owner.userId ?? null, guestToken: owner.userId ? null : owner.guestToken },
    update: {},
    select: { id: true },
  });
  return created.id;
}

/** Adds units of a product (checked against its stock); returns the line's new quantity. */
export async function addToCart(db: PrismaClient, owner: CartOwner, territoryId: string, raw: unknown): Promise<number> {
  const input = addToCartInput.parse(raw);
  if (!owner.userId && !owner.guestToken) throw new DomainError("invalidInput", "no cart owner");
  await assertTownOpen(db, territoryId);
  const product = await orderableProduct(db, input.productId, territoryId);
  const cartId = await ensureCart(db, owner, territoryId);
  const current = await db.cartLine.findUnique({ where: { cartId_productId: { cartId, productId: product.id } }, select: { quantity: true } });
  const quantity = (current?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_LINE_QUANTITY) throw new DomainError("invalidInput", "quantity too large", { reason: "quantityTooLarge" });
  checkStock(product, quantity);
  await db.cartLine.upsert({
    where: { cartId_productId: { cartId, productId: product.id } },
    create: { cartId, productId: product.id, quantity },
    update: { quantity },
  });
  return quantity;
}

/** Sets a line's quantity; 0 removes the line. */
export async function setCartQuantity(db: PrismaClient, owner: CartOwner, territoryId: string, raw: unknown): Promise<void> {
  const input = setQuantityInput.parse(raw);
  const cart = await db.cart.findFirst({ where: cartWhere(owner, territoryId), select: { id: true } });
  if (!cart) throw new NotFoundError("cart");
  if (input.quantity === 0) {
    await db.cartLine.deleteMany({ where: { cartId: cart.id, productId: input.productId } });
    return;
  }
  const product = await orderableProduct(db, input.productId, territoryId);
  checkStock(product, input.quantity);
  const updated = await db.cartLine.updateMany({ where: { cartId: cart.id, productId: product.id }, data: { quantity: input.quantity } });
  if (updated.count === 0) throw new NotFoundError("cart line");
}

/** Moves a guest's cart into the user's cart on sign-in (quantities add up, capped), then deletes it. */
export async function mergeGuestCart(db: PrismaClient, userId: string, guestToken: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Every town's guest basket at once: the cookie that names them goes away after.
    const guests = await tx.cart.findMany({ where: { guestToken }, select: { id: true, territoryId: true, lines: { select: { productId: true, quantity: true } } } });
    for (const guest of guests) await mergeInto(tx, userId, guest);
  });
}

async function mergeInto(tx: Tx, userId: string, guest: { id: string; territoryId: string; lines: { productId: string; quantity: number }[] }): Promise<void> {
  const userCart = await tx.cart.upsert({
    where: { territoryId_userId: { territoryId: guest.territoryId, userId } },
    create: { territoryId: guest.territoryId, userId },
    update: {},
    select: { id: true },
  });
  for (const line of guest.lines) {
    const existing = await tx.cartLine.findUnique({ where: { cartId_productId: { cartId: userCart.id, productId: line.productId } }, select: { quantity: true } });
    const quantity = Math.min(MAX_LINE_QUANTITY, (existing?.quantity ?? 0) + line.quantity);
    await tx.cartLine.upsert({
      where: { cartId_productId: { cartId: userCart.id, productId: line.productId } },
      create: { cartId: userCart.id, productId: line.productId, quantity },
      update: { quantity },
    });
  }
  await tx.cart.delete({ where: { id: guest.id } });
}
