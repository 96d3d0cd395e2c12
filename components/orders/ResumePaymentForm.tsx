"use client";

import { useTranslations } from "next-intl";
import { resumePaymentAction } from "@/app/actions/payments";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useErrorText } from "@/components/ui/useErrorText";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";

/** "Pay now": back to the payment page of orders still awaiting payment. */
export function ResumePaymentForm({ checkoutId, orderId, token, label }: { checkoutId?: string; orderId?: string; token: string | null; label: string }) {
  const t = useTranslations("order");
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult>(resumePaymentAction, idleResult);
  return (
    <form onSubmit={onSubmit} className="space-y-2 sm:max-w-xs">
      {checkoutId && <input type="hidden" name="checkoutId" value={checkoutId} />}
      {orderId && <input type="hidden" name="orderId" value={orderId} />}
      {token && <input type="hidden" name="token" value={token} />}
      <SubmitButton pending={pending} pendingLabel={t("openingPayment")}>{label}</SubmitButton>
      {!state.ok && state.error && <p role="alert" className="text-sm font-medium text-red-800">{errorText(state.error)}</p>}
    </form>
  );
}
