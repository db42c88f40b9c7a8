/**
 * Calendar arithmetic in IANA timezones with `Intl` only (no timezone library): the local wall-clock time of
 * an instant, the local day, and the instant of a local date and time, with daylight-saving gaps and overlaps
 * resolved the way Temporal's `compatible` option does (a time inside a gap moves forward by the gap's length;
 * a time that occurs twice takes the earlier instant). Works for any offset, including Asia/Kathmandu at
 * +05:45. Instants are epoch milliseconds; days are `yyyy-mm-dd`; times of day are minutes after midnight.
 * Pure.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at `instant`. Throws `RangeError` for an unknown timezone. */
export function localParts(instant: number, timeZone: string): LocalDateTime {
  const out: LocalDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'minute' || part.type === 'second') {
      out[part.type] = Number(part.value);
    } else if (part.type === 'hour') {
      out.hour = Number(part.value) % 24;
    }
  }
  return out;
}

/** Local time minus UTC at `instant`, in milliseconds (whole seconds; +05:45 → 20,700,000). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseDay(day: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a day (yyyy-mm-dd): ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The local calendar day (`yyyy-mm-dd`) in `timeZone` at `instant`. */
export function localDay(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return formatDay(p.year, p.month, p.day);
}

/** Minutes after local midnight (0–1439) in `timeZone` at `instant`. */
export function localMinuteOfDay(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return formatDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Day of the week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  const d = parseDay(day);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** `HH:mm` → minutes after midnight. */
export function parseTimeOfDay(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day (HH:mm): ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight → `HH:mm`. */
export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The instant at which the wall clock in `timeZone` shows `day` at `minuteOfDay`.
 * - In a daylight-saving gap (02:30 on a spring-forward night) the time moves forward by the gap (03:30).
 * - In an overlap (01:30 on a fall-back night, which happens twice) the earlier instant is chosen.
 */
export function zonedTimeToInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const d = parseDay(day);
  const wall = Date.UTC(d.year, d.month - 1, d.day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  // A gap: read the wall time with the offset in force before the transition, which lands after it.
  return wall - before;
}

/** The instant local midnight begins `day` in `timeZone` (the first instant of that day if midnight is skipped). */
export function startOfLocalDay(day: string, timeZone: string): number {
  return zonedTimeToInstant(day, 0, timeZone);
}
