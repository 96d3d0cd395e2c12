"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { handOverAtRelay } from "@/lib/orders/relay-handover";

export async function handOverAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const pickupPointId = form.text("pickupPointId");
  const result = await runAction(async () => {
    await handOverAtRelay(db(), { actor: await getActor(), pickupPointId, input: { orderId: form.text("orderId"), pickupCode: form.text("pickupCode") } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/relais/${pickupPointId}`);
  return result;
}
