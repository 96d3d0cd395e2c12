"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { territoryAdminAction } from "@/lib/actions/territory-admin-action";
import { formFields } from "@/lib/actions/form-fields";
import { removeTerritoryLogo, setTerritoryLogo, updateTerritoryIdentity } from "@/lib/admin/territory-identity";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { mediaStore } from "@/lib/storage/select-media-store";

/** The identity page (internal route). The town's public pages are dropped by the Territory trigger, not from here. */
const IDENTITY_PAGE = "/[locale]/(global)/admin/identite";

const IDENTITY_FIELDS = ["name", "welcomeText", "primaryColor", "contactEmail", "contactPhone", "contactAddress", "legalPublisher", "publicationDirector", "mapTileUrl", "mapAttribution", "guestRetentionMonths"] as const;

const forIdentity = (work: Parameters<typeof territoryAdminAction>[0]) => territoryAdminAction(work, { path: IDENTITY_PAGE, type: "page" });

export async function updateTerritoryIdentityAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return forIdentity((actor, territoryId) => updateTerritoryIdentity(db(), { actor, territoryId, input: Object.fromEntries(IDENTITY_FIELDS.map((k) => [k, form.text(k)])) }));
}

export async function uploadTerritoryLogoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return forIdentity(async (actor, territoryId) => {
    const file = form.file("logo");
    if (!file || file.size === 0) throw new DomainError("invalidInput", "no file", { reason: "photoNotImage" });
    await setTerritoryLogo(db(), mediaStore(), { actor, territoryId, bytes: Buffer.from(await file.arrayBuffer()) });
  });
}

export async function removeTerritoryLogoAction(): Promise<ActionResult> {
  return forIdentity((actor, territoryId) => removeTerritoryLogo(db(), mediaStore(), { actor, territoryId }));
}
