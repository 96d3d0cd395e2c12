"use client";

import { useEffect } from "react";

/** Written here rather than loaded: the error page must work on pages that carry no translations. */
const TEXTS = {
  fr: { heading: "Une erreur est survenue", text: "Nous n'avons pas pu afficher cette page. Réessayez ; si le problème persiste, revenez plus tard.", retry: "Réessayer", reference: "Réf." },
  en: { heading: "Something went wrong", text: "We could not show this page. Try again; if the problem persists, come back later.", retry: "Try again", reference: "Ref." },
};

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = typeof document !== "undefined" && document.documentElement.lang === "en" ? TEXTS.en : TEXTS.fr;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold">{t.heading}</h1>
      <p className="text-muted">{t.text}</p>
      {error.digest && (
        <p className="text-sm text-muted">
          {t.reference} {error.digest}
        </p>
      )}
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white">
        {t.retry}
      </button>
    </div>
  );
}
