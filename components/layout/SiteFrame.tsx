import type { CSSProperties, ReactNode } from "react";
import { DevMailboxBanner } from "@/components/layout/DevMailboxBanner";
import { PaymentDemoBanner } from "@/components/layout/PaymentDemoBanner";
import { PreviewBanner } from "@/components/layout/PreviewBanner";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { TerritoryProvider } from "@/components/territory/TerritoryContext";
import type { Locale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";
import { devMailboxEnabled } from "@/lib/notifications/dev-mailbox";
import { darken, tint } from "@/lib/territory/colour";
import type { TerritorySite } from "@/lib/territory/site";

/**
 * The town's colour replaces Comptoir's green: the brand shades are CSS variables
 * (app/globals.css), so overriding them on the frame repaints every button, link
 * and heading. The colour was checked for AA contrast when it was saved.
 */
function townColours(primary: string | null): CSSProperties | undefined {
  if (!primary) return undefined;
  return {
    "--color-brand-50": tint(primary, 0.08),
    "--color-brand-100": tint(primary, 0.18),
    "--color-brand-600": primary,
    "--color-brand-700": darken(primary, 0.82),
    "--color-brand-800": darken(primary, 0.64),
  } as CSSProperties;
}

/** Header, banners, main and footer around a page: of a town (its name, its links, its identity) or of the platform (territory null). */
export function SiteFrame({ territory, locale, children }: { territory: TerritorySite | null; locale: Locale; children: ReactNode }) {
  return (
    <TerritoryProvider slug={territory?.slug ?? null} base={territory?.base ?? ""}>
      <div className="contents" style={townColours(territory?.primaryColor ?? null)}>
        {territory?.status === "PREPARATION" && <PreviewBanner name={territory.name} />}
        <SiteHeader territory={territory} locale={locale} />
        {devMailboxEnabled() && <DevMailboxBanner />}
        {env().PAYMENT_DEMO && <PaymentDemoBanner />}
        <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter territory={territory} />
      </div>
    </TerritoryProvider>
  );
}
