import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RetryEmailForm } from "@/components/admin/RetryEmailForm";
import { listOutgoingEmails } from "@/lib/admin/outgoing-emails";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

type Props = { searchParams: Promise<{ statut?: string }> };

const FILTERS = ["all", "FAILED", "QUEUED", "SENT"] as const;

/** Outgoing emails of the territory (status, attempts, last error, retry) and the job queue's counts. */
export default async function OutgoingEmailsPage({ searchParams }: Props) {
  const { actor, territory } = await adminPage("/admin/emails");
  const status = (await searchParams).statut;
  const [{ emails, queue, failed }, t] = await Promise.all([listOutgoingEmails(db(), { actor, territoryId: territory.id, status }), getTranslations("admin")]);
  const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("emails")}</h1>
      <section aria-labelledby="queue-heading" className="rounded-xl bg-white p-4">
        <h2 id="queue-heading" className="text-xl font-semibold">{t("queueHeading")}</h2>
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="queue-counts">
          <li className="rounded-full bg-brand-50 px-3 py-1">{t("queuePending", { count: queue.pending })}</li>
          <li className="rounded-full bg-brand-50 px-3 py-1">{t("queueRunning", { count: queue.running })}</li>
          <li className={`rounded-full px-3 py-1 ${queue.failed ? "bg-red-100 text-red-900" : "bg-brand-50"}`}>{t("queueFailed", { count: queue.failed })}</li>
          <li className={`rounded-full px-3 py-1 ${failed ? "bg-red-100 text-red-900" : "bg-brand-50"}`}>{t("emailsFailed", { count: failed })}</li>
        </ul>
      </section>
      <nav aria-label={t("emailFilter")} className="flex flex-wrap gap-2">
        {FILTERS.map((filter) => (
          <Link key={filter} href={filter === "all" ? "/admin/emails" : `/admin/emails?statut=${filter}`} aria-current={(status ?? "all") === filter ? "page" : undefined} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-3 text-brand-700 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white">
            {t(`emailStatus_${filter}`)}
          </Link>
        ))}
      </nav>
      {emails.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noEmails")}</p>
      ) : (
        <ScrollRegion label={t("emails")} className="rounded-xl bg-white">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{t("emailTo")}</th>
                <th scope="col" className="p-2">{t("emailSubject")}</th>
                <th scope="col" className="p-2">{t("emailState")}</th>
                <th scope="col" className="p-2">{t("emailAttempts")}</th>
                <th scope="col" className="p-2">{t("emailError")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-t border-brand-100 align-top" data-testid="outgoing-email">
                  <td className="p-2">{date.format(email.createdAt)}</td>
                  <td className="p-2">{email.toAddress}</td>
                  <td className="p-2">{email.subject}{email.order ? ` (${email.order.reference})` : ""}</td>
                  <td className="p-2">{t(`emailStatus_${email.status}`)}</td>
                  <td className="p-2">{email.attempts}</td>
                  <td className="p-2">
                    {email.error && <p className="font-mono text-xs text-red-900">{email.error}</p>}
                    {email.status === "FAILED" && <RetryEmailForm emailId={email.id} subject={email.subject} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
