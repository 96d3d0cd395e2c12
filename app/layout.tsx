import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { DevMailboxBanner } from "@/components/layout/DevMailboxBanner";
import { PaymentDemoBanner } from "@/components/layout/PaymentDemoBanner";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { getActor } from "@/lib/auth/session";
import { visitorCartCount } from "@/lib/cart/visitor";
import { toLocale } from "@/lib/i18n/locales";
import { devMailboxEnabled } from "@/lib/notifications/dev-mailbox";
import { env } from "@/lib/env";
import { getDefaultTerritory } from "@/lib/territory/default";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const territory = (await getDefaultTerritory())?.name ?? "Comptoir";
  return { title: t("title", { territory }), description: t("description", { territory }) };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d6b3c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = toLocale(await getLocale());
  const [actor, territory, cartCount] = await Promise.all([getActor(), getDefaultTerritory(), visitorCartCount()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <NextIntlClientProvider>
          <SiteHeader territoryName={territory?.name ?? "Comptoir"} locale={locale} cartCount={cartCount} signedIn={actor.kind === "user"} isShopkeeper={actor.kind === "user" && actor.memberships.length > 0} />
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
