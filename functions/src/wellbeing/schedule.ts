/**
 * Reminder scheduling, without I/O. Each reminder is stored as one due instant (`nextReminderAt` on the
 * profile for the daily check-in, on the task for a task), so the 15-minute run reads only what is due.
 * - The daily check-in is due at the student's `prefs.reminderTime` every local day.
 * - A task reminder is due at `remindAt` on the local days its schedule names (once on a date, daily, or on
 *   some weekdays), until a one-off task is done; a repeating task done on a day skips that day's reminder.
 * - A time inside quiet hours moves to the moment quiet hours end, and a time less than one run interval
 *   before they begin moves earlier so a run can deliver it in time; a time inside a daylight-saving gap moves
 *   forward by the gap; a time that happens twice (fall back) uses the first.
 * - At run time a due reminder is sent, deferred to the end of quiet hours if the run itself falls in them, or
 *   dropped when it is more than `STALE_AFTER_MS` late (a reminder for the morning is not sent at night).
 */
import type { TaskSchedule } from '../model/schemas';
import { firstInstantOutsideQuiet, isQuietAt, minutesUntilQuiet, type QuietHours } from '../notify/quiet-hours';
import {
  addDays,
  HOUR_MS,
  localDay,
  localMinuteOfDay,
  MINUTE_MS,
  parseTimeOfDay,
  weekday,
  zonedTimeToInstant,
} from '../notify/zoned-time';

/** A due reminder found later than this is dropped instead of sent. */
export const STALE_AFTER_MS = 3 * HOUR_MS;
/** How often `sendReminders` runs: a reminder goes out at most this long after it is due. */
export const REMINDER_RUN_MINUTES = 15;

/**
 * The instant of `time` on local `day`, kept out of quiet hours: inside them it moves to their end; less than
 * one run interval before they begin it moves earlier, so that a run still falls before quiet hours start.
 */
export function occurrence(day: string, time: string, timeZone: string, quiet: QuietHours | null): number {
  const at = zonedTimeToInstant(day, parseTimeOfDay(time), timeZone);
  if (isQuietAt(at, timeZone, quiet)) return firstInstantOutsideQuiet(at, timeZone, quiet);
  const untilQuiet = minutesUntilQuiet(localMinuteOfDay(at, timeZone), quiet);
  if (untilQuiet === null || untilQuiet >= REMINDER_RUN_MINUTES) return at;
  const earlier = at - (REMINDER_RUN_MINUTES - untilQuiet) * MINUTE_MS;
  return isQuietAt(earlier, timeZone, quiet) ? firstInstantOutsideQuiet(at, timeZone, quiet) : earlier;
}

/**
 * The first occurrence strictly after `after` among the local days `from` … `from + days`, for which `occurs`
 * holds. Starts a day early: yesterday's late reminder moved out of quiet hours can land after `after`.
 */
function firstAfter(
  after: number,
  timeZone: string,
  days: number,
  occurs: (day: string) => boolean,
  at: (day: string) => number,
): number | null {
  const today = localDay(after, timeZone);
  for (let i = -1; i <= days; i += 1) {
    const day = addDays(today, i);
    if (!occurs(day)) continue;
    const t = at(day);
    if (t > after) return t;
  }
  return null;
}

/** When the next daily check-in is due after `after`; null without a reminder time. */
export function nextCheckinAt(after: number, timeZone: string, reminderTime: string | null, quiet: QuietHours | null): number | null {
  if (reminderTime === null) return null;
  return firstAfter(after, timeZone, 2, () => true, (day) => occurrence(day, reminderTime, timeZone, quiet));
}

/** True when a task with this schedule is for local `day`. */
export function taskOccursOn(schedule: TaskSchedule, day: string): boolean {
  switch (schedule.repeat) {
    case 'once':
      return schedule.date === day;
    case 'daily':
      return true;
    case 'weekly':
      return schedule.days.includes(weekday(day));
  }
}

export interface TaskTiming {
  schedule: TaskSchedule;
  remindAt: string | null;
  done: boolean;
  /** Local day the task was last completed, when `done`. */
  doneDay: string | null;
}

/**
 * When the task's next reminder is due after `after`; null when it has no reminder time, is a one-off that is
 * done or past, or has no day in the coming week. A repeating task done on a day gets no reminder that day.
 */
export function nextTaskReminderAt(after: number, timeZone: string, task: TaskTiming, quiet: QuietHours | null): number | null {
  const remindAt = task.remindAt;
  if (remindAt === null) return null;
  if (task.schedule.repeat === 'once' && task.done) return null;
  const skipDay = task.done ? task.doneDay : null;
  return firstAfter(
    after,
    timeZone,
    8,
    (day) => taskOccursOn(task.schedule, day) && day !== skipDay,
    (day) => occurrence(day, remindAt, timeZone, quiet),
  );
}

export type DueDecision =
  | { action: 'send' }
  | { action: 'defer'; until: number }
  | { action: 'drop'; why: 'stale' };

/** What to do at `now` with a reminder that was due at `due` (≤ now). */
export function decideDue(due: number, now: number, timeZone: string, quiet: QuietHours | null): DueDecision {
  if (now - due > STALE_AFTER_MS) return { action: 'drop', why: 'stale' };
  if (isQuietAt(now, timeZone, quiet)) {
    const until = firstInstantOutsideQuiet(now, timeZone, quiet);
    return until - due > STALE_AFTER_MS ? { action: 'drop', why: 'stale' } : { action: 'defer', until };
  }
  return { action: 'send' };
}
