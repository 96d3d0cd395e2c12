"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { euroAmount } from "@/lib/catalog/product-input";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { appUrl } from "@/lib/notifications/app-url";
import { configuredGateway } from "@/lib/payments/configured";
import { setNoShowFee, startShopPaymentsOnboarding } from "@/lib/payments/shop-accounts";

/** The owner goes to Stripe's onboarding for the shop's payments account. */
export async function connectPaymentsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = formFields(formData).text("shopId");
  const result = await runAction(async () => {
    const gateway = configuredGateway();
    if (!gateway) throw new DomainError("conflict", "online payment is not configured", { reason: "paymentUnavailable" });
    return startShopPaymentsOnboarding(db(), gateway, { actor: await getActor(), shopId, returnUrl: `${appUrl()}/dashboard/${shopId}/paiements?retour=1` });
  });
  if (!result.ok) return result;
  redirect(result.data);
}

const feeInput = z.union([z.literal("").transform(() => null), euroAmount]);

export async function setNoShowFeeAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    await setNoShowFee(db(), { actor: await getActor(), shopId, feeCents: feeInput.parse(form.text("fee").trim()) });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/paiements`);
  return result;
}
