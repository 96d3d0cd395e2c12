import { parseClock, toLocal } from "@/lib/time/zoned";

/** Weekly opening periods (weekday 1 = Monday), Paris wall-clock times "HH:MM". Pure: also runs in the browser. */
export type OpeningHours = { weekday: number; opens: string; closes: string }[];

/** Today's periods, e.g. [{opens: "09:00", closes: "12:30"}, …] (Paris time). */
export function hoursOn(hours: OpeningHours, now: Date) {
  const { weekday } = toLocal(now);
  return hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
}

export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  const { minute } = toLocal(now);
  return hoursOn(hours, now).some((h) => parseClock(h.opens) <= minute && minute < parseClock(h.closes));
}
