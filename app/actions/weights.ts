"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { weighOrderLines } from "@/lib/orders/changes/weigh-lines";

/** The shop enters the real weight of the order's lines sold by weight (fields "grams.<lineId>"). */
export async function weighLinesAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const orderId = form.text("orderId");
  const weights = form.all("lineId").slice(0, 100).map((lineId) => ({ lineId, grams: form.text(`grams.${lineId}`) }));
  const result = await runAction(async () => {
    await weighOrderLines(db(), { now: new Date(), actor: await getActor(), input: { orderId, weights } });
    return undefined;
  });
  if (result.ok) revalidatePath("/dashboard", "layout");
  return result;
}
