"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { resumeCheckoutPayment, resumeOrderPayment } from "@/lib/payments/checkout-payment";
import { configuredGateway } from "@/lib/payments/configured";
import { now } from "@/lib/time/clock";

/** Back to the payment page of a checkout still awaiting payment. */
export async function resumePaymentAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const gateway = configuredGateway();
    if (!gateway) throw new DomainError("conflict", "online payment is not available", { reason: "paymentUnavailable" });
    const request = { actor: await getActor(), token: form.optional("token"), now: now() };
    const orderId = form.optional("orderId");
    return orderId ? resumeOrderPayment(db(), gateway, { ...request, orderId }) : resumeCheckoutPayment(db(), gateway, { ...request, checkoutId: form.text("checkoutId") });
  });
  if (!result.ok) return result;
  redirect(result.data.url);
}
