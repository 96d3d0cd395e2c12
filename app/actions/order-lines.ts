"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import type { ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { formatPrice } from "@/lib/money/format";
import { shortOrderLine } from "@/lib/orders/changes/short-line";
import { answerSubstitute, proposeSubstitute } from "@/lib/orders/changes/substitutes";
import { startSubstitutePayment } from "@/lib/orders/changes/substitute-payment";
import { DomainError } from "@/lib/errors";
import { configuredGateway } from "@/lib/payments/configured";
import { now } from "@/lib/time/clock";

/** The shop hands over fewer than ordered on a line (0 = missing), with the reason the customer reads. */
export async function shortLineAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    return shortOrderLine(db(), {
      now: new Date(),
      actor: await getActor(),
      input: { orderId: form.text("orderId"), lineId: form.text("lineId"), deliveredQuantity: form.text("deliveredQuantity"), reason: form.text("reason"), restock: form.flag("restock") },
    });
  });
  if (!result.ok) return result;
  revalidatePath("/dashboard", "layout");
  const t = await getTranslations("dashboard");
  return { ok: true, data: undefined, message: t("lineChangedSaved", { total: formatPrice(result.data.totalCents, await getLocale().then(toLocale)) }) };
}

/** Staff propose a substitute for a line; applied at once when the customer gave their standing consent and it fits. */
export async function proposeSubstituteAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    return proposeSubstitute(db(), {
      now: new Date(),
      actor: await getActor(),
      input: { orderId: form.text("orderId"), lineId: form.text("lineId"), productId: form.text("productId"), quantity: form.text("quantity"), reason: form.text("reason"), answerWithinMinutes: form.text("answerWithinMinutes") },
    });
  });
  if (!result.ok) return result;
  revalidatePath("/dashboard", "layout");
  const t = await getTranslations("dashboard");
  return { ok: true, data: undefined, message: t(result.data.applied ? "substituteApplied" : "substituteProposed") };
}

/** The customer accepts or refuses a proposed substitute (from the email's page, or their order page). */
export async function answerSubstituteAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    return answerSubstitute(db(), {
      now: new Date(),
      actor: await getActor(),
      input: { substitutionId: form.text("substitutionId"), secret: form.optional("secret"), token: form.optional("token"), answer: form.text("answer") },
    });
  });
  if (!result.ok) return result;
  revalidatePath("/commandes", "layout");
  revalidatePath("/remplacements", "layout");
  revalidatePath("/dashboard", "layout");
  const answer = result.data;
  // The basket changed since the proposal: accepting now needs a new authorization (the page, reloaded, offers it).
  if (answer.outcome === "payment-required") return { ok: false, error: "substituteNeedsPayment", details: { euros: answer.reauthorizeCents / 100 } };
  const t = await getTranslations("substitute");
  return { ok: true, data: undefined, message: t(answer.outcome === "accepted" ? "acceptedDone" : "refusedDone", { total: formatPrice(answer.totalCents, await getLocale().then(toLocale)) }) };
}

/** The customer accepts a substitute dearer than their card's authorization: to the payment page of a new one. */
export async function paySubstituteAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const gateway = configuredGateway();
    if (!gateway) throw new DomainError("conflict", "online payment is not available", { reason: "paymentUnavailable" });
    return startSubstitutePayment(db(), gateway, {
      now: now(),
      actor: await getActor(),
      input: { substitutionId: form.text("substitutionId"), secret: form.optional("secret"), token: form.optional("token") },
    });
  });
  if (!result.ok) return result;
  redirect(result.data.url);
}
