import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function CartPage() {
  const t = await getTranslations("cart");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <div className="rounded-xl bg-white p-8 text-center">
        <p className="text-lg text-muted">{t("empty")}</p>
        <Link href="/" className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
          {t("browse")}
        </Link>
      </div>
    </div>
  );
}
