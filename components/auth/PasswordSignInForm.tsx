"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";

const ERROR_KEYS = { CredentialsSignin: "invalidCredentials", RateLimited: "rateLimited" } as const;

function errorKey(error: string | null | undefined): "invalidCredentials" | "rateLimited" | "failed" {
  return ERROR_KEYS[error as keyof typeof ERROR_KEYS] ?? "failed";
}

export function PasswordSignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations("signIn");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError ? t(errorKey(initialError)) : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("password", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(t(errorKey(result?.error)));
        setPending(false);
        return;
      }
      // A full load (the button stays pending meanwhile): the session changed, every part of the page (and its title) is read again.
      window.location.assign(callbackUrl);
    } catch {
      setError(t("failed"));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="password-email" className="block font-medium">
          {t("email")}
        </label>
        <input id="password-email" name="email" type="email" autoComplete="email" required className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
      </div>
      <div className="space-y-1">
        <label htmlFor="password-password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="password-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={error ? "password-error" : undefined}
          className="min-h-11 w-full rounded-lg border border-gray-500 px-3"
        />
      </div>
      {error && (
        <p id="password-error" role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <SubmitButton pending={pending} pendingLabel={t("signingIn")}>
        {t("submitPassword")}
      </SubmitButton>
    </form>
  );
}
