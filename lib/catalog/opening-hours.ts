import { z } from "zod";
import { parseClock, toLocal } from "@/lib/time/zoned";

export const openingHoursSchema = z.array(
  z.object({ weekday: z.number().int().min(1).max(7), opens: z.string().regex(/^\d{2}:\d{2}$/), closes: z.string().regex(/^\d{2}:\d{2}$/) }),
);

export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** Reads stored opening hours, ignoring malformed data rather than failing the page. */
export function readOpeningHours(value: unknown): OpeningHours {
  const parsed = openingHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Today's periods, e.g. [{opens: "09:00", closes: "12:30"}, …] (Paris time). */
export function hoursOn(hours: OpeningHours, now: Date) {
  const { weekday } = toLocal(now);
  return hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
}

export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  const { minute } = toLocal(now);
  return hoursOn(hours, now).some((h) => parseClock(h.opens) <= minute && minute < parseClock(h.closes));
}
