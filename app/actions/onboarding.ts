"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields } from "@/lib/actions/form-fields";
import { publishShop } from "@/lib/admin/publish-shop";
import { reviewApplication } from "@/lib/admin/review-application";
import { nudgeShop, setShopSuspended } from "@/lib/admin/shop-status";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { requestClient } from "@/lib/http/request-client";
import { submitApplication } from "@/lib/onboarding/submit-application";
import { territoryHref } from "@/lib/territory/href";
import { requestTerritorySlug } from "@/lib/territory/request";
import { requestTerritorySite } from "@/lib/territory/site";


/** Public: a shopkeeper applies; on success, the follow page. */
export async function submitApplicationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () =>
    submitApplication(db(), {
      territorySlug: await requestTerritorySlug(),
      senderIp: (await requestClient()).ip,
      input: {
        ...Object.fromEntries(["shopName", "siret", "categoryId", "communeId", "addressLine", "postalCode", "contactName", "contactEmail", "contactPhone", "description"].map((k) => [k, form.text(k)])),
        pickupOptions: form.all("pickupOptions"),
      },
    }),
  );
  if (!result.ok) return result;
  redirect(territoryHref((await requestTerritorySite())?.base ?? "", `/inscription-commerce/suivi/${result.data.followToken}`));
}

export async function reviewApplicationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await reviewApplication(db(), { actor: await getActor(), input: { applicationId: form.text("applicationId"), decision: form.text("decision"), note: form.text("note") || undefined } });
    return undefined;
  });
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function publishShopAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await publishShop(db(), { actor: await getActor(), shopId: form.text("shopId") });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function setShopSuspendedAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await setShopSuspended(db(), { actor: await getActor(), input: { shopId: form.text("shopId"), suspended: form.text("suspended") === "true", reason: form.text("reason") || undefined } });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function nudgeShopAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => {
    await nudgeShop(db(), { actor: await getActor(), shopId: form.text("shopId"), missing: form.all("missing").slice(0, 4) });
    return undefined;
  });
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}
