import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ADMIN_CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { DashboardNav } from "@/components/dashboard/DashboardNav";
import { AdminTerritoryBar } from "@/components/admin/AdminTerritoryBar";
import { listAdministeredTerritories } from "@/lib/admin/admin-territory";
import { isSuperAdmin } from "@/lib/auth/guards";
import { db } from "@/lib/db/prisma";
import { adminPage } from "./_lib/guard";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor, territory } = await adminPage("/admin");
  const [t, messages, territories] = await Promise.all([getTranslations("admin"), clientMessages(ADMIN_CLIENT_NAMESPACES), listAdministeredTerritories(db(), actor)]);
  return (
    <NextIntlClientProvider messages={messages}>
    <div className="space-y-6">
      {/* Printed pages (statements, code sheets) show their content, not the console's navigation. */}
      <div className="space-y-6 print:hidden">
      <AdminTerritoryBar current={territory} territories={territories} />
      <DashboardNav
        label={t("heading", { territory: territory.name })}
        links={[
          ...(territory.status === "PREPARATION" ? [{ href: "/admin/ouverture", label: t("opening") }] : []),
          { href: "/admin", label: t("applications") },
          { href: "/admin/commerces", label: t("shops") },
          { href: "/admin/points-relais", label: t("relayPoints") },
          { href: "/admin/categories", label: t("categories") },
          { href: "/admin/communes", label: t("communes") },
          { href: "/admin/chiffres", label: t("figures") },
          { href: "/admin/bons", label: t("vouchers") },
          { href: "/admin/identite", label: t("identity") },
          { href: "/admin/equipe", label: t("team") },
          { href: "/admin/journal", label: t("journal") },
          { href: "/admin/emails", label: t("emails") },
          ...(isSuperAdmin(actor) ? [{ href: "/admin/territoires", label: t("territories") }] : []),
        ]}
      />
      </div>
      {children}
    </div>
    </NextIntlClientProvider>
  );
}
