"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { transitionOrderAction } from "@/app/actions/dashboard";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import type { ShopAction } from "@/lib/orders/handover/shop-transitions";
import { useErrorText } from "@/components/ui/useErrorText";
import { QrScanner } from "./QrScanner";

/** One form per action the order's status allows; the server re-checks everything. */
function ActionForm({ orderId, action, danger, delivery }: { orderId: string; action: ShopAction; danger?: boolean; delivery?: boolean }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(transitionOrderAction, idleResult);
  const id = useId();
  return (
    <form action={formAction} className="space-y-2 rounded-lg border border-brand-100 p-3" data-testid={`action-${action}`}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="action" value={action} />
      {(action === "markCollected" || action === "markDelivered") && (
        <div>
          <label htmlFor={`${id}-code`} className="block font-medium">{t("pickupCode")}</label>
          <input id={`${id}-code`} name="pickupCode" required autoComplete="off" autoCapitalize="characters" inputMode="text" maxLength={12} className="min-h-11 w-40 rounded-lg border border-gray-500 px-3 font-mono uppercase tracking-widest" />
          <QrScanner targetId={`${id}-code`} label={t("scanQr")} stopLabel={t("stopScan")} errorLabel={t("cameraUnavailable")} />
        </div>
      )}
      {(action === "cancel" || action === "markAbsent") && (
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium">{action === "markAbsent" ? t("absentNote") : t("reason")}</label>
          <input id={`${id}-reason`} name="reason" required maxLength={300} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
        </div>
      )}
      <button type="submit" disabled={pending} aria-busy={pending} className={`min-h-11 rounded-lg px-4 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-800" : "bg-brand-600"}`}>
        {pending ? t("working") : delivery && action === "markReady" ? t("markReadyForRound") : t(action)}
      </button>
      <p role="status" aria-live="polite" className="text-sm">
        {state.ok ? t("done") : state.error ? <span className="font-medium text-red-800">{errorText(state.error)}</span> : null}
      </p>
    </form>
  );
}

export function OrderActions({ orderId, actions, delivery = false }: { orderId: string; actions: ShopAction[]; delivery?: boolean }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {actions.map((action) => (
        <ActionForm key={action} orderId={orderId} action={action} danger={action === "cancel" || action === "markNoShow" || action === "markAbsent"} delivery={delivery} />
      ))}
    </div>
  );
}
