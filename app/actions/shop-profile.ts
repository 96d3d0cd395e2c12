"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { addShopPhoto, removeShopPhoto } from "@/lib/shops/shop-photos";
import { localMediaStore } from "@/lib/storage/media-store";
import { acceptInvitation, inviteStaff, removeMember } from "@/lib/shops/invitations";
import { updateShopDetails, updateShopSettings } from "@/lib/shops/profile";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
const strings = (formData: FormData, name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");

async function forShop(formData: FormData, work: (shopId: string) => Promise<void>): Promise<ActionResult> {
  const shopId = text(formData, "shopId");
  const result = await runAction(async () => {
    await work(shopId);
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}`, "layout");
  return result;
}

export async function updateShopDetailsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId) =>
    updateShopDetails(db(), {
      actor: await getActor(),
      shopId,
      input: {
        ...Object.fromEntries(["description", "phone", "email", "website", "addressLine", "latitude", "longitude"].map((k) => [k, text(formData, k)])),
        hours: [1, 2, 3, 4, 5, 6, 7].map((d) => text(formData, `hours.${d}`)),
      },
    }),
  );
}

export async function updateShopSettingsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId) =>
    updateShopSettings(db(), { actor: await getActor(), shopId, input: { paymentMethods: strings(formData, "paymentMethods"), relayPointIds: strings(formData, "relayPointIds") } }),
  );
}

export async function inviteStaffAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId) => inviteStaff(db(), { actor: await getActor(), shopId, input: { email: text(formData, "email") } }));
}

export async function removeMemberAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId) => removeMember(db(), { actor: await getActor(), shopId, memberId: text(formData, "memberId") }));
}

export async function acceptInvitationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async () => acceptInvitation(db(), { actor: await getActor(), token: text(formData, "token") }));
  if (!result.ok) return result;
  redirect(`/dashboard/${result.data.shopId}`);
}

export async function uploadShopPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId) => {
    const file = formData.get("photo");
    if (!(file instanceof File) || file.size === 0) throw new DomainError("invalidInput", "no file", { reason: "photoNotImage" });
    await addShopPhoto(db(), localMediaStore(), { actor: await getActor(), shopId, bytes: Buffer.from(await file.arrayBuffer()) });
  });
}

export async function removeShopPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return forShop(formData, async (shopId) => removeShopPhoto(db(), { actor: await getActor(), shopId, key: text(formData, "key") }));
}
