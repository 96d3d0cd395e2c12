import { z } from "zod";
import type { OpeningHours } from "./open-now";

export const openingHoursSchema = z.array(
  z.object({ weekday: z.number().int().min(1).max(7), opens: z.string().regex(/^\d{2}:\d{2}$/), closes: z.string().regex(/^\d{2}:\d{2}$/) }),
);

export type { OpeningHours } from "./open-now";

/** Reads stored opening hours, ignoring malformed data rather than failing the page. */
export function readOpeningHours(value: unknown): OpeningHours {
  const parsed = openingHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export { hoursOn, isOpenAt } from "./open-now";
