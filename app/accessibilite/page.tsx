import { getTranslations } from "next-intl/server";

export default async function AccessibilityPage() {
  const t = await getTranslations("a11y");
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p>{t("status")}</p>
      <p>{t("contact")}</p>
    </article>
  );
}
