/**
 * Wall-clock arithmetic in a time zone with Intl only. Dates without time are
 * "YYYY-MM-DD" strings (local calendar days); instants are Date objects (UTC).
 */
export const PARIS = "Europe/Paris";

export type LocalDate = string; // "2026-03-29"

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset at an instant, asked of Intl (slow: formatToParts costs microseconds). */
function intlOffsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * Offsets change only at a zone's transitions, which fall on quarter hours, so
 * an offset is remembered per quarter hour (the slot engine converts thousands
 * of instants per checkout; Intl was a sixth of the server's time per order). A
 * quarter hour whose two ends disagree (a transition inside it) is never
 * remembered.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsetsByQuarter = new Map<string, number>();

function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const key = `${timeZone}|${quarter}`;
  const known = offsetsByQuarter.get(key);
  if (known !== undefined) return known;
  const start = intlOffsetMinutes(quarter * QUARTER_HOUR, timeZone);
  if (start !== intlOffsetMinutes((quarter + 1) * QUARTER_HOUR - 1, timeZone)) return intlOffsetMinutes(instant, timeZone);
  if (offsetsByQuarter.size > 50_000) offsetsByQuarter.clear();
  offsetsByQuarter.set(key, start);
  return start;
}

/** The local calendar day and minute of the day of an instant. */
export function toLocal(instant: Date, timeZone = PARIS): { date: LocalDate; minute: number; weekday: number } {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(instant.getTime(), timeZone) * 60_000);
  const date = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  return { date, minute: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday: weekday === 0 ? 7 : weekday };
}

/** Offset of the zone from UTC at an instant, in minutes (Paris: +60 in winter, +120 in summer). */
export function offsetMinutes(instant: Date, timeZone = PARIS): number {
  return zoneOffsetMinutes(instant.getTime(), timeZone);
}

/**
 * The instant at which the local clock shows `minute` on `date`; null when that
 * wall time does not exist (the hour skipped when clocks go forward). When it
 * exists twice (clocks go back), the first occurrence.
 */
export function fromLocal(date: LocalDate, minute: number, timeZone = PARIS): Date | null {
  if (minute >= 1440) return fromLocal(addDays(date, Math.floor(minute / 1440)), minute % 1440, timeZone);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  for (const guessOffset of [offsetMinutes(new Date(wall - 12 * 3_600_000), timeZone), offsetMinutes(new Date(wall + 12 * 3_600_000), timeZone)].sort((a, b) => b - a)) {
    const candidate = new Date(wall - guessOffset * 60_000);
    const local = toLocal(candidate, timeZone);
    if (local.date === date && local.minute === minute) return candidate;
  }
  return null;
}

/** ISO weekday of a local date: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "09:30" → 570 */
export function parseClock(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`Invalid time of day: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 570 → "09:30" */
export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
