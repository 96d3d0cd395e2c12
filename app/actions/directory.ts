"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { createCategory, moveCategory } from "@/lib/admin/categories";
import { saveRelayPoint } from "@/lib/admin/relay-points";
import { addCommune, createTerritory, setTerritoryLive } from "@/lib/admin/territories";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { addTerritoryDomain, removeTerritoryDomain } from "@/lib/admin/territory-domains";


async function asAdmin(work: (actor: Awaited<ReturnType<typeof getActor>>, territoryId: string) => Promise<void>): Promise<undefined> {
  const actor = await getActor();
  const territory = await requestAdminTerritory(actor);
  await work(actor, territory.id);
  return undefined;
}

export async function saveRelayPointAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await saveRelayPoint(db(), {
        actor,
        territoryId,
        input: {
          ...Object.fromEntries(["id", "name", "addressLine", "postalCode", "city", "latitude", "longitude", "instructions", "capacityPerSlot"].map((k) => [k, form.text(k)])),
          active: form.flag("active"),
          hours: [1, 2, 3, 4, 5, 6, 7].map((d) => form.text(`hours.${d}`)),
          shopIds: form.all("shopIds"),
        },
      });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createCategoryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await createCategory(db(), { actor, territoryId, input: { nameFr: form.text("nameFr"), nameEn: form.text("nameEn"), icon: form.text("icon") } });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function moveCategoryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await moveCategory(db(), { actor, territoryId, categoryId: form.text("categoryId"), direction: form.text("direction") === "up" ? "up" : "down" });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** Super-admin: a new territory from the form (communes "Name;Postcode" per line, admin emails per line). */
export async function createTerritoryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const lines = (name: string) => form.text(name).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const result = await runAction(async () => {
    await createTerritory(db(), {
      actor: await getActor(),
      input: {
        slug: form.text("slug"),
        name: form.text("name"),
        communes: lines("communes").map((line) => {
          const [name = "", postalCode = ""] = line.split(";").map((part) => part.trim());
          return { name, postalCode };
        }),
        adminEmails: lines("admins"),
      },
    });
    return undefined;
  });
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function setTerritoryLiveAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await setTerritoryLive(db(), { actor: await getActor(), territoryId: form.text("territoryId"), live: form.text("live") === "true" });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** The super-admin's territories page (the internal route: locale segment and route group included). */
const TERRITORIES_ADMIN_PAGE = "/[locale]/(global)/admin/territoires";

export async function addTerritoryDomainAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await addTerritoryDomain(db(), { actor: await getActor(), territoryId: form.text("territoryId"), host: form.text("host") });
    return undefined;
  });
  // Only this admin page: the pages of the town (links, addresses) are dropped by the
  // database itself — the TerritoryDomain trigger announces the "territories" tag.
  if (result.ok) revalidatePath(TERRITORIES_ADMIN_PAGE, "page");
  return result;
}

export async function removeTerritoryDomainAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await removeTerritoryDomain(db(), { actor: await getActor(), territoryId: form.text("territoryId"), host: form.text("host") });
    return undefined;
  });
  // Only this admin page: the pages of the town (links, addresses) are dropped by the
  // database itself — the TerritoryDomain trigger announces the "territories" tag.
  if (result.ok) revalidatePath(TERRITORIES_ADMIN_PAGE, "page");
  return result;
}

export async function addCommuneAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await addCommune(db(), { actor, territoryId, input: { name: form.text("name"), postalCode: form.text("postalCode") } });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
