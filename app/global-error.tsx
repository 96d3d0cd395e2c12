"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: no translations available, so both languages. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="font-sans">
        <main className="mx-auto max-w-lg space-y-4 px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">Une erreur est survenue</h1>
          <p lang="en">Something went wrong.</p>
          <p>Réessayez dans un instant. / Please try again in a moment.</p>
          <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-green-800 px-4 font-medium text-white">
            Réessayer / Try again
          </button>
        </main>
      </body>
    </html>
  );
}
