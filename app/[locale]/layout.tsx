import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { NextIntlClientProvider, hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DevMailboxBanner } from "@/components/layout/DevMailboxBanner";
import { PaymentDemoBanner } from "@/components/layout/PaymentDemoBanner";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { cachedTerritory } from "@/lib/catalog/cached";
import { STOREFRONT_CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { locales } from "@/lib/i18n/locales";
import { devMailboxEnabled } from "@/lib/notifications/dev-mailbox";
import { env } from "@/lib/env";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  const territory = (await cachedTerritory(env().DEFAULT_TERRITORY))?.name ?? "Comptoir";
  return { title: t("title", { territory }), description: t("description", { territory }), icons: { apple: "/apple-touch-icon.png" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d6b3c" };

/**
 * The root layout. The locale is the first path segment, written by proxy.ts
 * from the language cookie, so nothing here reads the request: storefront pages
 * below it can be cached whole. The visitor's own bits (signed in, basket count)
 * come from the header's client island.
 */
export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(locales, locale)) notFound();
  setRequestLocale(locale);
  const [territory, messages] = await Promise.all([cachedTerritory(env().DEFAULT_TERRITORY), clientMessages(STOREFRONT_CLIENT_NAMESPACES)]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <NextIntlClientProvider messages={messages}>
          <SiteHeader territoryName={territory?.name ?? "Comptoir"} locale={locale} />
          {devMailboxEnabled() && <DevMailboxBanner />}
          {env().PAYMENT_DEMO && <PaymentDemoBanner />}
          <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
