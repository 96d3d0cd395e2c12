import { addDays, fromLocal, isoWeekday, toLocal, PARIS, type LocalDate } from "@/lib/time/zoned";

/** A weekly rule for one shop at one pickup point, in local wall-clock minutes. */
export type ScheduleRule = {
  weekday: number; // 1 = Monday … 7 = Sunday
  opensAtMinute: number;
  closesAtMinute: number;
  slotMinutes: number;
  capacityPerSlot: number;
  leadTimeMinutes: number;
  /** Last local minute to order for a slot the same day; null = no cut-off */
  sameDayCutoffMinute: number | null;
  horizonDays: number;
};

/** Dates without slots, or with reduced hours (inclusive local dates). */
export type Closure = {
  startsOn: LocalDate;
  endsOn: LocalDate;
  kind: "CLOSED" | "SPECIAL_HOURS";
  opensAtMinute?: number | null;
  closesAtMinute?: number | null;
};

export type Slot = {
  startsAt: Date;
  endsAt: Date;
  /** Local day and minutes, for display and grouping */
  date: LocalDate;
  startMinute: number;
  endMinute: number;
  capacity: number;
};

export type SlotQuery = {
  rules: ScheduleRule[];
  closures?: Closure[];
  now: Date;
  timeZone?: string;
  /** Only slots on or after this local date (default: today) */
  fromDate?: LocalDate;
  /** Only slots on or before this local date (default: the rules' horizon) */
  toDate?: LocalDate;
};

function closureOn(closures: Closure[], date: LocalDate): Closure[] {
  return closures.filter((c) => c.startsOn <= date && date <= c.endsOn);
}

/** The window a rule keeps on a date, after closures: null when closed. */
function openWindow(rule: ScheduleRule, closures: Closure[]): { opens: number; closes: number } | null {
  let opens = rule.opensAtMinute;
  let closes = rule.closesAtMinute;
  for (const closure of closures) {
    if (closure.kind === "CLOSED") return null;
    opens = Math.max(opens, closure.opensAtMinute ?? opens);
    closes = Math.min(closes, closure.closesAtMinute ?? closes);
  }
  return opens < closes ? { opens, closes } : null;
}

/**
 * The bookable pickup slots produced by weekly rules, minus closures, lead time,
 * same-day cut-off and horizon. Pure: the same inputs give the same slots.
 * Wall-clock times are converted in the zone (Europe/Paris), so a 10:00 slot is
 * at 10:00 local time on both sides of a daylight-saving change; a slot whose
 * local start or end does not exist (the skipped hour) is left out.
 */
export function generateSlots(query: SlotQuery): Slot[] {
  const timeZone = query.timeZone ?? PARIS;
  const closures = query.closures ?? [];
  const now = toLocal(query.now, timeZone);
  const horizon = Math.max(0, ...query.rules.map((r) => r.horizonDays));
  const first = query.fromDate && query.fromDate > now.date ? query.fromDate : now.date;
  const lastByHorizon = addDays(now.date, horizon);
  const last = query.toDate && query.toDate < lastByHorizon ? query.toDate : lastByHorizon;
  const slots: Slot[] = [];

  for (let date = first; date <= last; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    const dayClosures = closureOn(closures, date);
    for (const rule of query.rules) {
      if (rule.weekday !== weekday || date > addDays(now.date, rule.horizonDays)) continue;
      if (date === now.date && rule.sameDayCutoffMinute !== null && now.minute > rule.sameDayCutoffMinute) continue;
      const window = openWindow(rule, dayClosures);
      if (!window) continue;
      for (let start = window.opens; start + rule.slotMinutes <= window.closes; start += rule.slotMinutes) {
        const startsAt = fromLocal(date, start, timeZone);
        const endsAt = fromLocal(date, start + rule.slotMinutes, timeZone);
        if (!startsAt || !endsAt) continue;
        if (startsAt.getTime() < query.now.getTime() + rule.leadTimeMinutes * 60_000) continue;
        slots.push({ startsAt, endsAt, date, startMinute: start, endMinute: start + rule.slotMinutes, capacity: rule.capacityPerSlot });
      }
    }
  }
  slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  // Overlapping rules must not produce the same slot twice: keep the first.
  return slots.filter((slot, index) => index === 0 || slots[index - 1]?.startsAt.getTime() !== slot.startsAt.getTime());
}
