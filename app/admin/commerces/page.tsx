import { getTranslations } from "next-intl/server";
import { publishShopAction } from "@/app/actions/onboarding";
import { ActionForm } from "@/components/ui/ActionForm";
import { listTerritoryShops } from "@/lib/admin/publish-shop";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

export default async function AdminShopsPage() {
  const { actor, territory } = await adminPage("/admin/commerces");
  const [shops, t] = await Promise.all([listTerritoryShops(db(), { actor, territoryId: territory.id }), getTranslations("admin")]);
  const items = ["profile", "products", "schedule", "payment"] as const;
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("shops")}</h1>
      <ul className="space-y-3">
        {shops.map((shop) => (
          <li key={shop.id} className="space-y-2 rounded-xl bg-white p-4" data-testid="admin-shop">
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-semibold">{shop.name}</span>
              <span className="rounded bg-brand-50 px-2 text-sm">{shop.publishedAt ? t("published") : t("notPublished")}</span>
            </p>
            <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("checklist")}>
              {items.map((item) => (
                <li key={item}>{shop.checklist[item] ? "✓" : "✗"} {t(`${item}Ok`)} ({shop.checklist[item] ? t("yes") : t("no")})</li>
              ))}
            </ul>
            {!shop.publishedAt && (
              <ActionForm action={publishShopAction} submitLabel={t("publish", { name: shop.name })} pendingLabel={t("working")} successLabel={t("publishedDone")}>
                <input type="hidden" name="shopId" value={shop.id} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
