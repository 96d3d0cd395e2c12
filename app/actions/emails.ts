"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { retryOutgoingEmail } from "@/lib/admin/outgoing-emails";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** An admin queues a failed email again. */
export async function retryEmailAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    await retryOutgoingEmail(db(), { actor, territoryId: territory.id, emailId: form.text("emailId") });
    return undefined;
  });
  if (result.ok) revalidatePath("/admin/emails");
  return result;
}
