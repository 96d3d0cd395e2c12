"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { cancelOrderAction } from "@/app/actions/orders";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";

export function CancelOrderForm({ orderId, token }: { orderId: string; token: string | null }) {
  const t = useTranslations("order");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(cancelOrderAction, idleResult);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      {token && <input type="hidden" name="token" value={token} />}
      <details className="rounded-lg border border-red-200 p-3">
        <summary className="min-h-11 cursor-pointer content-center font-medium text-red-800">{t("cancel")}</summary>
        <button type="submit" disabled={pending} aria-busy={pending} className="mt-2 min-h-11 rounded-lg bg-red-800 px-4 font-semibold text-white disabled:opacity-60">
          {pending ? t("cancelling") : t("cancelConfirm")}
        </button>
      </details>
      <p role="status" aria-live="polite">
        {state.ok ? t("cancelled") : state.error ? <span className="font-medium text-red-800">{errorText(state.error)}</span> : null}
      </p>
    </form>
  );
}
