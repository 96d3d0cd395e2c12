import "server-only";
import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { requestTerritory } from "@/lib/territory/request";
import { CART_COOKIE, countCartItems } from "./cart-count";
import type { CartOwner } from "./cart-owner";
import { mergeGuestCart, newGuestToken } from "./change-cart";

const COOKIE_OPTIONS = { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 * 24 * 60 * 60 } as const;

/** Number of items in the current visitor's cart in the request's town, for the header badge. */
export async function visitorCartCount(): Promise<number> {
  const [actor, territory] = await Promise.all([getActor(), requestTerritory()]);
  const guestToken = (await cookies()).get(CART_COOKIE)?.value ?? null;
  return countCartItems(db(), { userId: actor.kind === "user" ? actor.userId : null, guestToken }, territory?.id);
}

/**
 * The current visitor's cart owner. A signed-in visitor who still has a guest
 * cart gets it merged into theirs. With `create` (server actions only), a guest
 * without a cookie gets one.
 */
export async function visitorCartOwner(options: { create?: boolean } = {}): Promise<{ owner: CartOwner; territoryId: string }> {
  const territory = await requestTerritory();
  if (!territory) throw new Error(`The territory of this request does not exist`);
  const [actor, store] = await Promise.all([getActor(), cookies()]);
  let guestToken = store.get(CART_COOKIE)?.value ?? null;
  if (actor.kind === "user") {
    if (guestToken) {
      await mergeGuestCart(db(), actor.userId, guestToken);
      if (options.create) store.delete(CART_COOKIE);
    }
    return { owner: { userId: actor.userId }, territoryId: territory.id };
  }
  if (!guestToken && options.create) {
    guestToken = newGuestToken();
    store.set(CART_COOKIE, guestToken, COOKIE_OPTIONS);
  }
  return { owner: { guestToken }, territoryId: territory.id };
}
