"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { revokeAllAuthSessions } from "@/lib/auth/auth-sessions";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/**
 * Ends every session of the signed-in user, on every device (the browser then
 * signs out too). The form must say so explicitly: a stray call ends nothing.
 */
export async function signOutEverywhereAction(formData: FormData): Promise<ActionResult<number>> {
  if (formFields(formData).text("confirm") !== "everywhere") return { ok: false, error: "invalidRequest" };
  return runAction(async () => revokeAllAuthSessions(db(), { actor: await getActor() }));
}
