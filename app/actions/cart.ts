"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { addToCart, setCartQuantity } from "@/lib/cart/change-cart";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";

/** Adds a product to the visitor's cart (a guest gets a cart cookie). */
export async function addToCartAction(_previous: ActionResult<number>, formData: FormData): Promise<ActionResult<number>> {
  const result = await runAction(async () => {
    const { owner, territoryId } = await visitorCartOwner({ create: true });
    return addToCart(db(), owner, territoryId, { productId: formData.get("productId"), quantity: formData.get("quantity") });
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** Changes a cart line's quantity (0 removes it). */
export async function setCartQuantityAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const { owner, territoryId } = await visitorCartOwner({ create: true });
    await setCartQuantity(db(), owner, territoryId, { productId: formData.get("productId"), quantity: formData.get("quantity") });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
