import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = { searchParams: Promise<{ error?: string }> };

/** next-auth sends failed sign-ins here; "Verification" means a used or expired link. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-xl bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">{t("errorHeading")}</h1>
      <p role="alert">{error === "Verification" ? t("errorVerification") : t("errorDefault")}</p>
      <Link href="/connexion" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white">
        {t("tryAgain")}
      </Link>
    </div>
  );
}
