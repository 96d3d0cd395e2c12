import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The 404 message; its frame comes from the layout it is rendered in. */
export async function NotFoundContent({ home = "/" }: { home?: string }) {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <p className="text-6xl font-bold text-brand-600" aria-hidden="true">
        404
      </p>
      <h1 className="text-2xl font-bold">{t("notFoundHeading")}</h1>
      <p className="text-muted">{t("notFoundText")}</p>
      <Link href={home} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white">
        {t("backHome")}
      </Link>
    </div>
  );
}
