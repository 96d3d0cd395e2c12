import type { OpeningHours } from "@/lib/catalog/opening-hours";
import { addDays, fromLocal, isoWeekday, parseClock, toLocal } from "@/lib/time/zoned";

/**
 * How long an unpaid order holds its stock and slot place: a little longer than its
 * payment page lives (31 minutes, Stripe's minimum), so a payment made on time
 * always finds the goods still held.
 */
export const HOLD_MINUTES = 35;

const HOUR = 3_600_000;
/** Slots starting before noon are reminded of the evening before, at 18:00. */
const MORNING_ENDS_MINUTE = 12 * 60;
const EVENING_REMINDER_MINUTE = 18 * 60;
/** Later slots are reminded 2 hours before. */
const SAME_DAY_LEAD_MS = 2 * HOUR;
/** No reminder when the order was placed so close to the reminder time: the confirmation just arrived. */
const MIN_REMINDER_NOTICE_MS = 30 * 60_000;

/**
 * When to remind a customer of a pickup (Europe/Paris): a morning slot the evening
 * before at 18:00 (people plan their morning the night before; an early reminder
 * on the day may come after they left), any other slot 2 hours before. Null when
 * that moment is less than 30 minutes away: the order was just confirmed by email.
 */
export function reminderTime(slotStartsAt: Date, now: Date): Date | null {
  const local = toLocal(slotStartsAt);
  const at = local.minute < MORNING_ENDS_MINUTE ? fromLocal(addDays(local.date, -1), EVENING_REMINDER_MINUTE) : new Date(slotStartsAt.getTime() - SAME_DAY_LEAD_MS);
  if (!at || at.getTime() - now.getTime() < MIN_REMINDER_NOTICE_MS) return null;
  return at;
}

/**
 * When an uncollected order becomes a no-show: the shop's grace in hours after the
 * slot's end, or by default the end of the shop's next opening day (the customer
 * can still come the next day the shop is open). A shop without opening hours
 * gives 24 hours.
 */
export function noShowDeadline(slotEndsAt: Date, shop: { openingHours: OpeningHours; noShowGraceHours: number | null }): Date {
  if (shop.noShowGraceHours !== null) return new Date(slotEndsAt.getTime() + shop.noShowGraceHours * HOUR);
  const slotDay = toLocal(slotEndsAt).date;
  for (let days = 1; days <= 14; days++) {
    const day = addDays(slotDay, days);
    const closings = shop.openingHours.filter((h) => h.weekday === isoWeekday(day)).map((h) => parseClock(h.closes));
    if (closings.length === 0) continue;
    const closesAt = fromLocal(day, Math.max(...closings));
    if (closesAt) return closesAt;
  }
  return new Date(slotEndsAt.getTime() + 24 * HOUR);
}
