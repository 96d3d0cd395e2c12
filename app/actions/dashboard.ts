"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { sendStatusEmail } from "@/lib/orders/order-emails";
import { transitionOrderByShop } from "@/lib/orders/shop-transitions";

/** A shop member moves an order along (the use case checks membership and legality). */
export async function transitionOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const input = {
      orderId: formData.get("orderId"),
      action: formData.get("action"),
      pickupCode: formData.get("pickupCode") ?? undefined,
      reason: formData.get("reason") ?? undefined,
    };
    const change = await transitionOrderByShop(db(), { actor: await getActor(), input });
    await sendStatusEmail(db(), change.orderId, change.to, typeof input.reason === "string" ? input.reason : undefined);
    return undefined;
  });
  if (result.ok) revalidatePath("/dashboard", "layout");
  return result;
}
