import { getLocale, getTranslations } from "next-intl/server";
import { answerSlotMoveAction } from "@/app/actions/orders";
import { ActionForm } from "@/components/ui/ActionForm";
import { toLocale } from "@/lib/i18n/locales";
import type { SlotMoveView } from "@/lib/orders/changes/slot-moves";
import { formatDay, formatSlot, formatTime } from "@/lib/time/format";

type Props = { move: SlotMoveView; secret?: string; token?: string; now: Date };

/**
 * The shop closed the order's slot: the free slots offered instead, or cancel
 * (refunded) — one answer, posted (opening the email's link changes nothing).
 */
export async function SlotMoveAnswer({ move, secret, token, now }: Props) {
  const [t, locale] = await Promise.all([getTranslations("slotMove"), getLocale().then(toLocale)]);
  const open = move.status === "PROPOSED" && move.expiresAt.getTime() > now.getTime();
  return (
    <section aria-labelledby={`slot-move-${move.id}`} className={`space-y-2 rounded-xl border-2 p-4 ${open ? "border-amber-600 bg-amber-50" : "border-brand-100 bg-white"}`} data-testid="slot-move">
      <h2 id={`slot-move-${move.id}`} className="text-xl font-semibold">{t("heading")}</h2>
      <p>{t("why", { shop: move.order.shopName, slot: formatSlot(move.order.slotStartsAt, move.order.slotEndsAt, locale) })}{move.reason ? ` (${move.reason})` : ""}</p>
      {open ? (
        <ActionForm action={answerSlotMoveAction} submitLabel={t("submit")} pendingLabel={t("sending")} successLabel={t("thanks")}>
          <input type="hidden" name="slotMoveId" value={move.id} />
          {secret && <input type="hidden" name="secret" value={secret} />}
          {token && <input type="hidden" name="token" value={token} />}
          <fieldset className="space-y-1">
            <legend className="font-medium">{t("choose", { day: formatDay(move.expiresAt, locale), time: formatTime(move.expiresAt, locale) })}</legend>
            {move.options.map((option, index) => (
              <label key={option.startsAt.toISOString()} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="choice" value={index} defaultChecked={index === 0} required className="h-5 w-5" />
                {formatSlot(option.startsAt, option.endsAt, locale)}
              </label>
            ))}
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="choice" value="cancel" className="h-5 w-5" />
              {t("cancelInstead")}
            </label>
          </fieldset>
        </ActionForm>
      ) : (
        <p className="font-medium" data-testid="slot-move-outcome">{t(`outcome_${move.status}`)}</p>
      )}
    </section>
  );
}
