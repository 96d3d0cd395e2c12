import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubstituteAnswer } from "@/components/orders/SubstituteAnswer";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { refreshSubstitutePayments } from "@/lib/orders/changes/substitute-payment";
import { substitutionForLink } from "@/lib/orders/changes/substitution-views";
import { configuredGateway } from "@/lib/payments/configured";
import { now } from "@/lib/time/clock";

type Props = { params: Promise<{ substitutionId: string }>; searchParams: Promise<{ s?: string; paiement?: string }> };

/**
 * The email's link: the proposal and its two buttons. Opening it changes nothing;
 * a tampered or foreign link is a 404, an answered or expired one shows what became of it.
 */
export default async function SubstitutePage({ params, searchParams }: Props) {
  const [{ substitutionId }, { s: secret, paiement }] = await Promise.all([params, searchParams]);
  const gateway = configuredGateway();
  // Back from the new authorization's page: settled now from the provider's state (the webhook may come later), once the link is its own.
  if (gateway && paiement === "ok") {
    await substitutionForLink(db(), { substitutionId, secret })
      .then(() => refreshSubstitutePayments(db(), gateway, { substitutionId, now: now() }))
      .catch(() => undefined);
  }
  const proposal = await substitutionForLink(db(), { substitutionId, secret }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const t = await getTranslations("substitute");
  const { order, ...view } = proposal;
  return (
    <article className="max-w-2xl space-y-4">
      <header>
        <h1 className="text-3xl font-bold text-brand-800">{t("pageTitle", { reference: order.reference })}</h1>
        <p className="text-lg">{order.shopName}</p>
      </header>
      {paiement === "annule" && <p role="status">{t("paymentNotFinished")}</p>}
      <SubstituteAnswer proposal={view} secret={secret} now={now()} />
      <p className="text-muted">{t("pageHelp")}</p>
    </article>
  );
}
