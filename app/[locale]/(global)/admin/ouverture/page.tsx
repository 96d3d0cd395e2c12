import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { openTerritoryAction, revokePreviewPassAction, saveScheduleDefaultsAction } from "@/app/actions/opening";
import { ActionForm } from "@/components/ui/ActionForm";
import { getOpeningChecklist, type OpeningStep } from "@/lib/admin/opening";
import { db } from "@/lib/db/prisma";
import { listPreviewPasses } from "@/lib/territory/preview-passes";
import { readScheduleDefaults } from "@/lib/territory/schedule-defaults";
import { territorySite } from "@/lib/territory/site";
import { adminPage } from "../_lib/guard";

/** Where each step is done. */
const STEP_LINKS: Record<OpeningStep, string> = {
  communes: "/admin/communes",
  categories: "/admin/categories",
  relayPoints: "/admin/points-relais",
  scheduleDefaults: "#horaires-proposes",
  identity: "/admin/identite",
  legal: "/admin/identite",
  team: "/admin/equipe",
  firstShopInvited: "/admin",
  firstShopLive: "/admin/commerces",
};

const box = "min-h-11 w-full rounded-lg border border-gray-500 px-3";

/** Opening a town: the guided checklist from "created" to "its first shop takes orders", then the opening itself. */
export default async function OpeningPage() {
  const { actor, territory } = await adminPage("/admin/ouverture");
  const [checklist, site, t, tDashboard, row, passes] = await Promise.all([
    getOpeningChecklist(db(), { actor, territoryId: territory.id }),
    territorySite(territory.slug),
    getTranslations("admin"),
    getTranslations("dashboard"),
    db().territory.findUniqueOrThrow({ where: { id: territory.id }, select: { defaultSchedule: true } }),
    listPreviewPasses(db(), { actor, territoryId: territory.id }),
  ]);
  const when = (date: Date) => date.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
  const defaults = readScheduleDefaults(row.defaultSchedule) ?? { weekdays: [2, 3, 4, 5, 6], opens: "09:30", closes: "18:30", slotMinutes: 30, capacityPerSlot: 4, leadTimeMinutes: 120, horizonDays: 14 };
  const applyUrl = `${site?.publicUrl ?? ""}/inscription-commerce`;
  const doneCount = checklist.steps.filter((s) => s.done).length;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("openingHeading", { territory: territory.name })}</h1>
      <p className="text-muted">{checklist.status === "LIVE" ? t("openingLive", { territory: territory.name }) : t("openingIntro")}</p>
      <p className="font-medium" data-testid="opening-progress">{t("openingProgress", { done: doneCount, total: checklist.steps.length })}</p>
      <ol className="space-y-2" data-testid="opening-steps">
        {checklist.steps.map(({ step, done, optional, count }) => (
          <li key={step} className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3" data-step={step} data-done={done}>
            <span className="flex items-start gap-2">
              <span aria-hidden="true" className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${done ? "bg-brand-600 text-white" : "border-2 border-gray-500 text-gray-700"}`}>{done ? "✓" : ""}</span>
              <span>
                <strong>{t(`step_${step}`)}</strong>
                <span className="sr-only"> — {done ? t("stepDone") : optional ? t("stepOptional") : t("stepToDo")}</span>
                <span className="block text-sm text-muted">
                  {t(`step_${step}_help`, { count: count ?? 0 })}
                  {optional && !done && ` ${t("stepOptionalNote")}`}
                </span>
                {step === "firstShopInvited" && (
                  <span className="block break-all text-sm">
                    {t("applyLink")} <a href={applyUrl} className="underline" data-testid="apply-link">{applyUrl}</a>
                  </span>
                )}
              </span>
            </span>
            <Link href={STEP_LINKS[step]} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-3 font-medium text-brand-700">
              {done ? t("stepReview") : t("stepGo")}
              <span className="sr-only"> : {t(`step_${step}`)}</span>
            </Link>
          </li>
        ))}
      </ol>

      <section id="horaires-proposes" aria-labelledby="schedule-defaults" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="schedule-defaults" className="text-xl font-semibold">{t("step_scheduleDefaults")}</h2>
        <p className="text-sm text-muted">{t("scheduleDefaultsHelp")}</p>
        <ActionForm action={saveScheduleDefaultsAction} submitLabel={t("scheduleDefaultsSave")} pendingLabel={t("working")} successLabel={t("saved")}>
          <fieldset>
            <legend className="text-sm font-medium">{t("scheduleDefaultsDays")}</legend>
            <div className="flex flex-wrap gap-x-4">
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <label key={day} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="weekdays" value={day} defaultChecked={defaults.weekdays.includes(day)} className="h-5 w-5" />
                  {tDashboard(`days.${day}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-3">
            {([["opens", tDashboard("opens"), "time", defaults.opens], ["closes", tDashboard("closes"), "time", defaults.closes], ["slotMinutes", tDashboard("slotMinutes"), "number", defaults.slotMinutes], ["capacityPerSlot", tDashboard("capacity"), "number", defaults.capacityPerSlot], ["leadTimeMinutes", tDashboard("lead"), "number", defaults.leadTimeMinutes], ["horizonDays", tDashboard("horizon"), "number", defaults.horizonDays]] as const).map(([name, label, type, value]) => (
              <div key={name} className="space-y-1">
                <label htmlFor={`defaults-${name}`} className="block text-sm font-medium">{label}</label>
                <input id={`defaults-${name}`} name={name} type={type} required defaultValue={value} className={box} />
              </div>
            ))}
          </div>
        </ActionForm>
      </section>

      {checklist.status === "PREPARATION" && (
        <section aria-labelledby="preview-passes" className="space-y-3 rounded-xl bg-white p-4">
          <h2 id="preview-passes" className="text-xl font-semibold">{t("previewPassesHeading")}</h2>
          <p className="text-sm text-muted">{t("previewPassesHelp")}</p>
          {passes.length === 0 ? (
            <p data-testid="preview-passes-empty">{t("previewPassesNone")}</p>
          ) : (
            <ul className="space-y-2" data-testid="preview-passes">
              {passes.map((pass) => (
                <li key={pass.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-gray-300 p-2">
                  <span>
                    <strong>{pass.user.name ?? pass.user.email}</strong>
                    <span className="block text-sm text-muted">{t("previewPassDates", { from: when(pass.createdAt), until: when(pass.expiresAt) })}{pass.session.revokedAt ? ` — ${t("previewPassSignedOut")}` : ""}</span>
                  </span>
                  <ActionForm action={revokePreviewPassAction} submitLabel={t("previewPassRevoke")} pendingLabel={t("working")} successLabel={t("previewPassRevoked")}>
                    <input type="hidden" name="passId" value={pass.id} />
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {checklist.status === "PREPARATION" && (
        <section aria-labelledby="open-town" className="space-y-3 rounded-xl bg-white p-4">
          <h2 id="open-town" className="text-xl font-semibold">{t("openTownHeading", { territory: territory.name })}</h2>
          <p>{checklist.canOpen ? t("openTownReady") : t("openTownMissing", { steps: checklist.missing.map((step) => t(`step_${step}`)).join(", ") })}</p>
          {checklist.canOpen && (
            <ActionForm action={openTerritoryAction} submitLabel={t("openTownSubmit", { territory: territory.name })} pendingLabel={t("working")} successLabel={t("openTownDone")}>
              <span />
            </ActionForm>
          )}
        </section>
      )}
    </div>
  );
}
