"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveProductAction } from "@/app/actions/products";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";
import { useErrorText } from "@/components/ui/useErrorText";

export type ProductFormValues = {
  name: string;
  description: string;
  section: string;
  sku: string;
  price: string;
  vatRateBp: number;
  unit: string;
  stock: number | null;
  lowStockAlert: number;
  soldByWeight: boolean;
  pieceGrams: number | null;
  weightTolerance: number;
};

const VAT = [2000, 1000, 550, 210, 0];

export function ProductForm({ shopId, productId, values }: { shopId: string; productId?: string; values: ProductFormValues }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult>(saveProductAction, idleResult);
  const [unlimited, setUnlimited] = useState(values.stock === null);
  const [byWeight, setByWeight] = useState(values.soldByWeight);
  const failure = !state.ok && state.error ? state : null;
  const fieldError = (name: string) => {
    const key = failure?.fieldErrors?.[name] ?? (failure?.details?.field === name ? failure.error : undefined);
    return key ? errorText(key) : null;
  };
  const field = (name: Exclude<keyof ProductFormValues, "soldByWeight">, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = fieldError(name);
    return (
      <div className="space-y-1">
        <label htmlFor={`product-${name}`} className="block font-medium">{label}</label>
        <input
          id={`product-${name}`}
          name={name}
          defaultValue={values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `product-${name}-error` : undefined}
          className="min-h-11 w-full rounded-lg border border-gray-500 px-3"
          {...props}
        />
        {error && <p id={`product-${name}-error`} className="text-sm font-medium text-red-800">{error}</p>}
      </div>
    );
  };
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-4 rounded-xl bg-white p-4">
      <input type="hidden" name="shopId" value={shopId} />
      {productId && <input type="hidden" name="productId" value={productId} />}
      {failure && <p role="alert" className="rounded-lg border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">{errorText(failure.error)}</p>}
      {field("name", t("fieldName"), { required: true, maxLength: 120 })}
      <div className="space-y-1">
        <label htmlFor="product-description" className="block font-medium">{t("fieldDescription")}</label>
        <textarea id="product-description" name="description" defaultValue={values.description} maxLength={2000} rows={3} className="w-full rounded-lg border border-gray-500 px-3 py-2" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("section", t("fieldSection"), { maxLength: 60 })}
        {field("sku", t("fieldSku"), { maxLength: 40 })}
        {field("price", t("fieldPrice"), { required: true, inputMode: "decimal" })}
        <div className="space-y-1">
          <label htmlFor="product-vat" className="block font-medium">{t("fieldVat")}</label>
          <select id="product-vat" name="vatRateBp" defaultValue={values.vatRateBp} className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-2">
            {VAT.map((rate) => (
              <option key={rate} value={rate}>{(rate / 100).toLocaleString("fr-FR")} %</option>
            ))}
          </select>
        </div>
        {field("unit", t("fieldUnit"), { required: true, maxLength: 30 })}
        {field("lowStockAlert", t("fieldLowStock"), { type: "number", min: 0, inputMode: "numeric" })}
      </div>
      <fieldset className="space-y-2 rounded-lg border border-brand-100 p-3">
        <legend className="px-1 font-medium">{t("weightHeading")}</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="soldByWeight" checked={byWeight} onChange={(e) => setByWeight(e.target.checked)} className="h-5 w-5" aria-describedby="product-weight-help" />
          {t("fieldSoldByWeight")}
        </label>
        <p id="product-weight-help" className="text-sm text-muted">{t("weightFieldHelp")}</p>
        {byWeight && (
          <div className="grid gap-4 sm:grid-cols-2">
            {field("pieceGrams", t("fieldPieceGrams"), { type: "number", min: 1, inputMode: "numeric", required: true })}
            {field("weightTolerance", t("fieldTolerance"), { type: "number", min: 0, max: 50, inputMode: "numeric" })}
          </div>
        )}
      </fieldset>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="unlimited" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} className="h-5 w-5" />
        {t("fieldUnlimited")}
      </label>
      {!unlimited && field("stock", t("fieldStock"), { type: "number", min: 0, inputMode: "numeric", required: true })}
      <div className="sm:max-w-xs">
        <SubmitButton pending={pending} pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
