import Link from "next/link";
import { getTranslations } from "next-intl/server";

type FailedEmail = { id: string; subject: string; order: { id: string; reference: string; contactName: string; contactPhone: string | null } | null };

/** Emails about the shop's orders that could not be delivered: whom to call instead. */
export async function FailedEmailsNotice({ shopId, emails }: { shopId: string; emails: FailedEmail[] }) {
  if (emails.length === 0) return null;
  const t = await getTranslations("dashboard");
  return (
    <section aria-labelledby="failed-emails-heading" role="alert" className="rounded-xl border-2 border-red-800 bg-red-50 p-4 text-red-950" data-testid="failed-emails">
      <h2 id="failed-emails-heading" className="text-lg font-semibold">{t("failedEmailsHeading", { count: emails.length })}</h2>
      <p>{t("failedEmailsHelp")}</p>
      <ul className="mt-2 list-inside list-disc">
        {emails.map((email) => (
          <li key={email.id}>
            {email.order ? (
              <>
                <Link href={`/dashboard/${shopId}/commandes/${email.order.id}`} className="underline">{email.order.reference}</Link> — {email.order.contactName}
                {email.order.contactPhone ? ` · ${email.order.contactPhone}` : ""} — {email.subject}
              </>
            ) : (
              email.subject
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
