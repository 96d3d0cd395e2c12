"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";

/** A shop member moves an order along (the use case checks membership and legality). */
export async function transitionOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const input = { orderId: form.text("orderId"), action: form.text("action"), pickupCode: form.optional("pickupCode"), reason: form.optional("reason") };
    await transitionOrderByShop(db(), { now: new Date(), actor: await getActor(), input });
    return undefined;
  });
  if (result.ok) revalidatePath("/dashboard", "layout");
  return result;
}
