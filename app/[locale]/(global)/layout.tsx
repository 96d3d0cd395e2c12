import type { ReactNode } from "react";
import { StorefrontIntl } from "@/components/i18n/StorefrontIntl";
import { SiteFrame } from "@/components/layout/SiteFrame";
import { toLocale } from "@/lib/i18n/locales";

/** Pages of no particular town (account, sign-in, dashboards, administration, the towns' list). */
export default async function GlobalLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  return (
    <StorefrontIntl>
      <SiteFrame territory={null} locale={toLocale((await params).locale)}>
        {children}
      </SiteFrame>
    </StorefrontIntl>
  );
}
