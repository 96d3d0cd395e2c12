"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { createProduct, setArchived, setAvailability, setStock, updateProduct } from "@/lib/catalog/manage-products";
import { addProductPhoto, removeProductPhoto } from "@/lib/catalog/product-photos";
import { formFields, type FormFields } from "@/lib/actions/form-fields";
import { db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { mediaStore } from "@/lib/storage/select-media-store";

/** Absent fields stay undefined: the product schema tells "left blank" from "not sent". */
const productForm = (form: FormFields) =>
  Object.fromEntries(["name", "description", "section", "sku", "price", "vatRateBp", "unit", "unlimited", "stock", "lowStockAlert", "soldByWeight", "pieceGrams", "weightTolerance"].map((k) => [k, form.optional(k)]));

/** Creates or updates a product from the product form (productId set = update). */
export async function saveProductAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const productId = form.optional("productId");
  const result = await runAction(async () => {
    const actor = await getActor();
    if (productId) await updateProduct(db(), { actor, shopId, productId, input: productForm(form) });
    else await createProduct(db(), { actor, shopId, input: productForm(form) });
    return undefined;
  });
  if (!result.ok) return result;
  revalidatePath(`/dashboard/${shopId}/produits`);
  redirect(`/dashboard/${shopId}/produits`);
}

export async function setStockAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    const stock = form.flag("unlimited") ? "unlimited" : form.text("stock");
    await setStock(db(), { actor: await getActor(), shopId, input: { productId: form.text("productId"), stock } });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits`);
  return result;
}

export async function setAvailabilityAction(_previous: ActionResult<number>, formData: FormData): Promise<ActionResult<number>> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () =>
    setAvailability(db(), {
      actor: await getActor(),
      shopId,
      input: { productIds: form.all("productIds"), active: form.flag("active", "true") },
    }),
  );
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits`);
  return result;
}

export async function setArchivedAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const result = await runAction(async () => {
    await setArchived(db(), { actor: await getActor(), shopId, productId: form.text("productId"), archived: form.flag("archived", "true") });
    return undefined;
  });
  if (!result.ok) return result;
  revalidatePath(`/dashboard/${shopId}/produits`);
  redirect(`/dashboard/${shopId}/produits`);
}

/** Uploads a photo for a product (resized on the server). */
export async function uploadProductPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const productId = form.text("productId");
  const result = await runAction(async () => {
    const file = form.file("photo");
    if (!file || file.size === 0) throw new DomainError("invalidInput", "no file", { reason: "photoNotImage" });
    await addProductPhoto(db(), mediaStore(), { actor: await getActor(), shopId, productId, bytes: Buffer.from(await file.arrayBuffer()) });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits/${productId}`);
  return result;
}

export async function removeProductPhotoAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = formFields(formData);
  const shopId = form.text("shopId");
  const productId = form.text("productId");
  const result = await runAction(async () => {
    await removeProductPhoto(db(), mediaStore(), { actor: await getActor(), shopId, productId, key: form.text("key") });
    return undefined;
  });
  if (result.ok) revalidatePath(`/dashboard/${shopId}/produits/${productId}`);
  return result;
}
