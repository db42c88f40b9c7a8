/**
 * The daily streak: consecutive local days (in the student's timezone) with at least one entry. How an
 * entry changes it, whether it breaks at the next local midnight, and when the one gentle nudge about that is
 * due. Pure.
 */
import { quietWithin, type QuietHours } from '../notify/quiet-hours';
import { addDays, localMinuteOfDay, parseTimeOfDay, zonedTimeToInstant } from '../notify/zoned-time';

export interface Streak {
  current: number;
  longest: number;
  /** Last local day with an entry; null before the first. */
  lastDay: string | null;
}

/**
 * The streak after activity on local `day`. The same day changes nothing; the next day extends the run; a
 * later day starts a new run of 1. A day before `lastDay` (an entry delivered late, or made before a timezone
 * change) cannot extend the run backwards, so it changes nothing either.
 */
export function applyActivity(streak: Streak, day: string): Streak {
  if (streak.lastDay === null) return { current: 1, longest: Math.max(streak.longest, 1), lastDay: day };
  if (day <= streak.lastDay) return streak;
  const current = addDays(streak.lastDay, 1) === day ? streak.current + 1 : 1;
  return { current, longest: Math.max(streak.longest, current), lastDay: day };
}

/** The streak as it stands on local day `today`: 0 once a whole day has passed without an entry. */
export function liveStreak(streak: Streak, today: string): number {
  if (streak.lastDay === null) return 0;
  return streak.lastDay === today || addDays(streak.lastDay, 1) === today ? streak.current : 0;
}

/** Streaks shorter than this are not worth a nudge. */
export const MIN_STREAK_TO_NUDGE = 2;
/** Preferred local time of the nudge, and the earliest hour it may move to when quiet hours cover it. */
export const NUDGE_TIME = '19:00';
export const NUDGE_EARLIEST = '09:00';

/** True when the streak ends at the coming local midnight unless there is activity on `today`. */
export function breaksAtMidnight(streak: Streak, today: string): boolean {
  return streak.current >= MIN_STREAK_TO_NUDGE && streak.lastDay !== null && addDays(streak.lastDay, 1) === today;
}

/** How often `streakCheck` runs: a nudge goes out at most this long after it is due. */
export const STREAK_RUN_MINUTES = 60;

/**
 * When to nudge: on the day after `lastDay` (the last day the streak can still be saved) at 19:00 local, or at
 * the latest whole hour between 09:00 and 19:00 whose following run interval is outside quiet hours (so the
 * hourly run delivers it before they begin). Null when the streak is too short or quiet hours leave no room.
 */
export function streakNudgeAt(streak: Streak, timeZone: string, quiet: QuietHours | null): number | null {
  if (streak.current < MIN_STREAK_TO_NUDGE || streak.lastDay === null) return null;
  const day = addDays(streak.lastDay, 1);
  for (let minute = parseTimeOfDay(NUDGE_TIME); minute >= parseTimeOfDay(NUDGE_EARLIEST); minute -= 60) {
    if (quietWithin(minute, STREAK_RUN_MINUTES, quiet)) continue;
    const at = zonedTimeToInstant(day, minute, timeZone);
    // A daylight-saving gap can move the wall time; use the hour only if it still reads as chosen.
    if (localMinuteOfDay(at, timeZone) === minute) return at;
  }
  return null;
}
