"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { formFields, type FormFields } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { territoryAdminAction } from "@/lib/actions/territory-admin-action";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { now } from "@/lib/time/clock";
import { changeCampaign, createCampaign, endCampaignNow } from "@/lib/vouchers/campaigns";
import { issueVoucherCodes } from "@/lib/vouchers/issue-codes";

const CAMPAIGN_PAGE = "/[locale]/(global)/admin/bons/[campaignId]";

/** The scope's ids come from the checkbox group matching the chosen scope. */
function campaignFromForm(form: FormFields) {
  const shopScope = form.text("shopScope") || "ALL";
  const group = { CATEGORIES: "categoryIds", COMMUNES: "communeIds", SHOPS: "shopIds" }[shopScope] ?? "";
  return {
    name: form.text("name"), kind: form.text("kind"), budget: form.text("budget"), startsOn: form.text("startsOn"), endsOn: form.text("endsOn"),
    shopScope, scopeIds: group ? form.all(group) : [],
    voucherValue: form.text("voucherValue"), topUpPercent: form.text("topUpPercent"), topUpCap: form.text("topUpCap"), minBasket: form.text("minBasket"),
  };
}

/** Creates a campaign in the admin's town, then opens its page. */
export async function createCampaignAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    return createCampaign(db(), { actor, territoryId: territory.id, input: campaignFromForm(form) });
  });
  if (!result.ok) return result;
  redirect(`/admin/bons/${result.data.id}`);
}

export async function changeCampaignAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return territoryAdminAction((actor, territoryId) => changeCampaign(db(), { actor, territoryId, campaignId: form.text("campaignId"), input: { name: form.text("name"), budget: form.text("budget"), endsOn: form.text("endsOn") } }), { path: CAMPAIGN_PAGE, type: "page" });
}

export async function issueVoucherCodesAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return territoryAdminAction((actor, territoryId) => issueVoucherCodes(db(), { actor, territoryId, campaignId: form.text("campaignId"), input: { count: form.text("count"), emails: form.text("emails") } }), { path: CAMPAIGN_PAGE, type: "page" });
}

export async function endCampaignAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  return territoryAdminAction((actor, territoryId) => endCampaignNow(db(), { actor, territoryId, campaignId: form.text("campaignId"), now: now() }), { path: CAMPAIGN_PAGE, type: "page" });
}
