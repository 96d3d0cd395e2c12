import type { PrismaClient } from "@/generated/prisma/client";
import { priceLine } from "@/lib/catalog/line-pricing";
import { publishedShop } from "@/lib/catalog/published";
import { cartWhere, type CartOwner } from "./cart-owner";

export type CartLineView = {
  lineId: string;
  productId: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceCents: number;
  /** The estimate for a line sold by weight */
  lineTotalCents: number;
  /** The most it may cost (weighed lines at their tolerance) */
  maxLineTotalCents: number;
  /** Sold by weight: about this many grams in all */
  estimatedGrams: number | null;
  /** null = unlimited */
  stock: number | null;
  problem: "unavailable" | "notEnoughStock" | null;
};

export type CartShopGroup = {
  /** paymentMethods: what the shop accepts (ONLINE only once its payments account is active) */
  shop: { id: string; slug: string; name: string; paymentMethods: ("PAY_AT_PICKUP" | "ONLINE")[]; noShowFeeCents: number | null };
  lines: CartLineView[];
  subtotalCents: number;
  maxSubtotalCents: number;
};

export type CartView = { cartId: string | null; groups: CartShopGroup[]; totalCents: number; itemCount: number; hasProblems: boolean };

/** A shop takes online payment only once its payments account is active. */
function acceptedMethods(shop: { paymentMethods: ("PAY_AT_PICKUP" | "ONLINE")[]; stripeStatus: string }): ("PAY_AT_PICKUP" | "ONLINE")[] {
  const methods = shop.paymentMethods.filter((m) => m !== "ONLINE" || shop.stripeStatus === "ACTIVE");
  return methods.length ? methods : ["PAY_AT_PICKUP"];
}

export const emptyCart: CartView = { cartId: null, groups: [], totalCents: 0, itemCount: 0, hasProblems: false };

/**
 * The cart grouped by shop with prices read from the catalog now (never from the
 * client), and each line's problem if its product can no longer be ordered as is.
 */
export async function getCart(db: PrismaClient, owner: CartOwner, territoryId: string): Promise<CartView> {
  const cart = await db.cart.findFirst({
    where: cartWhere(owner, territoryId),
    select: {
      id: true,
      lines: {
        orderBy: { addedAt: "asc" },
        select: {
          id: true,
          quantity: true,
          product: {
            select: {
              id: true,
              name: true,
              unit: true,
              priceCents: true,
              soldByWeight: true,
              pieceGrams: true,
              weightToleranceBp: true,
              stock: true,
              active: true,
              shop: { select: { id: true, slug: true, name: true, paymentMethods: true, stripeStatus: true, noShowFeeCents: true, status: true, publishedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!cart) return emptyCart;
  const groups = new Map<string, CartShopGroup>();
  for (const line of cart.lines) {
    const { product } = line;
    const shopLive = product.shop.status === publishedShop.status && product.shop.publishedAt !== null;
    const problem = !product.active || !shopLive ? "unavailable" : product.stock !== null && product.stock < line.quantity ? "notEnoughStock" : null;
    const group = groups.get(product.shop.id) ?? {
      shop: { id: product.shop.id, slug: product.shop.slug, name: product.shop.name, paymentMethods: acceptedMethods(product.shop), noShowFeeCents: product.shop.noShowFeeCents },
      lines: [],
      subtotalCents: 0,
      maxSubtotalCents: 0,
    };
    const price = priceLine(product, line.quantity);
    const lineTotalCents = price.totalCents;
    group.lines.push({
      lineId: line.id,
      productId: product.id,
      name: product.name,
      unit: product.unit,
      quantity: line.quantity,
      unitPriceCents: product.priceCents,
      lineTotalCents,
      maxLineTotalCents: price.maxTotalCents,
      estimatedGrams: price.estimatedGrams,
      stock: product.stock,
      problem,
    });
    group.subtotalCents += lineTotalCents;
    group.maxSubtotalCents += price.maxTotalCents;
    groups.set(product.shop.id, group);
  }
  const list = [...groups.values()];
  return {
    cartId: cart.id,
    groups: list,
    totalCents: list.reduce((sum, g) => sum + g.subtotalCents, 0),
    itemCount: list.reduce((sum, g) => sum + g.lines.reduce((n, l) => n + l.quantity, 0), 0),
    hasProblems: list.some((g) => g.lines.some((l) => l.problem !== null)),
  };
}
