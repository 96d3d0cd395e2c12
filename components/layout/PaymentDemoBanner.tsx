import { getTranslations } from "next-intl/server";

/** Shown on every page while online payment runs on the local Stripe double (the embedded demo). */
export async function PaymentDemoBanner() {
  const t = await getTranslations("payments");
  return (
    <div role="note" className="bg-sky-100 px-4 py-2 text-center text-sm text-sky-950 print:hidden" data-testid="payment-demo-banner">
      {t("demoBanner")}
    </div>
  );
}
