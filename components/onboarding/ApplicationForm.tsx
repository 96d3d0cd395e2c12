"use client";

import { useTranslations } from "next-intl";
import { submitApplicationAction } from "@/app/actions/onboarding";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useErrorText } from "@/components/ui/useErrorText";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";

type Props = { categories: { id: string; name: string }[]; communes: { id: string; name: string; postalCode: string }[] };

export function ApplicationForm({ categories, communes }: Props) {
  const t = useTranslations("apply");
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult>(submitApplicationAction, idleResult);
  const failure = !state.ok && state.error ? state : null;
  const errorFor = (name: string) => {
    const key = failure?.fieldErrors?.[name] ?? (failure?.details?.field === name ? failure.error : undefined);
    return key ? errorText(key) : null;
  };
  const described = (name: string) => (errorFor(name) ? { "aria-invalid": true, "aria-describedby": `apply-${name}-error` } : {});
  const error = (name: string) => {
    const message = errorFor(name);
    return message ? <p id={`apply-${name}-error`} className="text-sm font-medium text-red-800">{message}</p> : null;
  };
  const box = "min-h-11 w-full rounded-lg border border-gray-500 px-3";
  const text = (name: string, label: string, type = "text", autoComplete?: string) => (
    <div className="space-y-1">
      <label htmlFor={`apply-${name}`} className="block font-medium">{label}</label>
      <input id={`apply-${name}`} name={name} type={type} autoComplete={autoComplete} required className={box} {...described(name)} />
      {error(name)}
    </div>
  );
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl bg-white p-4">
      {failure && <p role="alert" className="rounded-lg border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">{errorText(failure.error)}</p>}
      {text("shopName", t("shopName"), "text", "organization")}
      {text("siret", t("siret"), "text")}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="apply-categoryId" className="block font-medium">{t("category")}</label>
          <select id="apply-categoryId" name="categoryId" required defaultValue="" className={`${box} bg-white`} {...described("categoryId")}>
            <option value="" disabled>—</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          {error("categoryId")}
        </div>
        <div className="space-y-1">
          <label htmlFor="apply-communeId" className="block font-medium">{t("commune")}</label>
          <select id="apply-communeId" name="communeId" required defaultValue="" className={`${box} bg-white`} {...described("communeId")}>
            <option value="" disabled>—</option>
            {communes.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.postalCode})</option>)}
          </select>
          {error("communeId")}
        </div>
        {text("addressLine", t("address"), "text", "address-line1")}
        {text("postalCode", t("postalCode"), "text", "postal-code")}
        {text("contactName", t("contactName"), "text", "name")}
        {text("contactPhone", t("contactPhone"), "tel", "tel")}
      </div>
      {text("contactEmail", t("contactEmail"), "email", "email")}
      <div className="space-y-1">
        <label htmlFor="apply-description" className="block font-medium">{t("description")}</label>
        <textarea id="apply-description" name="description" required rows={4} maxLength={2000} className="w-full rounded-lg border border-gray-500 px-3 py-2" {...described("description")} />
        {error("description")}
      </div>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("pickupOptions")}</legend>
        {(["door", "relay"] as const).map((option) => (
          <label key={option} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="pickupOptions" value={option} defaultChecked={option === "door"} className="h-5 w-5" />
            {t(option)}
          </label>
        ))}
        {error("pickupOptions")}
      </fieldset>
      <div className="sm:max-w-xs">
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
