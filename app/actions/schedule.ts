"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { addClosure, removeClosure, saveWeeklySchedule } from "@/lib/slots/manage-schedule";
import { updateAutomationSettings } from "@/lib/shops/automation-settings";

type RuleRow = Record<string, string | number>;

/** The editor's arguments, checked at the edge: anyone can call an action with anything. */
const scheduleCall = z.tuple([
  z.string().max(64),
  z.string().max(64),
  z.array(z.record(z.string().max(40), z.union([z.string().max(40), z.number()]))).max(100),
  /** What becomes of orders in slots the new hours drop: "none" until the owner has seen them */
  z.enum(["none", "keep", "propose", "cancel"]),
]);

export type AffectedChoice = z.infer<typeof scheduleCall>[3];

/** Saves a pickup point's weekly rules (sent as JSON by the editor). */
export async function saveScheduleAction(shopId: string, pickupPointId: string, rules: RuleRow[], affectedChoice: AffectedChoice): Promise<ActionResult> {
  const call = scheduleCall.safeParse([shopId, pickupPointId, rules, affectedChoice]);
  if (!call.success) return { ok: false, error: "invalidRequest" };
  const [shop, point, rows, choice] = call.data;
  const result = await runAction(async () =>
    saveWeeklySchedule(db(), { actor: await getActor(), shopId: shop, input: { pickupPointId: point, rules: rows, affectedAction: choice === "none" ? undefined : choice } }),
  );
  if (!result.ok) return result;
  revalidatePath(`/dashboard/${shop}`, "layout");
  const t = await getTranslations("dashboard");
  const { proposed, cancelled, untouched } = result.data;
  return { ok: true, data: undefined, message: proposed + cancelled + untouched > 0 ? t("scheduleSavedWithOrders", { proposed, cancelled, untouched }) : t("scheduleSaved") };
}

export async function addClosureAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    return addClosure(db(), {
      actor: await getActor(),
      shopId,
      input: {
        pickupPointId: form.optional("pickupPointId"),
        startsOn: form.text("startsOn"),
        endsOn: form.text("endsOn"),
        reason: form.optional("reason"),
        acknowledgeAffected: form.flag("acknowledgeAffected", "1"),
        affectedAction: form.optional("affectedAction"),
      },
    });
  });
  if (!result.ok) return result;
  revalidatePath(`/dashboard/${shopId}`, "layout");
  const t = await getTranslations("dashboard");
  const { proposed, cancelled, untouched } = result.data;
  return { ok: true, data: undefined, message: proposed + cancelled + untouched > 0 ? t("closureSavedWithOrders", { proposed, cancelled, untouched }) : t("closureSaved") };
}

export async function removeClosureAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    await removeClosure(db(), { actor: await getActor(), shopId, closureId: form.text("closureId") });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/retraits`);
  return result;
}

/** The owner's rules for uncollected orders and the morning digest. */
export async function saveAutomationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    await updateAutomationSettings(db(), {
      actor: await getActor(),
      shopId,
      input: { noShowGrace: form.text("noShowGrace"), noShowRestock: form.flag("noShowRestock"), morningDigest: form.flag("morningDigest"), maxReschedules: form.optional("maxReschedules") },
    });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/retraits`);
  return result;
}
