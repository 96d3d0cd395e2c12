"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { rescheduleOrderAction } from "@/app/actions/orders";
import { ActionForm } from "@/components/ui/ActionForm";

export type RescheduleOption = { pointName: string; slots: { value: string; label: string }[] };

/** "Changer de créneau": the shop's free slots, by pickup point, and how many changes are left. */
export function RescheduleForm({ orderId, token, options, left }: { orderId: string; token?: string; options: RescheduleOption[]; left: number }) {
  const t = useTranslations("order");
  const id = useId();
  return (
    <ActionForm action={rescheduleOrderAction} submitLabel={t("rescheduleSubmit")} pendingLabel={t("rescheduling")} successLabel={t("rescheduled")}>
      <input type="hidden" name="orderId" value={orderId} />
      {token && <input type="hidden" name="token" value={token} />}
      <label htmlFor={`${id}-choice`} className="block font-medium">{t("rescheduleChoice")}</label>
      <select id={`${id}-choice`} name="choice" required aria-describedby={`${id}-help`} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" defaultValue="">
        <option value="" disabled>{t("rescheduleChoose")}</option>
        {options.map((option) => (
          <optgroup key={option.pointName} label={option.pointName}>
            {option.slots.map((slot) => (
              <option key={slot.value} value={slot.value}>{slot.label}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-help`} className="text-sm text-muted">{t("rescheduleHelp", { left })}</p>
    </ActionForm>
  );
}
