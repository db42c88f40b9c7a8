/**
 * When each org's night is rolled up (pure). The schedule fires every hour at :05 UTC; an org is due when its
 * local wall clock shows 02:xx, and then its previous local day is rolled up. Every UTC offset (including
 * +05:30 and +05:45) sees exactly one :05 tick inside its local 02:00–02:59, except on daylight-saving
 * nights: when 02:xx does not exist (spring forward), the 03:xx tick right after the gap runs instead; when it
 * happens twice (fall back at 03:00), the day is rolled up twice, which is harmless (the rollup is idempotent).
 */
import { addDays, HOUR_MS, localDay, localParts, startOfLocalDay } from '../notify/zoned-time';
import type { DayWindow } from './plan';

/** Cron (UTC) of `nightlyRollup`. */
export const ROLLUP_SCHEDULE = '5 * * * *';

/** Local hour at which an org's previous day is rolled up. */
export const ROLLUP_LOCAL_HOUR = 2;

export interface OrgZone {
  orgId: string;
  timeZone: string;
}

export interface RollupTarget extends OrgZone {
  day: string;
}

/** The local day to roll up for an org at `now`, or null when the org is not due at this tick. */
export function dueDay(now: number, timeZone: string): string | null {
  const hour = localParts(now, timeZone).hour;
  const afterSkippedHour = hour === ROLLUP_LOCAL_HOUR + 1 && localParts(now - HOUR_MS, timeZone).hour === ROLLUP_LOCAL_HOUR - 1;
  if (hour !== ROLLUP_LOCAL_HOUR && !afterSkippedHour) return null;
  return addDays(localDay(now, timeZone), -1);
}

/** Every org due at `now`, with the day to roll up. */
export function dueRollups(now: number, orgs: readonly OrgZone[]): RollupTarget[] {
  const out: RollupTarget[] = [];
  for (const org of orgs) {
    const day = dueDay(now, org.timeZone);
    if (day !== null) out.push({ ...org, day });
  }
  return out;
}

/** The instants of a local day: `[midnight, next midnight)` (23 or 25 hours on daylight-saving days). */
export function dayWindow(day: string, timeZone: string): DayWindow {
  return { from: startOfLocalDay(day, timeZone), to: startOfLocalDay(addDays(day, 1), timeZone) };
}

/** The days from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
