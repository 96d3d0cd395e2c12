import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { getApplicationStatus } from "@/lib/onboarding/submit-application";

export default async function ApplicationStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const application = await getApplicationStatus(db(), (await params).token);
  if (!application) notFound();
  const t = await getTranslations("apply");
  return (
    <div className="mx-auto max-w-lg space-y-3 rounded-xl bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">{t("followHeading")}</h1>
      <p className="text-lg font-medium">{application.shopName} — {application.territory.name}</p>
      <p>{t("status")} : <strong data-testid="application-status">{t(application.status)}</strong></p>
      {application.reviewNote && <p>{t("note")} : « {application.reviewNote} »</p>}
    </div>
  );
}
