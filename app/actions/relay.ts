"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { handOverAtRelay, handOverBasketAtRelay } from "@/lib/orders/handover/relay-handover";

export async function handOverAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const pickupPointId = form.text("pickupPointId");
  const result = await runAction(async () => {
    await handOverAtRelay(db(), { now: new Date(), actor: await getActor(), pickupPointId, input: { orderId: form.text("orderId"), pickupCode: form.text("pickupCode") } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/relais/${pickupPointId}`);
  return result;
}

/**
 * A customer's basket (orders of several shops) handed over against its one code.
 * The desk page then says how many orders went and how many are still expected
 * (the basket's card may have left the "waiting" list, and its form with it).
 */
export async function handOverBasketAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const pickupPointId = form.text("pickupPointId");
  const result = await runAction(async () => handOverBasketAtRelay(db(), { now: new Date(), actor: await getActor(), pickupPointId, input: { basketId: form.text("basketId"), code: form.text("code") } }));
  if (!result.ok) return result;
  revalidatePath(`/relais/${pickupPointId}`);
  redirect(`/relais/${encodeURIComponent(pickupPointId)}?remis=${result.data.handedOver.length}&attendu=${result.data.stillExpected}`);
}
