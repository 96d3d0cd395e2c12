"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import type { ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { formatPrice } from "@/lib/money/format";
import { shortOrderLine } from "@/lib/orders/changes/short-line";

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
