"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { revokeAllAuthSessions } from "@/lib/auth/auth-sessions";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { deleteCustomerAccount } from "@/lib/privacy/delete-account";
import { now } from "@/lib/time/clock";

/**
 * Ends every session of the signed-in user, on every device (the browser then
 * signs out too). The form must say so explicitly: a stray call ends nothing.
 */
export async function signOutEverywhereAction(formData: FormData): Promise<ActionResult<number>> {
  if (formFields(formData).text("confirm") !== "everywhere") return { ok: false, error: "invalidRequest" };
  return runAction(async () => revokeAllAuthSessions(db(), { actor: await getActor() }));
}

/**
 * Deletes the signed-in customer's account (RGPD). The person types their email
 * address to confirm; the browser signs out afterwards.
 */
export async function deleteAccountAction(_previous: ActionResult<{ erasedOrders: number }>, formData: FormData): Promise<ActionResult<{ erasedOrders: number }>> {
  const form = formFields(formData);
  return runAction(async () => deleteCustomerAccount(db(), { actor: await getActor(), input: { confirmEmail: form.text("confirmEmail") }, now: now() }));
}
