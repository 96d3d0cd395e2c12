import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { DASHBOARD_CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { DashboardNav } from "@/components/dashboard/DashboardNav";
import { dashboardPage } from "../_lib/guard";

/** "Add to home screen" from the dashboard installs the dashboard, not the storefront. */
export const metadata: Metadata = { manifest: "/dashboard.webmanifest" };

export default async function ShopDashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  // Pages re-check membership themselves; this only builds the navigation.
  const { shop } = await dashboardPage(shopId, `/dashboard/${shopId}`);
  const [t, messages] = await Promise.all([getTranslations("dashboard"), clientMessages(DASHBOARD_CLIENT_NAMESPACES)]);
  return (
    <NextIntlClientProvider messages={messages}>
    <div className="space-y-6">
      <div className="print:hidden">
        <DashboardNav
          label={`${t("heading")} — ${shop.name}`}
          links={[
            { href: `/dashboard/${shopId}`, label: t("orders") },
            { href: `/dashboard/${shopId}/produits`, label: t("products") },
            { href: `/dashboard/${shopId}/import`, label: t("import") },
            { href: `/dashboard/${shopId}/retraits`, label: t("pickup") },
            { href: `/dashboard/${shopId}/tournees`, label: t("deliveries") },
            { href: `/dashboard/${shopId}/resume`, label: t("summary") },
            { href: `/dashboard/${shopId}/paiements`, label: t("payments") },
            { href: `/dashboard/${shopId}/bons`, label: t("vouchers") },
            { href: `/dashboard/${shopId}/profil`, label: t("profile") },
          ]}
        />
      </div>
      {children}
    </div>
    </NextIntlClientProvider>
  );
}
