import { getLocale, getTranslations } from "next-intl/server";
import { statusLabelKey } from "@/lib/orders/status-label";

type HistoryEvent = { id: string; toStatus: Parameters<typeof statusLabelKey>[0]; createdAt: Date; note?: string; actor?: { name: string | null; email: string } | null };

/** An order's status history; the shop's view also shows who acted and why. */
export async function OrderHistory({ events, showActors = false, pointKind }: { events: HistoryEvent[]; showActors?: boolean; pointKind?: string }) {
  const [t, locale] = await Promise.all([getTranslations("order"), getLocale()]);
  const dateTime = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  return (
    <section aria-labelledby="order-history" className="rounded-xl bg-white p-4">
      <h2 id="order-history" className="text-xl font-semibold">{t("history")}</h2>
      <ol className="mt-2 space-y-1">
        {events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.createdAt.toISOString()}>{dateTime.format(event.createdAt)}</time> — {t(statusLabelKey(event.toStatus, pointKind))}
            {showActors && event.actor ? ` (${event.actor.name ?? event.actor.email})` : ""}
            {event.note?.includes("automatique") ? ` — ${t("automatic")}` : showActors && event.note ? ` — ${event.note}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
