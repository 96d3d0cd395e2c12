import { getLocale, getTranslations } from "next-intl/server";
import { ConnectPaymentsForm, NoShowFeeForm } from "@/components/dashboard/ShopPaymentsForms";
import { DisputeNotice } from "@/components/orders/DisputeNotice";
import { PaymentLedger } from "@/components/orders/PaymentLedger";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { configuredGateway } from "@/lib/payments/configured";
import { getShopPayments, refreshShopAccount } from "@/lib/payments/shop-accounts";
import { dashboardPage } from "../../_lib/guard";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<{ retour?: string }> };

/** The shop's online payment: its payments account, the no-show fee, and the money movements of its orders. */
export default async function ShopPaymentsPage({ params, searchParams }: Props) {
  const { shopId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/paiements`);
  const gateway = configuredGateway();
  const first = await getShopPayments(db(), { actor, shopId });
  // Back from Stripe's onboarding: its status now, rather than waiting for the webhook.
  if (gateway && first.stripeAccountId && (await searchParams).retour) await refreshShopAccount(db(), gateway, first.stripeAccountId).catch(() => null);
  const payments = (await searchParams).retour ? await getShopPayments(db(), { actor, shopId }) : first;
  const [t, locale] = await Promise.all([getTranslations("payments"), getLocale().then(toLocale)]);
  const fee = payments.noShowFeeCents === null ? "" : (payments.noShowFeeCents / 100).toFixed(2).replace(".", locale === "fr" ? "," : ".");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <section aria-labelledby="account-heading" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="account-heading" className="text-xl font-semibold">{t("accountHeading")}</h2>
        <p data-testid="payments-status">{t(`account_${payments.stripeStatus}`)}</p>
        {!gateway && <p className="text-muted">{t("notConfigured")}</p>}
        {gateway && payments.canEdit && payments.stripeStatus !== "ACTIVE" && (
          <ConnectPaymentsForm shopId={shopId} label={payments.stripeAccountId ? t("continueOnboarding") : t("connect")} />
        )}
        {payments.stripeStatus === "ACTIVE" && <p>{payments.paymentMethods.includes("ONLINE") ? t("onlineOffered") : t("onlineNotOffered")}</p>}
      </section>
      {payments.canEdit && (
        <section aria-labelledby="fee-heading" className="space-y-3 rounded-xl bg-white p-4">
          <h2 id="fee-heading" className="text-xl font-semibold">{t("feeHeading")}</h2>
          <NoShowFeeForm shopId={shopId} fee={fee} />
        </section>
      )}
      <DisputeNotice disputes={payments.disputes} orderHref={(orderId) => `/dashboard/${shopId}/commandes/${orderId}`} />
      {payments.movements.length === 0 ? <p className="rounded-lg bg-white p-6 text-muted">{t("noMovements")}</p> : <PaymentLedger movements={payments.movements} />}
    </div>
  );
}
