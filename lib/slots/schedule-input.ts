import { z } from "zod";
import { wholeNumber } from "@/lib/validation/fields";
import { parseClock } from "@/lib/time/zoned";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "timeInvalid").transform(parseClock);

export const ruleInput = z
  .object({
    weekday: wholeNumber(1, 7, "weekdayInvalid"),
    opens: clock,
    closes: clock,
    slotMinutes: wholeNumber(10, 240, "slotLength"),
    capacityPerSlot: wholeNumber(1, 200, "capacityInvalid"),
    leadTimeMinutes: wholeNumber(0, 10_080, "leadInvalid"),
    sameDayCutoff: z.union([z.literal(""), clock]).optional(),
    horizonDays: wholeNumber(1, 60, "horizonInvalid"),
  })
  .refine((r) => r.opens < r.closes, { message: "hoursOrder", path: ["closes"] })
  .refine((r) => r.slotMinutes <= r.closes - r.opens, { message: "slotLongerThanOpening", path: ["slotMinutes"] });

export const weeklyScheduleInput = z
  .object({
    pickupPointId: z.string().min(1).max(64),
    rules: z.array(ruleInput).max(50),
    acknowledgeAffected: z.boolean().default(false),
    /** What becomes of the orders booked in slots the new rules drop (issue #24): as for a closure */
    affectedAction: z.enum(["keep", "propose", "cancel"], { message: "affectedActionInvalid" }).optional(),
  })
  .superRefine((input, ctx) => {
    input.rules.forEach((a, i) => {
      input.rules.forEach((b, j) => {
        if (j > i && a.weekday === b.weekday && a.opens < b.closes && b.opens < a.closes) {
          ctx.addIssue({ code: "custom", message: "periodsOverlap", path: ["rules", j, "opens"] });
        }
      });
    });
  });

/** Rule rows as the slot engine and the database take them. */
export function toScheduleRules(rules: z.infer<typeof ruleInput>[]) {
  return rules.map((r) => ({
    weekday: r.weekday,
    opensAtMinute: r.opens,
    closesAtMinute: r.closes,
    slotMinutes: r.slotMinutes,
    capacityPerSlot: r.capacityPerSlot,
    leadTimeMinutes: r.leadTimeMinutes,
    sameDayCutoffMinute: typeof r.sameDayCutoff === "number" ? r.sameDayCutoff : null,
    horizonDays: r.horizonDays,
  }));
}

export const closureInput = z
  .object({
    pickupPointId: z.string().max(64).optional().transform((v) => v || null),
    startsOn: z.iso.date("dateInvalid"),
    endsOn: z.iso.date("dateInvalid"),
    reason: z.string().trim().max(200).default(""),
    acknowledgeAffected: z.boolean().default(false),
    /** What becomes of the orders booked on those dates (issue #24): kept as they are, offered other slots, or cancelled and refunded */
    affectedAction: z.enum(["keep", "propose", "cancel"], { message: "affectedActionInvalid" }).optional(),
  })
  .refine((c) => c.startsOn <= c.endsOn, { message: "datesOrder", path: ["endsOn"] });
