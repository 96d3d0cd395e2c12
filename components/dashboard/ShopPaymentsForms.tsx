"use client";

import { useTranslations } from "next-intl";
import { connectPaymentsAction, setNoShowFeeAction } from "@/app/actions/shop-payments";
import { ActionForm } from "@/components/ui/ActionForm";

export function ConnectPaymentsForm({ shopId, label }: { shopId: string; label: string }) {
  const t = useTranslations("payments");
  return (
    <ActionForm action={connectPaymentsAction} submitLabel={label} pendingLabel={t("opening")} successLabel="">
      <input type="hidden" name="shopId" value={shopId} />
    </ActionForm>
  );
}

export function NoShowFeeForm({ shopId, fee }: { shopId: string; fee: string }) {
  const t = useTranslations("payments");
  return (
    <ActionForm action={setNoShowFeeAction} submitLabel={t("saveFee")} pendingLabel={t("saving")} successLabel={t("feeSaved")}>
      <input type="hidden" name="shopId" value={shopId} />
      <label htmlFor="no-show-fee" className="block font-medium">{t("feeLabel")}</label>
      <input id="no-show-fee" name="fee" inputMode="decimal" defaultValue={fee} aria-describedby="no-show-fee-help" className="min-h-11 w-32 rounded-lg border border-gray-500 px-3" />
      <p id="no-show-fee-help" className="text-sm text-muted">{t("feeHelp")}</p>
    </ActionForm>
  );
}
