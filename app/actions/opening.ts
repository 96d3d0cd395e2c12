"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { openTerritory, saveScheduleDefaults } from "@/lib/admin/opening";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** The console (internal route): its bar and tabs show the town's status. The town's pages are dropped by the Territory trigger. */
const ADMIN_LAYOUT = "/[locale]/(global)/admin";

async function forOpening(work: (actor: Awaited<ReturnType<typeof getActor>>, territoryId: string) => Promise<unknown>): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    await work(actor, territory.id);
    return undefined;
  });
  if (result.ok) revalidatePath(ADMIN_LAYOUT, "layout");
  return result;
}

export async function saveScheduleDefaultsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return forOpening((actor, territoryId) =>
    saveScheduleDefaults(db(), {
      actor,
      territoryId,
      input: { weekdays: form.all("weekdays"), ...Object.fromEntries(["opens", "closes", "slotMinutes", "capacityPerSlot", "leadTimeMinutes", "horizonDays"].map((k) => [k, form.text(k)])) },
    }),
  );
}

export async function openTerritoryAction(): Promise<ActionResult> {
  return forOpening((actor, territoryId) => openTerritory(db(), { actor, territoryId }));
}
