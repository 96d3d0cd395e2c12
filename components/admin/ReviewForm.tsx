"use client";

import { useTranslations } from "next-intl";
import { reviewApplicationAction } from "@/app/actions/onboarding";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";

export function ReviewForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("admin");
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult>(reviewApplicationAction, idleResult);
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-xl bg-white p-4">
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="space-y-1">
        <label htmlFor="review-note" className="block font-medium">{t("note")}</label>
        <textarea id="review-note" name="note" rows={3} maxLength={1000} className="w-full rounded-lg border border-gray-500 px-3 py-2" />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">{t("approve")}</button>
        <button type="submit" name="decision" value="requestChanges" disabled={pending} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 disabled:opacity-60">{t("requestChanges")}</button>
        <button type="submit" name="decision" value="reject" disabled={pending} className="min-h-11 rounded-lg bg-red-800 px-4 font-semibold text-white disabled:opacity-60">{t("reject")}</button>
      </div>
      <p role="status" aria-live="polite" className="font-medium">
        {pending ? t("working") : state.ok ? <span className="text-brand-700">{t("done")}</span> : state.error ? <span className="text-red-800">{errorText(state.error)}</span> : null}
      </p>
    </form>
  );
}
