import { getTranslations } from "next-intl/server";

export default async function LegalPage() {
  const t = await getTranslations("legal");
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p>{t("publisher")}</p>
      <p>{t("hosting")}</p>
      <p>{t("data")}</p>
      <p>{t("cookies")}</p>
    </article>
  );
}
