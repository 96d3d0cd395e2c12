"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { acceptTerritoryInvitation, inviteTerritoryMember, removeTerritoryMember, revokeTerritoryInvitation } from "@/lib/admin/territory-team";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** The team page (the internal route: locale segment and route group included). */
const TEAM_PAGE = "/[locale]/(global)/admin/equipe";

async function forTeam(work: (actor: Awaited<ReturnType<typeof getActor>>, territoryId: string) => Promise<unknown>): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    await work(actor, territory.id);
    return undefined;
  });
  if (result.ok) revalidatePath(TEAM_PAGE, "page");
  return result;
}

export async function inviteTerritoryMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return forTeam((actor, territoryId) => inviteTerritoryMember(db(), { actor, territoryId, input: { email: form.text("email"), role: form.text("role") } }));
}

export async function revokeTerritoryInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return forTeam((actor, territoryId) => revokeTerritoryInvitation(db(), { actor, territoryId, invitationId: form.text("invitationId") }));
}

export async function removeTerritoryMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return forTeam((actor, territoryId) => removeTerritoryMember(db(), { actor, territoryId, grantId: form.text("grantId") }));
}

/** The invited person accepts: admins land on the console of their town, operators on the phone line. */
export async function acceptTerritoryInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => acceptTerritoryInvitation(db(), { actor: await getActor(), token: form.text("token") }));
  if (!result.ok) return result;
  redirect(result.data.role === "ADMIN" ? "/admin" : "/compte");
}
