"use client";

import { useTranslations } from "next-intl";
import { retryEmailAction } from "@/app/actions/emails";
import { ActionForm } from "@/components/ui/ActionForm";

export function RetryEmailForm({ emailId, subject }: { emailId: string; subject: string }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={retryEmailAction} submitLabel={t("retryEmail")} pendingLabel={t("retrying")} successLabel={t("requeued")} className="space-y-1">
      <input type="hidden" name="emailId" value={emailId} />
      <span className="sr-only">{subject}</span>
    </ActionForm>
  );
}
