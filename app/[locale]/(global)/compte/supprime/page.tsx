import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Where the browser lands once the account is deleted and signed out. */
export default async function AccountDeletedPage() {
  const t = await getTranslations("account");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("deletedHeading")}</h1>
      <p>{t("deletedText")}</p>
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}
