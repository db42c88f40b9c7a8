/**
 * Quiet hours: a daily local window (`start`–`end`, `HH:mm`) in which nothing but urgent safety messages may
 * interrupt a person. The window may span midnight (22:00–07:00); `start` equal to `end` is an empty window.
 * The start minute is inside the window and the end minute is not. Pure.
 */
import { addDays, localDay, localMinuteOfDay, MINUTE_MS, parseTimeOfDay, zonedTimeToInstant } from './zoned-time';

const MINUTES_PER_DAY = 1440;

export interface QuietHours {
  start: string;
  end: string;
}

/** True when the local minute of day falls inside the window. */
export function minuteIsQuiet(minuteOfDay: number, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = parseTimeOfDay(quiet.start);
  const end = parseTimeOfDay(quiet.end);
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/** True when any minute of `[minuteOfDay, minuteOfDay + length)` (wrapping past midnight) is quiet. */
export function quietWithin(minuteOfDay: number, length: number, quiet: QuietHours | null): boolean {
  for (let i = 0; i < length; i += 1) {
    if (minuteIsQuiet((minuteOfDay + i) % MINUTES_PER_DAY, quiet)) return true;
  }
  return false;
}

/** Minutes from `minuteOfDay` until quiet hours next begin (1–1440); null without quiet hours. */
export function minutesUntilQuiet(minuteOfDay: number, quiet: QuietHours | null): number | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const d = (parseTimeOfDay(quiet.start) - minuteOfDay + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return d === 0 ? MINUTES_PER_DAY : d;
}

/** True when `instant` falls inside the quiet hours of someone living in `timeZone`. */
export function isQuietAt(instant: number, timeZone: string, quiet: QuietHours | null): boolean {
  return minuteIsQuiet(localMinuteOfDay(instant, timeZone), quiet);
}

/**
 * `instant` itself when it is outside quiet hours; otherwise the instant the quiet period containing it ends
 * (the end time on the same local day, or on the next one when the window spans midnight and `instant` is
 * before midnight).
 */
export function firstInstantOutsideQuiet(instant: number, timeZone: string, quiet: QuietHours | null): number {
  if (!quiet || !isQuietAt(instant, timeZone, quiet)) return instant;
  const start = parseTimeOfDay(quiet.start);
  const end = parseTimeOfDay(quiet.end);
  const day = localDay(instant, timeZone);
  const minute = localMinuteOfDay(instant, timeZone);
  const endsTomorrow = start > end && minute >= start;
  const until = zonedTimeToInstant(endsTomorrow ? addDays(day, 1) : day, end, timeZone);
  // Inside the second pass of a fall-back hour the end time's earlier occurrence is already past.
  return until > instant ? until : instant + (end - minute) * MINUTE_MS;
}
