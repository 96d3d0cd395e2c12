"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { proposeSubstituteAction } from "@/app/actions/order-lines";
import { ActionForm } from "@/components/ui/ActionForm";
import { formatPrice } from "@/lib/money/format";
import { toLocale } from "@/lib/i18n/locales";

type Choice = { id: string; name: string; unit: string; priceCents: number; soldByWeight: boolean };

const DEADLINES = [30, 60, 120, 240, 1440];

/**
 * "Proposer un remplacement" under a line: another product of the shop, how many,
 * why, and how long the customer has to answer (never past the slot's start).
 */
export function SubstituteForm({ orderId, line, choices }: { orderId: string; line: { id: string; productId: string; productName: string; quantity: number }; choices: Choice[] }) {
  const t = useTranslations("dashboard");
  const locale = toLocale(useLocale());
  const id = useId();
  const others = choices.filter((choice) => choice.id !== line.productId);
  if (others.length === 0) return null;
  return (
    <details className="mt-1 text-sm" data-testid={`substitute-${line.productName}`}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800 underline">{t("substituteSummary")}</summary>
      <ActionForm action={proposeSubstituteAction} submitLabel={t("substituteSubmit")} pendingLabel={t("saving")} successLabel={t("substituteProposed")} className="mt-2 space-y-2 rounded-lg border border-brand-100 p-3">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="lineId" value={line.id} />
        <div>
          <label htmlFor={`${id}-product`} className="block font-medium">{t("substituteProduct", { name: line.productName })}</label>
          <select id={`${id}-product`} name="productId" required className="min-h-11 w-full rounded-lg border border-gray-500 px-3">
            {others.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name} — {formatPrice(choice.priceCents, locale)}{choice.soldByWeight ? " / kg" : ` / ${choice.unit}`}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-3">
          <div>
            <label htmlFor={`${id}-qty`} className="block font-medium">{t("substituteQuantity")}</label>
            <input id={`${id}-qty`} name="quantity" type="number" inputMode="numeric" min={1} max={10000} defaultValue={line.quantity} required className="min-h-11 w-24 rounded-lg border border-gray-500 px-3" />
          </div>
          <div>
            <label htmlFor={`${id}-within`} className="block font-medium">{t("substituteWithin")}</label>
            <select id={`${id}-within`} name="answerWithinMinutes" defaultValue="120" className="min-h-11 rounded-lg border border-gray-500 px-3">
              {DEADLINES.map((minutes) => (
                <option key={minutes} value={minutes}>{minutes < 60 ? t("withinMinutes", { n: minutes }) : t("withinHours", { n: minutes / 60 })}</option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium">{t("shortLineReason")}</label>
          <input id={`${id}-reason`} name="reason" required minLength={3} maxLength={200} defaultValue={t("reasonOutOfStock")} aria-describedby={`${id}-help`} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
          <p id={`${id}-help`} className="text-muted">{t("substituteHelp")}</p>
        </div>
      </ActionForm>
    </details>
  );
}
