"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { placeOrders } from "@/lib/orders/place-orders";
import { checkoutInputFromForm } from "@/lib/orders/checkout-form";

/** Places the checkout form's orders (their confirmation emails are queued with them), then shows them. */
export async function placeOrdersAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const [actor, { owner, territoryId }] = await Promise.all([getActor(), visitorCartOwner({ create: true })]);
    return placeOrders(db(), { actor, owner, territoryId, input: checkoutInputFromForm(form), onBehalfOfCaller: form.flag("onBehalfOfCaller", "1") });
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/commandes/confirmation/${result.data.checkoutId}?t=${result.data.accessToken}`);
}
