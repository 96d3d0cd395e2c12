import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ADMIN_CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { DashboardNav } from "@/components/dashboard/DashboardNav";
import { isSuperAdmin } from "@/lib/auth/guards";
import { adminPage } from "./_lib/guard";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor, territory } = await adminPage("/admin");
  const [t, messages] = await Promise.all([getTranslations("admin"), clientMessages(ADMIN_CLIENT_NAMESPACES)]);
  return (
    <NextIntlClientProvider messages={messages}>
    <div className="space-y-6">
      <DashboardNav
        label={t("heading", { territory: territory.name })}
        links={[
          { href: "/admin", label: t("applications") },
          { href: "/admin/commerces", label: t("shops") },
          { href: "/admin/points-relais", label: t("relayPoints") },
          { href: "/admin/categories", label: t("categories") },
          { href: "/admin/communes", label: t("communes") },
          { href: "/admin/chiffres", label: t("figures") },
          { href: "/admin/journal", label: t("journal") },
          { href: "/admin/emails", label: t("emails") },
          ...(isSuperAdmin(actor) ? [{ href: "/admin/territoires", label: t("territories") }] : []),
        ]}
      />
      {children}
    </div>
    </NextIntlClientProvider>
  );
}
