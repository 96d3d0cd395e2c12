"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { territoryAdminAction } from "@/lib/actions/territory-admin-action";
import { formFields } from "@/lib/actions/form-fields";
import { acceptTerritoryInvitation, inviteTerritoryMember, removeTerritoryMember, revokeTerritoryInvitation } from "@/lib/admin/territory-team";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** The team page (the internal route: locale segment and route group included). */
const TEAM_PAGE = "/[locale]/(global)/admin/equipe";

const forTeam = (work: Parameters<typeof territoryAdminAction>[0]) => territoryAdminAction(work, { path: TEAM_PAGE, type: "page" });

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
