"use client";

import { useTranslations } from "next-intl";
import { saveAutomationAction } from "@/app/actions/schedule";
import { ActionForm } from "@/components/ui/ActionForm";

type Props = { shopId: string; settings: { noShowGrace: string; noShowRestock: boolean; morningDigest: boolean; maxReschedules: number }; canEdit: boolean };

/** The shop's automatic rules: when an uncollected order becomes a no-show, and the morning digest. */
export function AutomationForm({ shopId, settings, canEdit }: Props) {
  const t = useTranslations("dashboard");
  const choices = ["next", "2", "4", "24", "48"] as const;
  const fields = (
    <fieldset disabled={!canEdit} className="space-y-3">
      <input type="hidden" name="shopId" value={shopId} />
      <div className="space-y-1">
        <label htmlFor="no-show-grace" className="block font-medium">{t("noShowGraceLabel")}</label>
        <select id="no-show-grace" name="noShowGrace" defaultValue={settings.noShowGrace} aria-describedby="no-show-grace-help" className="min-h-11 w-full rounded-lg border border-gray-500 px-3 sm:max-w-md">
          {choices.map((choice) => (
            <option key={choice} value={choice}>{choice === "next" ? t("noShowGraceNext") : t("noShowGraceHours", { hours: Number(choice) })}</option>
          ))}
        </select>
        <p id="no-show-grace-help" className="text-sm text-muted">{t("noShowGraceHelp")}</p>
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="noShowRestock" defaultChecked={settings.noShowRestock} className="h-5 w-5" />
        {t("noShowRestockLabel")}
      </label>
      <div className="space-y-1">
        <label htmlFor="max-reschedules" className="block font-medium">{t("maxReschedulesLabel")}</label>
        <select id="max-reschedules" name="maxReschedules" defaultValue={String(settings.maxReschedules)} aria-describedby="max-reschedules-help" className="min-h-11 w-full rounded-lg border border-gray-500 px-3 sm:max-w-md">
          {[0, 1, 2, 3, 5].map((n) => (
            <option key={n} value={n}>{n === 0 ? t("maxReschedulesNone") : t("maxReschedulesCount", { n })}</option>
          ))}
        </select>
        <p id="max-reschedules-help" className="text-sm text-muted">{t("maxReschedulesHelp")}</p>
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="morningDigest" defaultChecked={settings.morningDigest} className="h-5 w-5" />
        {t("morningDigestLabel")}
      </label>
    </fieldset>
  );
  return (
    <section aria-labelledby="automation-heading" className="space-y-3 rounded-xl bg-white p-4">
      <h2 id="automation-heading" className="text-xl font-semibold">{t("automationHeading")}</h2>
      {canEdit ? (
        <ActionForm action={saveAutomationAction} submitLabel={t("save")} pendingLabel={t("saving")} successLabel={t("automationSaved")}>
          {fields}
        </ActionForm>
      ) : (
        fields
      )}
    </section>
  );
}
