import { getLocale, getTranslations } from "next-intl/server";
import { answerSubstituteAction, paySubstituteAction } from "@/app/actions/order-lines";
import { ActionForm } from "@/components/ui/ActionForm";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import type { SubstitutionView } from "@/lib/orders/changes/substitution-views";
import { formatDay, formatTime } from "@/lib/time/format";

type Props = {
  proposal: Omit<SubstitutionView, "order">;
  /** How the answer proves who gives it: the email's secret, or the order's link (an account needs neither) */
  secret?: string;
  token?: string;
  now: Date;
};

/**
 * A substitute the shop proposes: what is missing and why, what comes instead and
 * for how much, until when — and two buttons that post the answer (a link in an
 * email is only ever read: opening it changes nothing).
 */
export async function SubstituteAnswer({ proposal, secret, token, now }: Props) {
  const [t, locale] = await Promise.all([getTranslations("substitute"), getLocale().then(toLocale)]);
  const open = proposal.status === "PROPOSED" && proposal.expiresAt.getTime() > now.getTime();
  const reauthorize = proposal.reauthorizeCents ? formatPrice(proposal.reauthorizeCents, locale) : null;
  const price = proposal.maxLineTotalCents > proposal.lineTotalCents
    ? t("priceAbout", { amount: formatPrice(proposal.lineTotalCents, locale), max: formatPrice(proposal.maxLineTotalCents, locale) })
    : formatPrice(proposal.lineTotalCents, locale);
  return (
    <section aria-labelledby={`substitute-${proposal.id}`} className={`space-y-2 rounded-xl border-2 p-4 ${open ? "border-amber-600 bg-amber-50" : "border-brand-100 bg-white"}`} data-testid="substitute-proposal">
      <h2 id={`substitute-${proposal.id}`} className="text-xl font-semibold">{t("heading", { name: proposal.originalName })}</h2>
      <p>{t("why", { quantity: proposal.originalQuantity, name: proposal.originalName, price: formatPrice(proposal.originalTotalCents, locale), reason: proposal.reason })}</p>
      <p className="text-lg">
        {t("instead")} <strong>{proposal.quantity} × {proposal.productName}</strong> — <strong data-testid="substitute-price">{price}</strong>
      </p>
      {open ? (
        <>
          {reauthorize && <p data-testid="substitute-reauthorize">{t("reauthorize", { amount: reauthorize })}</p>}
          <p>{t("deadline", { day: formatDay(proposal.expiresAt, locale), time: formatTime(proposal.expiresAt, locale) })}</p>
          <div className="flex flex-wrap gap-4">
            {reauthorize ? (
              <ActionForm action={paySubstituteAction} submitLabel={t("acceptAndAuthorize", { amount: reauthorize })} pendingLabel={t("toPayment")} successLabel={t("toPayment")} className="space-y-0">
                <AnswerFields id={proposal.id} secret={secret} token={token} />
              </ActionForm>
            ) : (
              <ActionForm action={answerSubstituteAction} submitLabel={t("accept")} pendingLabel={t("sending")} successLabel={t("thanks")} className="space-y-0">
                <AnswerFields id={proposal.id} secret={secret} token={token} answer="accept" />
              </ActionForm>
            )}
            <ActionForm action={answerSubstituteAction} submitLabel={t("refuse")} pendingLabel={t("sending")} successLabel={t("thanks")} className="space-y-0" danger>
              <AnswerFields id={proposal.id} secret={secret} token={token} answer="refuse" />
            </ActionForm>
          </div>
        </>
      ) : (
        <p className="font-medium" data-testid="substitute-outcome">{t(`outcome_${proposal.status === "PROPOSED" ? "EXPIRED" : proposal.status}`)}</p>
      )}
    </section>
  );
}

function AnswerFields({ id, secret, token, answer }: { id: string; secret?: string; token?: string; answer?: "accept" | "refuse" }) {
  return (
    <>
      <input type="hidden" name="substitutionId" value={id} />
      {secret && <input type="hidden" name="secret" value={secret} />}
      {token && <input type="hidden" name="token" value={token} />}
      {answer && <input type="hidden" name="answer" value={answer} />}
    </>
  );
}
