"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { handOverAtRelay } from "@/lib/orders/relay-handover";

export async function handOverAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const pickupPointId = String(formData.get("pickupPointId") ?? "");
  const result = await runAction(async () => {
    await handOverAtRelay(db(), { actor: await getActor(), pickupPointId, input: { orderId: formData.get("orderId"), pickupCode: formData.get("pickupCode") } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/relais/${pickupPointId}`);
  return result;
}
