"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { resumeCheckoutPayment } from "@/lib/payments/checkout-payment";
import { configuredGateway } from "@/lib/payments/configured";
import { now } from "@/lib/time/clock";

/** Back to the payment page of a checkout still awaiting payment. */
export async function resumePaymentAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const gateway = configuredGateway();
    if (!gateway) throw new DomainError("conflict", "online payment is not available", { reason: "paymentUnavailable" });
    return resumeCheckoutPayment(db(), gateway, { actor: await getActor(), checkoutId: form.text("checkoutId"), token: form.optional("token"), now: now() });
  });
  if (!result.ok) return result;
  redirect(result.data.url);
}
