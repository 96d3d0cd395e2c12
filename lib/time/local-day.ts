import { z } from "zod";
import { addDays, fromLocal, toLocal, type LocalDate } from "./zoned";

/** A "jour" query parameter (YYYY-MM-DD); anything else means "today". */
const dayParam = z.iso.date().optional().catch(undefined);

/** The local day a page asks for, or today in Paris. */
export function requestedDay(value: unknown, now: Date): LocalDate {
  return dayParam.parse(value) ?? toLocal(now).date;
}

/** The instants of a local day, midnight to midnight (23 or 25 hours on daylight-saving days). */
export function localDayRange(day: LocalDate): { gte: Date; lt: Date } {
  return { gte: fromLocal(day, 0) ?? new Date(), lt: fromLocal(addDays(day, 1), 0) ?? new Date() };
}
