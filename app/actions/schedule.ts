"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { addClosure, removeClosure, saveWeeklySchedule } from "@/lib/slots/manage-schedule";

type RuleRow = Record<string, string | number>;

/** Saves a pickup point's weekly rules (sent as JSON by the editor). */
export async function saveScheduleAction(shopId: string, pickupPointId: string, rules: RuleRow[], acknowledgeAffected: boolean): Promise<ActionResult> {
  const result = await runAction(async () => {
    await saveWeeklySchedule(db(), { actor: await getActor(), shopId, input: { pickupPointId, rules, acknowledgeAffected } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/retraits`);
  return result;
}

export async function addClosureAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = String(formData.get("shopId") ?? "");
  const result = await runAction(async () => {
    await addClosure(db(), {
      actor: await getActor(),
      shopId,
      input: {
        pickupPointId: formData.get("pickupPointId") ?? undefined,
        startsOn: formData.get("startsOn"),
        endsOn: formData.get("endsOn"),
        reason: formData.get("reason") ?? undefined,
        acknowledgeAffected: formData.get("acknowledgeAffected") === "1",
      },
    });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/retraits`);
  return result;
}

export async function removeClosureAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = String(formData.get("shopId") ?? "");
  const result = await runAction(async () => {
    await removeClosure(db(), { actor: await getActor(), shopId, closureId: String(formData.get("closureId") ?? "") });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/retraits`);
  return result;
}
