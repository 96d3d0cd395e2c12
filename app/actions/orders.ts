"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { cancelOrderByCustomer } from "@/lib/orders/changes/cancel-order";
import { rescheduleOrder } from "@/lib/orders/changes/reschedule";
import { answerSlotMove } from "@/lib/orders/changes/slot-moves";

/** The customer cancels an order (signed in, or through the emailed link's token). */
export async function cancelOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await cancelOrderByCustomer(db(), { now: new Date(), actor: await getActor(), input: { orderId: form.text("orderId"), token: form.optional("token") } });
    return undefined;
  });
  if (result.ok) revalidatePath("/commandes", "layout");
  return result;
}

/** The customer moves the order to another slot or pickup point of the same shop (field "choice" = "<pointId>|<ISO start>"). */
export async function rescheduleOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const [pickupPointId = "", slotStartsAt = ""] = form.text("choice").split("|");
  const result = await runAction(async () => {
    await rescheduleOrder(db(), { now: new Date(), actor: await getActor(), input: { orderId: form.text("orderId"), token: form.optional("token"), pickupPointId, slotStartsAt } });
    return undefined;
  });
  if (result.ok) {
    revalidatePath("/commandes", "layout");
    revalidatePath("/dashboard", "layout");
  }
  return result;
}

/** The customer answers a closed slot: another slot offered, or cancel (refunded). */
export async function answerSlotMoveAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    return answerSlotMove(db(), { now: new Date(), actor: await getActor(), input: { slotMoveId: form.text("slotMoveId"), secret: form.optional("secret"), token: form.optional("token"), choice: form.text("choice") } });
  });
  if (!result.ok) return result;
  revalidatePath("/commandes", "layout");
  revalidatePath("/creneaux", "layout");
  revalidatePath("/dashboard", "layout");
  const t = await getTranslations("slotMove");
  return { ok: true, data: undefined, message: t(result.data.outcome === "moved" ? "movedDone" : "cancelledDone") };
}
