import type { ScheduleRule } from "./generate-slots";
import { formatClock } from "@/lib/time/zoned";

/** A weekly rule as the schedule editor shows it (times as "09:30"). */
export type RuleRow = { weekday: number; opens: string; closes: string; slotMinutes: number; capacityPerSlot: number; leadTimeMinutes: number; sameDayCutoff: string; horizonDays: number };

export function rowsFromRules(rules: ScheduleRule[]): RuleRow[] {
  return rules.map((r) => ({
    weekday: r.weekday,
    opens: formatClock(r.opensAtMinute),
    closes: formatClock(r.closesAtMinute),
    slotMinutes: r.slotMinutes,
    capacityPerSlot: r.capacityPerSlot,
    leadTimeMinutes: r.leadTimeMinutes,
    sameDayCutoff: r.sameDayCutoffMinute === null ? "" : formatClock(r.sameDayCutoffMinute),
    horizonDays: r.horizonDays,
  }));
}

