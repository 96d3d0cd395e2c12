"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { setStockAction } from "@/app/actions/products";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";

export function StockForm({ shopId, productId, name, stock }: { shopId: string; productId: string; name: string; stock: number | null }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(setStockAction, idleResult);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor={`${id}-stock`} className="sr-only">{t("stockOf", { name })}</label>
      <input id={`${id}-stock`} name="stock" type="number" min={0} inputMode="numeric" defaultValue={stock ?? ""} placeholder={t("unlimitedShort")} className="min-h-11 w-20 rounded-lg border border-gray-500 px-2" />
      <button type="submit" disabled={pending} aria-busy={pending} className="min-h-11 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 disabled:opacity-60">
        {pending ? t("saving") : t("saveStock")}
        <span className="sr-only"> {name}</span>
      </button>
      <span role="status" aria-live="polite" className="text-sm">
        {state.ok ? "✓" : state.error ? <span className="text-red-800">{errorText(state.error)}</span> : null}
      </span>
    </form>
  );
}
