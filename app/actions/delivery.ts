"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { startDeliveryRound } from "@/lib/delivery/round";
import { saveDeliverySettings } from "@/lib/delivery/settings";

/** The owner's delivery terms: on/off, thresholds, and a fee for each commune ticked. */
export async function saveDeliverySettingsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    const zones = form.all("zone").slice(0, 200).map((communeId) => ({ communeId, fee: form.text(`fee.${communeId}`) || "0" }));
    await saveDeliverySettings(db(), {
      actor: await getActor(),
      shopId,
      input: { enabled: form.flag("enabled"), minimum: form.text("minimum"), freeFrom: form.text("freeFrom"), zones },
    });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}`, "layout");
  return result;
}

/** The driver leaves with every ready order of a round. */
export async function startRoundAction(_previous: ActionResult<{ started: number; leftBehind: number }>, formData: FormData): Promise<ActionResult<{ started: number; leftBehind: number }>> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => startDeliveryRound(db(), { actor: await getActor(), input: { shopId, slotStartsAt: form.text("slotStartsAt") } }));
  if (result.ok) revalidatePath(`/dashboard/${shopId}`, "layout");
  return result;
}
