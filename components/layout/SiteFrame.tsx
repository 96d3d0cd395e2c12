import type { ReactNode } from "react";
import { DevMailboxBanner } from "@/components/layout/DevMailboxBanner";
import { PaymentDemoBanner } from "@/components/layout/PaymentDemoBanner";
import { PreviewBanner } from "@/components/layout/PreviewBanner";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { TerritoryProvider } from "@/components/territory/TerritoryContext";
import type { Locale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";
import { devMailboxEnabled } from "@/lib/notifications/dev-mailbox";

/** Header, banners, main and footer around a page: of a town (its name, its links) or of the platform (territory null). */
export function SiteFrame({ territory, locale, children }: { territory: { slug: string; name: string; base: string; status?: "PREPARATION" | "LIVE" } | null; locale: Locale; children: ReactNode }) {
  return (
    <TerritoryProvider slug={territory?.slug ?? null} base={territory?.base ?? ""}>
      {territory?.status === "PREPARATION" && <PreviewBanner name={territory.name} />}
      <SiteHeader territory={territory} locale={locale} />
      {devMailboxEnabled() && <DevMailboxBanner />}
      {env().PAYMENT_DEMO && <PaymentDemoBanner />}
      <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter territory={territory} />
    </TerritoryProvider>
  );
}
