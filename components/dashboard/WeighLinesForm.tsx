"use client";

import { useTranslations } from "next-intl";
import { weighLinesAction } from "@/app/actions/weights";
import { ActionForm } from "@/components/ui/ActionForm";

type Line = { id: string; productName: string; estimatedGrams: number; maxGrams: number; actualGrams: number | null };

/** Phone-friendly weighing: one numeric field per line sold by weight, with its tolerance. */
export function WeighLinesForm({ orderId, lines }: { orderId: string; lines: Line[] }) {
  const t = useTranslations("dashboard");
  return (
    <ActionForm action={weighLinesAction} submitLabel={t("saveWeights")} pendingLabel={t("saving")} successLabel={t("weightsSaved")}>
      <input type="hidden" name="orderId" value={orderId} />
      {lines.map((line) => (
        <div key={line.id} className="space-y-1">
          <input type="hidden" name="lineId" value={line.id} />
          <label htmlFor={`weight-${line.id}`} className="block font-medium">
            {t("weightOf", { name: line.productName })}
          </label>
          <div className="flex items-center gap-2">
            <input
              id={`weight-${line.id}`}
              name={`grams.${line.id}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={line.maxGrams}
              required
              defaultValue={line.actualGrams ?? ""}
              aria-describedby={`weight-${line.id}-help`}
              className="min-h-11 w-32 rounded-lg border border-gray-500 px-3 text-lg"
            />
            <span>g</span>
          </div>
          <p id={`weight-${line.id}-help`} className="text-sm text-muted">{t("weightHelp", { estimated: line.estimatedGrams, max: line.maxGrams })}</p>
        </div>
      ))}
    </ActionForm>
  );
}
