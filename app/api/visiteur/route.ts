import { getActor } from "@/lib/auth/session";
import { visitorCartCount } from "@/lib/cart/visitor";

export const dynamic = "force-dynamic";

/**
 * The visitor's own header bits (signed in, shopkeeper, basket count), read by
 * the header's client island so that the pages themselves hold no visitor data
 * and can be cached. Never cached, never shared.
 */
export async function GET() {
  const [actor, cartCount] = await Promise.all([getActor(), visitorCartCount()]);
  return Response.json(
    { signedIn: actor.kind === "user", isShopkeeper: actor.kind === "user" && actor.memberships.length > 0, cartCount },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
