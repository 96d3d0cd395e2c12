"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { publishShop } from "@/lib/admin/publish-shop";
import { reviewApplication } from "@/lib/admin/review-application";
import { nudgeShop, setShopSuspended } from "@/lib/admin/shop-status";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { submitApplication } from "@/lib/onboarding/submit-application";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Public: a shopkeeper applies; on success, the follow page. */
export async function submitApplicationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () =>
    submitApplication(db(), {
      territorySlug: env().DEFAULT_TERRITORY,
      input: {
        ...Object.fromEntries(["shopName", "siret", "categoryId", "communeId", "addressLine", "postalCode", "contactName", "contactEmail", "contactPhone", "description"].map((k) => [k, text(formData, k)])),
        pickupOptions: formData.getAll("pickupOptions").filter((v) => typeof v === "string"),
      },
    }),
  );
  if (!result.ok) return result;
  redirect(`/inscription-commerce/suivi/${result.data.followToken}`);
}

export async function reviewApplicationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await reviewApplication(db(), { actor: await getActor(), input: { applicationId: text(formData, "applicationId"), decision: text(formData, "decision"), note: text(formData, "note") || undefined } });
    return undefined;
  });
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function publishShopAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await publishShop(db(), { actor: await getActor(), shopId: text(formData, "shopId") });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function setShopSuspendedAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await setShopSuspended(db(), { actor: await getActor(), input: { shopId: text(formData, "shopId"), suspended: text(formData, "suspended") === "true", reason: text(formData, "reason") || undefined } });
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function nudgeShopAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await nudgeShop(db(), { actor: await getActor(), shopId: text(formData, "shopId"), missing: formData.getAll("missing").filter((v): v is string => typeof v === "string").slice(0, 4) });
    return undefined;
  });
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}
