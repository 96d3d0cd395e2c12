"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { resolveAdminTerritory } from "@/lib/admin/admin-territory";
import { createCategory, moveCategory } from "@/lib/admin/categories";
import { saveRelayPoint } from "@/lib/admin/relay-points";
import { addCommune, createTerritory, setTerritoryLive } from "@/lib/admin/territories";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

async function asAdmin(work: (actor: Awaited<ReturnType<typeof getActor>>, territoryId: string) => Promise<void>): Promise<undefined> {
  const actor = await getActor();
  const territory = await resolveAdminTerritory(db(), actor, env().DEFAULT_TERRITORY);
  await work(actor, territory.id);
  return undefined;
}

export async function saveRelayPointAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await saveRelayPoint(db(), {
        actor,
        territoryId,
        input: {
          ...Object.fromEntries(["id", "name", "addressLine", "postalCode", "city", "latitude", "longitude", "instructions", "capacityPerSlot"].map((k) => [k, text(formData, k)])),
          active: formData.get("active") === "on",
          hours: [1, 2, 3, 4, 5, 6, 7].map((d) => text(formData, `hours.${d}`)),
          shopIds: formData.getAll("shopIds").filter((v) => typeof v === "string"),
        },
      });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createCategoryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await createCategory(db(), { actor, territoryId, input: { nameFr: text(formData, "nameFr"), nameEn: text(formData, "nameEn"), icon: text(formData, "icon") } });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function moveCategoryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await moveCategory(db(), { actor, territoryId, categoryId: text(formData, "categoryId"), direction: text(formData, "direction") === "up" ? "up" : "down" });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** Super-admin: a new territory from the form (communes "Name;Postcode" per line, admin emails per line). */
export async function createTerritoryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const lines = (name: string) => text(formData, name).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const result = await runAction(async () => {
    await createTerritory(db(), {
      actor: await getActor(),
      input: {
        slug: text(formData, "slug"),
        name: text(formData, "name"),
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
  const result = await runAction(async () => {
    await setTerritoryLive(db(), { actor: await getActor(), territoryId: text(formData, "territoryId"), live: text(formData, "live") === "true" });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addCommuneAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(() =>
    asAdmin(async (actor, territoryId) => {
      await addCommune(db(), { actor, territoryId, input: { name: text(formData, "name"), postalCode: text(formData, "postalCode") } });
    }),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
