"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { addToCart, setCartQuantity } from "@/lib/cart/change-cart";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { actionErrorMessage } from "@/lib/i18n/action-error-message";

/** Adds a product to the visitor's cart (a guest gets a cart cookie). */
export async function addToCartAction(_previous: ActionResult<number>, formData: FormData): Promise<ActionResult<number>> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const { owner, territoryId } = await visitorCartOwner({ create: true });
    return addToCart(db(), owner, territoryId, { productId: form.text("productId"), quantity: form.text("quantity") });
  });
  // Nothing to revalidate: the basket page is read per request, the header's count is the browser's (VisitorNav).
  // The error comes translated: the product cards load no translation library.
  return result.ok || !result.error ? result : { ...result, message: await actionErrorMessage(result.error, result.details) };
}

/** Changes a cart line's quantity (0 removes it). */
export async function setCartQuantityAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const { owner, territoryId } = await visitorCartOwner({ create: true });
    await setCartQuantity(db(), owner, territoryId, { productId: form.text("productId"), quantity: form.text("quantity") });
    return undefined;
  });
  if (result.ok) revalidatePath("/[locale]/[territory]/(storefront)/panier", "page");
  return result;
}
