import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/onboarding/ApplicationForm";
import { db } from "@/lib/db/prisma";
import { getApplicationOptions } from "@/lib/onboarding/application-options";

export default async function ApplyPage({ params }: { params: Promise<{ territory: string }> }) {
  const options = await getApplicationOptions(db(), (await params).territory);
  if (!options) notFound();
  const [t, locale] = await Promise.all([getTranslations("apply"), getLocale()]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p>{t("intro")}</p>
      <ApplicationForm categories={options.categories.map((c) => ({ id: c.id, name: locale === "en" ? c.nameEn : c.nameFr }))} communes={options.communes} />
    </div>
  );
}
