import { getTranslations } from "next-intl/server";
import { nudgeShopAction, publishShopAction, setShopSuspendedAction } from "@/app/actions/onboarding";
import { ActionForm } from "@/components/ui/ActionForm";
import { listTerritoryShops } from "@/lib/admin/publish-shop";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

export default async function AdminShopsPage() {
  const { actor, territory } = await adminPage("/admin/commerces");
  const [shops, t, tPayments] = await Promise.all([listTerritoryShops(db(), { actor, territoryId: territory.id }), getTranslations("admin"), getTranslations("payments")]);
  const items = ["profile", "products", "schedule", "payment"] as const;
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("shops")}</h1>
      <ul className="space-y-3">
        {shops.map((shop) => (
          <li key={shop.id} className="space-y-2 rounded-xl bg-white p-4" data-testid="admin-shop">
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-semibold">{shop.name}</span>
              <span className="rounded bg-brand-50 px-2 text-sm">{shop.status === "SUSPENDED" ? t("suspended") : shop.publishedAt ? t("published") : t("notPublished")}</span>
              <span className="rounded bg-sky-50 px-2 text-sm" data-testid="shop-payments-status">{tPayments(`short_${shop.stripeStatus}`)}</span>
            </p>
            <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("checklist")}>
              {items.map((item) => (
                <li key={item}>{shop.checklist[item] ? "✓" : "✗"} {t(`${item}Ok`)} ({shop.checklist[item] ? t("yes") : t("no")})</li>
              ))}
            </ul>
            <div className="flex flex-wrap gap-3">
              {!shop.publishedAt && (
                <ActionForm action={publishShopAction} submitLabel={t("publish", { name: shop.name })} pendingLabel={t("working")} successLabel={t("publishedDone")}>
                  <input type="hidden" name="shopId" value={shop.id} />
                </ActionForm>
              )}
              {!shop.publishedAt && shop._count.members > 0 && items.some((item) => !shop.checklist[item]) && (
                <ActionForm action={nudgeShopAction} submitLabel={t("nudge", { name: shop.name })} pendingLabel={t("working")} successLabel={t("nudged")}>
                  <input type="hidden" name="shopId" value={shop.id} />
                  {items.filter((item) => !shop.checklist[item]).map((item) => <input key={item} type="hidden" name="missing" value={t(`${item}Ok`)} />)}
                </ActionForm>
              )}
            </div>
            {shop.status === "SUSPENDED" ? (
              <ActionForm action={setShopSuspendedAction} submitLabel={t("reinstate", { name: shop.name })} pendingLabel={t("working")} successLabel={t("savedShort")}>
                <input type="hidden" name="shopId" value={shop.id} />
                <input type="hidden" name="suspended" value="false" />
              </ActionForm>
            ) : (
              <details>
                <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-red-800">{t("suspend", { name: shop.name })}</summary>
                <ActionForm action={setShopSuspendedAction} submitLabel={t("confirmSuspend")} pendingLabel={t("working")} successLabel={t("savedShort")} danger>
                  <input type="hidden" name="shopId" value={shop.id} />
                  <input type="hidden" name="suspended" value="true" />
                  <label htmlFor={`suspend-${shop.id}`} className="block text-sm font-medium">{t("suspendReason")}</label>
                  <input id={`suspend-${shop.id}`} name="reason" required maxLength={500} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
                </ActionForm>
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
