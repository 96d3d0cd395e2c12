"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { formFields } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { setCampaignParticipation } from "@/lib/vouchers/participation";

/** The shop's owner declines a town's voucher campaign, or takes part again (checked and audited by the use case). */
export async function setVoucherParticipationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    await setCampaignParticipation(db(), { actor: await getActor(), shopId, input: { campaignId: form.text("campaignId"), participate: form.text("participate") } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/bons`);
  return result;
}
