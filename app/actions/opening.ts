"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { territoryAdminAction } from "@/lib/actions/territory-admin-action";
import { formFields } from "@/lib/actions/form-fields";
import { openTerritory, saveScheduleDefaults } from "@/lib/admin/opening";
import { db } from "@/lib/db/prisma";
import { revokePreviewPass } from "@/lib/territory/preview-passes";

/** The console (internal route): its bar and tabs show the town's status. The town's pages are dropped by the Territory trigger. */
const ADMIN_LAYOUT = "/[locale]/(global)/admin";

const forOpening = (work: Parameters<typeof territoryAdminAction>[0]) => territoryAdminAction(work, { path: ADMIN_LAYOUT, type: "layout" });

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

export async function revokePreviewPassAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const passId = formFields(formData).text("passId");
  return forOpening((actor, territoryId) => revokePreviewPass(db(), { actor, territoryId, passId }));
}
