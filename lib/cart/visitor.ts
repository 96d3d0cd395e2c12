import "server-only";
import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { CART_COOKIE, countCartItems } from "./cart-count";

/** Number of items in the current visitor's cart, for the header badge. */
export async function visitorCartCount(): Promise<number> {
  const actor = await getActor();
  const guestToken = (await cookies()).get(CART_COOKIE)?.value ?? null;
  return countCartItems(db(), { userId: actor.kind === "user" ? actor.userId : null, guestToken });
}
