"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!EMAIL_PATTERN.test(email)) {
      setError(t("invalidEmail"));
      return;
    }
    setError(null);
    setPending(true);
    try {
      const result = await signIn("email", { email, callbackUrl, redirect: false });
      if (!result || result.error) {
        setError(result?.error === "RateLimited" ? t("rateLimited") : result?.error === "EmailSignin" ? t("invalidEmail") : t("failed"));
        return;
      }
      router.push("/connexion/verifier");
    } catch {
      setError(t("failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="signin-email" className="block font-medium">
          {t("email")}
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "signin-email-error" : undefined}
          className="min-h-11 w-full rounded-lg border border-gray-500 px-3"
        />
        {error && (
          <p id="signin-email-error" role="alert" className="text-sm font-medium text-red-800">
            {error}
          </p>
        )}
      </div>
      <SubmitButton pending={pending} pendingLabel={t("sending")}>
        {t("sendLink")}
      </SubmitButton>
    </form>
  );
}
