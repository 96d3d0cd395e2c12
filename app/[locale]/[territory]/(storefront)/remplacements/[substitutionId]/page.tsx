import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubstituteAnswer } from "@/components/orders/SubstituteAnswer";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { substitutionForLink } from "@/lib/orders/changes/substitutes";

type Props = { params: Promise<{ substitutionId: string }>; searchParams: Promise<{ s?: string }> };

/**
 * The email's link: the proposal and its two buttons. Opening it changes nothing;
 * a tampered or foreign link is a 404, an answered or expired one shows what became of it.
 */
export default async function SubstitutePage({ params, searchParams }: Props) {
  const [{ substitutionId }, { s: secret }] = await Promise.all([params, searchParams]);
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
      <SubstituteAnswer proposal={view} secret={secret} now={new Date()} />
      <p className="text-muted">{t("pageHelp")}</p>
    </article>
  );
}
