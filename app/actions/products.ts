"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { getActor } from "@/lib/auth/session";
import { createProduct, setArchived, setAvailability, setStock, updateProduct } from "@/lib/catalog/manage-products";
import { addProductPhoto, removeProductPhoto } from "@/lib/catalog/product-photos";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { localMediaStore } from "@/lib/storage/media-store";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

const productForm = (formData: FormData) =>
  Object.fromEntries(["name", "description", "section", "sku", "price", "vatRateBp", "unit", "unlimited", "stock", "lowStockAlert"].map((k) => [k, text(formData, k)]));

/** Creates or updates a product from the product form (productId set = update). */
export async function saveProductAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = text(formData, "shopId") ?? "";
  const productId = text(formData, "productId");
  const result = await runAction(async () => {
    const actor = await getActor();
    if (productId) await updateProduct(db(), { actor, shopId, productId, input: productForm(formData) });
    else await createProduct(db(), { actor, shopId, input: productForm(formData) });
    return undefined;
  });
  if (!result.ok) return result;
  revalidatePath(`/dashboard/${shopId}/produits`);
  redirect(`/dashboard/${shopId}/produits`);
}

export async function setStockAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = text(formData, "shopId") ?? "";
  const result = await runAction(async () => {
    const stock = text(formData, "unlimited") === "on" ? "unlimited" : text(formData, "stock");
    await setStock(db(), { actor: await getActor(), shopId, input: { productId: text(formData, "productId"), stock } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits`);
  return result;
}

export async function setAvailabilityAction(_previous: ActionResult<number>, formData: FormData): Promise<ActionResult<number>> {
  const shopId = text(formData, "shopId") ?? "";
  const result = await runAction(async () =>
    setAvailability(db(), {
      actor: await getActor(),
      shopId,
      input: { productIds: formData.getAll("productIds").filter((v) => typeof v === "string"), active: text(formData, "active") === "true" },
    }),
  );
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits`);
  return result;
}

export async function setArchivedAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = text(formData, "shopId") ?? "";
  const result = await runAction(async () => {
    await setArchived(db(), { actor: await getActor(), shopId, productId: text(formData, "productId") ?? "", archived: text(formData, "archived") === "true" });
    return undefined;
  });
  if (!result.ok) return result;
  revalidatePath(`/dashboard/${shopId}/produits`);
  redirect(`/dashboard/${shopId}/produits`);
}

/** Uploads a photo for a product (resized on the server). */
export async function uploadProductPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = text(formData, "shopId") ?? "";
  const productId = text(formData, "productId") ?? "";
  const result = await runAction(async () => {
    const file = formData.get("photo");
    if (!(file instanceof File) || file.size === 0) throw new DomainError("invalidInput", "no file", { reason: "photoNotImage" });
    await addProductPhoto(db(), localMediaStore(), { actor: await getActor(), shopId, productId, bytes: Buffer.from(await file.arrayBuffer()) });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits/${productId}`);
  return result;
}

export async function removeProductPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const shopId = text(formData, "shopId") ?? "";
  const productId = text(formData, "productId") ?? "";
  const result = await runAction(async () => {
    await removeProductPhoto(db(), { actor: await getActor(), shopId, productId, key: text(formData, "key") ?? "" });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits/${productId}`);
  return result;
}
