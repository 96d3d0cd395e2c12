"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { requestClient } from "@/lib/http/request-client";
import { log } from "@/lib/log/logger";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { configuredGateway } from "@/lib/payments/configured";
import { startOnlinePayment } from "@/lib/payments/start-online-payment";
import { now } from "@/lib/time/clock";
import { checkoutInputFromForm } from "@/lib/orders/checkout/checkout-form";
import { territoryHref } from "@/lib/territory/href";
import { requestTerritorySite } from "@/lib/territory/site";

/**
 * Places the checkout form's orders (their confirmation emails are queued with
 * them) and says where the customer goes next: the provider's payment page for
 * orders paid online, else the confirmation. The form navigates there itself: a
 * redirect from the action would make the server render the next page inside
 * the order's request (an internal fetch, rendered and compressed twice).
 */
export async function placeOrdersAction(_previous: ActionResult<{ next: string }>, formData: FormData): Promise<ActionResult<{ next: string }>> {
  const form = formFields(formData);
  const gateway = configuredGateway();
  const result = await runAction(async () => {
    const [actor, { owner, territoryId }, client] = await Promise.all([getActor(), visitorCartOwner({ create: true }), requestClient()]);
    return placeOrders(db(), { now: new Date(), actor, owner, territoryId, input: checkoutInputFromForm(form), onBehalfOfCaller: form.flag("onBehalfOfCaller", "1"), onlinePayment: gateway !== null, clientIp: client.ip });
    // The form's idempotency key makes a second run return the first one's orders.
  }, { idempotent: true });
  if (!result.ok) return result;
  const base = (await requestTerritorySite())?.base ?? "";
  const confirmation = territoryHref(base, `/commandes/confirmation/${result.data.checkoutId}?t=${result.data.accessToken}`);
  // No provider call inside the order's transaction: the payment page comes after it committed.
  const page = gateway ? await startOnlinePayment(db(), gateway, { checkoutId: result.data.checkoutId, now: now() }).catch((error: unknown) => {
    log().error({ err: error, kind: "action" }, "the payment page could not be created");
    return "unavailable" as const;
  }) : null;
  const next = page === "unavailable" ? `${confirmation}&paiement=indisponible` : page ? page.url : confirmation;
  return { ok: true, data: { next } };
}
