"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { placeOrders } from "@/lib/orders/place-orders";
import { configuredGateway } from "@/lib/payments/configured";
import { startOnlinePayment } from "@/lib/payments/start-online-payment";
import { now } from "@/lib/time/clock";
import { checkoutInputFromForm } from "@/lib/orders/checkout-form";

/**
 * Places the checkout form's orders (their confirmation emails are queued with
 * them). Orders paid online wait on the provider's payment page; the others are
 * shown confirmed.
 */
export async function placeOrdersAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const gateway = configuredGateway();
  const result = await runAction(async () => {
    const [actor, { owner, territoryId }] = await Promise.all([getActor(), visitorCartOwner({ create: true })]);
    return placeOrders(db(), { actor, owner, territoryId, input: checkoutInputFromForm(form), onBehalfOfCaller: form.flag("onBehalfOfCaller", "1"), onlinePayment: gateway !== null });
  });
  if (!result.ok) return result;
  const confirmation = `/commandes/confirmation/${result.data.checkoutId}?t=${result.data.accessToken}`;
  // No provider call inside the order's transaction: the payment page comes after it committed.
  const page = gateway ? await startOnlinePayment(db(), gateway, { checkoutId: result.data.checkoutId, now: now() }).catch((error: unknown) => {
    console.error("The payment page could not be created:", error);
    return "unavailable" as const;
  }) : null;
  if (page === "unavailable") redirect(`${confirmation}&paiement=indisponible`);
  redirect(page ? page.url : confirmation);
}
