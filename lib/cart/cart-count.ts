import type { PrismaClient } from "@/generated/prisma/client";

export const CART_COOKIE = "comptoir_cart";

/** Number of items in the visitor's cart (signed-in user's cart, else the guest cookie's). */
export async function countCartItems(db: PrismaClient, owner: { userId: string | null; guestToken: string | null }): Promise<number> {
  if (!owner.userId && !owner.guestToken) return 0;
  const result = await db.cartLine.aggregate({
    where: { cart: owner.userId ? { userId: owner.userId } : { guestToken: owner.guestToken } },
    _sum: { quantity: true },
  });
  return result._sum.quantity ?? 0;
}
