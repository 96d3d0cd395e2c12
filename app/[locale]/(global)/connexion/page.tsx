import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmailSignInForm } from "@/components/auth/EmailSignInForm";
import { PasswordSignInForm } from "@/components/auth/PasswordSignInForm";
import { getActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if ((await getActor()).kind === "user") redirect(callbackUrl);
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-lg space-y-8">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <section aria-labelledby="email-sign-in" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="email-sign-in" className="text-xl font-semibold">
          {t("emailHeading")}
        </h2>
        <p className="text-muted">{t("emailHelp")}</p>
        <EmailSignInForm callbackUrl={callbackUrl} />
      </section>
      <section aria-labelledby="password-sign-in" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="password-sign-in" className="text-xl font-semibold">
          {t("passwordHeading")}
        </h2>
        <p className="text-muted">{t("passwordHelp")}</p>
        <PasswordSignInForm callbackUrl={callbackUrl} initialError={params.error === "CredentialsSignin" || params.error === "RateLimited" ? params.error : null} />
      </section>
    </div>
  );
}
