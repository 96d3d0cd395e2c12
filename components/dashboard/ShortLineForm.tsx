"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { shortLineAction } from "@/app/actions/order-lines";
import { ActionForm } from "@/components/ui/ActionForm";

type Line = { id: string; productName: string; handedOver: number; soldByWeight: boolean };

/**
 * "Manquant ou incomplet ?" under a line being prepared: how many are handed over
 * (0 = missing) and why — the customer reads the reason in their email.
 */
export function ShortLineForm({ orderId, line }: { orderId: string; line: Line }) {
  const t = useTranslations("dashboard");
  const id = useId();
  const choices = line.soldByWeight ? [0] : Array.from({ length: line.handedOver }, (_, index) => line.handedOver - 1 - index);
  const [delivered, setDelivered] = useState(choices[0] ?? 0);
  return (
    <details className="mt-1 text-sm" data-testid={`short-line-${line.productName}`}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800 underline">{t("shortLineSummary")}</summary>
      <ActionForm action={shortLineAction} submitLabel={t("shortLineSubmit")} pendingLabel={t("saving")} successLabel={t("lineChangedSaved", { total: "" })} className="mt-2 space-y-2 rounded-lg border border-brand-100 p-3">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="lineId" value={line.id} />
        <div>
          <label htmlFor={`${id}-qty`} className="block font-medium">{t("shortLineQuantity", { name: line.productName })}</label>
          <select id={`${id}-qty`} name="deliveredQuantity" value={delivered} onChange={(event) => setDelivered(Number(event.target.value))} className="min-h-11 rounded-lg border border-gray-500 px-3">
            {choices.map((n) => (
              <option key={n} value={n}>{n === 0 ? t("shortLineMissing") : t("shortLineOf", { n, ordered: line.handedOver })}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium">{t("shortLineReason")}</label>
          <input id={`${id}-reason`} name="reason" required minLength={3} maxLength={200} list={`${id}-reasons`} aria-describedby={`${id}-reason-help`} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
          <datalist id={`${id}-reasons`}>
            <option value={t("reasonOutOfStock")} />
            <option value={t("reasonDamaged")} />
            <option value={t("reasonQuality")} />
          </datalist>
          <p id={`${id}-reason-help`} className="text-muted">{t("shortLineReasonHelp")}</p>
        </div>
        {delivered > 0 && (
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="restock" className="h-5 w-5" />
            {t("shortLineRestock", { n: line.handedOver - delivered })}
          </label>
        )}
      </ActionForm>
    </details>
  );
}
