import type { PrismaClient } from "@/generated/prisma/client";

export const CART_COOKIE = "comptoir_cart";

/** Number of items in the visitor's cart (signed-in user's cart, else the guest cookie's). */
export async function countCartItems(db: PrismaClient, owner: { userId: string | null; guestToken: string | null }, territoryId?: string): Promise<number> {
  if (!owner.userId && !owner.guestToken) return 0;
  const result = await db.cartLine.aggregate({
    // A basket is per town: the header of a town's page counts that town's.
    where: { cart: { ...(owner.userId ? { userId: owner.userId } : { guestToken: owner.guestToken }), ...(territoryId ? { territoryId } : {}) } },
    _sum: { quantity: true },
  });
  return result._sum.quantity ?? 0;
}
