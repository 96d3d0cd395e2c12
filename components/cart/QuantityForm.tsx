"use client";

import { useActionState, useEffect, useId } from "react";
import { announceVisitorChange } from "@/components/layout/VisitorNav";
import { useTranslations } from "next-intl";
import { setCartQuantityAction } from "@/app/actions/cart";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";

export function QuantityForm({ productId, productName, quantity, max }: { productId: string; productName: string; quantity: number; max: number | null }) {
  const t = useTranslations("cart");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(setCartQuantityAction, idleResult);
  const id = useId();
  useEffect(() => {
    if (state.ok) announceVisitorChange();
  }, [state]);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <form action={formAction} className="flex items-end gap-2">
        <input type="hidden" name="productId" value={productId} />
        <div>
          <label htmlFor={`${id}-qty`} className="sr-only">
            {t("quantityOf", { name: productName })}
          </label>
          <input id={`${id}-qty`} name="quantity" type="number" inputMode="numeric" min={1} max={max ?? 99} defaultValue={quantity} className="min-h-11 w-20 rounded-lg border border-gray-500 px-2" />
        </div>
        <button type="submit" disabled={pending} aria-busy={pending} className="min-h-11 rounded-lg border border-brand-600 px-3 font-medium text-brand-700 disabled:opacity-60">
          {pending ? t("updating") : t("update")}
        </button>
      </form>
      <form action={formAction}>
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="quantity" value="0" />
        <button type="submit" disabled={pending} aria-label={`${t("remove")} : ${productName}`} className="min-h-11 rounded-lg px-3 text-red-800 underline disabled:opacity-60">
          {t("remove")}
        </button>
      </form>
      {!state.ok && state.error && (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          {errorText(state.error, state.details)}
        </p>
      )}
    </div>
  );
}
