"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setAvailabilityAction } from "@/app/actions/products";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";

/** The bulk form; the list's checkboxes join it through their `form` attribute. */
export function BulkAvailability({ shopId, formId }: { shopId: string; formId: string }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult<number>, FormData>(setAvailabilityAction, idleResult);
  return (
    <form id={formId} action={formAction} className="flex flex-wrap items-center gap-2 rounded-xl bg-white p-3" aria-label={t("selectedCount")}>
      <input type="hidden" name="shopId" value={shopId} />
      <span className="font-medium">{t("selectedCount")} :</span>
      <button type="submit" name="active" value="true" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-3 font-medium text-white disabled:opacity-60">{t("makeAvailable")}</button>
      <button type="submit" name="active" value="false" disabled={pending} className="min-h-11 rounded-lg border border-gray-600 px-3 font-medium disabled:opacity-60">{t("makeUnavailable")}</button>
      <span role="status" aria-live="polite" className="text-sm">
        {state.ok ? t("updated", { count: state.data }) : state.error ? <span className="font-medium text-red-800">{errorText(state.fieldErrors?.productIds ?? state.error)}</span> : null}
      </span>
    </form>
  );
}
