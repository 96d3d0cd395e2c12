import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { mayOpenDevMailbox } from "@/lib/notifications/dev-mailbox";
import { listMailbox } from "@/lib/notifications/mailbox";
import { MailText } from "@/components/notifications/MailText";

type Props = { searchParams: Promise<{ to?: string }> };

/** Dev-only mailbox: exists only when DEV_MAILBOX is on (embedded demo), and only for this machine. */
export default async function DevMailboxPage({ searchParams }: Props) {
  if (!(await mayOpenDevMailbox())) notFound();
  const { to } = await searchParams;
  const [t, locale, emails] = await Promise.all([getTranslations("mailbox"), getLocale(), listMailbox(db(), { to: typeof to === "string" ? to : undefined })]);
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <form className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="mailbox-to" className="block font-medium">
            {t("filter")}
          </label>
          <input id="mailbox-to" name="to" type="email" defaultValue={typeof to === "string" ? to : ""} className="min-h-11 rounded-lg border border-gray-500 px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
          {t("apply")}
        </button>
      </form>
      {emails.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("empty")}</p>
      ) : (
        <ol className="space-y-4">
          {emails.map((email) => (
            <li key={email.id}>
              <article aria-labelledby={`mail-${email.id}`} className="rounded-xl bg-white p-5 shadow-sm" data-testid="mailbox-email">
                <h2 id={`mail-${email.id}`} className="text-lg font-semibold">
                  {email.subject}
                </h2>
                <p className="text-sm text-muted">
                  {t("to")} : <span data-testid="mailbox-to">{email.toAddress}</span> · {email.sentAt ? `${t("sentAt")} ${dateFormat.format(email.sentAt)}` : `${t("queuedAt")} ${dateFormat.format(email.createdAt)} — ${t(`status_${email.status}`)}`}
                </p>
                <MailText text={email.text} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
