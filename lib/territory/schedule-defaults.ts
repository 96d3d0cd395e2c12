import { z } from "zod";
import type { RuleRow } from "@/lib/slots/rule-rows";
import { ruleInput } from "@/lib/slots/schedule-input";
import { wholeNumber } from "@/lib/validation/fields";

/**
 * The pickup hours a town suggests to its new shops (opening checklist, issue
 * #12): one period on some weekdays, with the slot settings. A shop without a
 * schedule finds them filled in its editor, marked as the town's suggestion;
 * nothing is saved for the shop until its owner saves.
 */
export type ScheduleDefaults = { weekdays: number[]; opens: string; closes: string; slotMinutes: number; capacityPerSlot: number; leadTimeMinutes: number; horizonDays: number };

const clockText = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "timeInvalid");

export const scheduleDefaultsInput = z
  .object({
    weekdays: z.array(wholeNumber(1, 7, "weekdayInvalid")).min(1, "weekdaysRequired").max(7).transform((days) => [...new Set(days)].sort()),
    opens: clockText,
    closes: clockText,
    slotMinutes: wholeNumber(10, 240, "slotLength"),
    capacityPerSlot: wholeNumber(1, 200, "capacityInvalid"),
    leadTimeMinutes: wholeNumber(0, 10_080, "leadInvalid"),
    horizonDays: wholeNumber(1, 60, "horizonInvalid"),
  })
  // The same rules a shop's own schedule must follow (opening before closing, a slot that fits).
  .superRefine((value, ctx) => {
    const checked = ruleInput.safeParse({ ...value, weekday: value.weekdays[0] ?? 1, sameDayCutoff: "" });
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });

/** Stored defaults as the editor needs them; anything unreadable counts as none. */
export function readScheduleDefaults(stored: unknown): ScheduleDefaults | null {
  const parsed = scheduleDefaultsInput.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** One editor row per suggested weekday. */
export function suggestedRows(defaults: ScheduleDefaults | null): RuleRow[] {
  if (!defaults) return [];
  return defaults.weekdays.map((weekday) => ({
    weekday,
    opens: defaults.opens,
    closes: defaults.closes,
    slotMinutes: defaults.slotMinutes,
    capacityPerSlot: defaults.capacityPerSlot,
    leadTimeMinutes: defaults.leadTimeMinutes,
    sameDayCutoff: "",
    horizonDays: defaults.horizonDays,
  }));
}
