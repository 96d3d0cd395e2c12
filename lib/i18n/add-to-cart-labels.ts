import "server-only";
import { getTranslations } from "next-intl/server";
import type { AddToCartLabels } from "@/components/cart/AddToCartLabels";

/** The add-to-cart forms' words in the page's language (components/cart/AddToCartLabels.tsx). */
export async function addToCartLabels(): Promise<AddToCartLabels> {
  const [t, errors] = await Promise.all([getTranslations("shop"), getTranslations("errors")]);
  return { quantity: t("quantity"), add: t("add"), adding: t("adding"), added: t("added"), failed: errors("unexpected") };
}
