"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold">{t("errorHeading")}</h1>
      <p className="text-muted">{t("errorText")}</p>
      {error.digest && <p className="text-sm text-muted">Réf. {error.digest}</p>}
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white">
        {t("retry")}
      </button>
    </div>
  );
}
