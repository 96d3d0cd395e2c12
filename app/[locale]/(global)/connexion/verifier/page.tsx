import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-xl bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">{t("checkHeading")}</h1>
      <p role="status">{t("checkText")}</p>
      {env().DEV_MAILBOX && (
        <Link href="/dev/mailbox" className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
          {t("devMailbox")}
        </Link>
      )}
    </div>
  );
}
