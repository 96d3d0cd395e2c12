import { addToCart } from "@/lib/cart/change-cart";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { territoryHref } from "@/lib/territory/href";
import { requestTerritorySite } from "@/lib/territory/site";
import { ZodError } from "zod";

const MAX_BODY_BYTES = 2_000;

/**
 * "Ajouter au panier" without JavaScript: the product form posts here, the item is
 * added (same use case and checks as the server action), and the visitor lands on
 * the basket (303), where a refused quantity shows as the basket's own message.
 * Only from our own pages: another site's form gets 403.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return new Response("Forbidden", { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return new Response("Payload too large", { status: 413 });
  const form = new URLSearchParams(await request.text());
  const back = new URL(territoryHref((await requestTerritorySite())?.base ?? "", "/panier"), "http://comptoir.invalid");
  try {
    const { owner, territoryId } = await visitorCartOwner({ create: true });
    await addToCart(db(), owner, territoryId, { productId: form.get("productId") ?? "", quantity: form.get("quantity") ?? "" });
  } catch (error) {
    if (!(error instanceof ZodError) && !isDomainError(error)) throw error;
    back.searchParams.set("refus", "1");
  }
  return new Response(null, { status: 303, headers: { location: `${back.pathname}${back.search}` } });
}
