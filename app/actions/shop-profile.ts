"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { formFields, type FormFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { addShopPhoto, removeShopPhoto } from "@/lib/shops/shop-photos";
import { mediaStore } from "@/lib/storage/select-media-store";
import { acceptInvitation, inviteStaff, removeMember } from "@/lib/shops/invitations";
import { updateShopDetails, updateShopSettings } from "@/lib/shops/profile";

async function forShop(formData: FormData, work: (shopId: string, form: FormFields) => Promise<void>): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    await work(shopId, form);
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}`, "layout");
  return result;
}

export async function updateShopDetailsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId, form) =>
    updateShopDetails(db(), {
      actor: await getActor(),
      shopId,
      input: {
        ...Object.fromEntries(["description", "phone", "email", "website", "addressLine", "latitude", "longitude"].map((k) => [k, form.text(k)])),
        hours: [1, 2, 3, 4, 5, 6, 7].map((d) => form.text(`hours.${d}`)),
      },
    }),
  );
}

export async function updateShopSettingsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId, form) =>
    updateShopSettings(db(), { actor: await getActor(), shopId, input: { paymentMethods: form.all("paymentMethods"), relayPointIds: form.all("relayPointIds") } }),
  );
}

export async function inviteStaffAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId, form) => inviteStaff(db(), { actor: await getActor(), shopId, input: { email: form.text("email") } }));
}

export async function removeMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId, form) => removeMember(db(), { actor: await getActor(), shopId, memberId: form.text("memberId") }));
}

export async function acceptInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const result = await runAction(async () => acceptInvitation(db(), { actor: await getActor(), token: form.text("token") }));
  if (!result.ok) return result;
  redirect(`/dashboard/${result.data.shopId}`);
}

export async function uploadShopPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId, form) => {
    const file = form.file("photo");
    if (!file || file.size === 0) throw new DomainError("invalidInput", "no file", { reason: "photoNotImage" });
    await addShopPhoto(db(), mediaStore(), { actor: await getActor(), shopId, bytes: Buffer.from(await file.arrayBuffer()) });
  });
}

export async function removeShopPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId, form) => removeShopPhoto(db(), mediaStore(), { actor: await getActor(), shopId, key: form.text("key") }));
}
