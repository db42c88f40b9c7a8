/**
 * The reminder flows: `sendReminders` (daily check-ins and task reminders), `streakCheck` (one gentle nudge
 * before a streak breaks), and keeping each reminder's due field right when a profile or a task changes.
 *
 * A run pages through the documents whose due field has passed (nothing else is read), handling a page's
 * reminders a few at a time; for each one it first claims it (moves the due field on, if the document has not
 * changed since it was read) and only then sends: at most once per reminder, even when runs overlap. A lost
 * claim sends nothing; the reminder, still due, is taken by the next run. A reminder that cannot be delivered now is deferred
 * (quiet hours) or dropped (stale, done, already checked in) by moving its due field, never by leaving it due.
 */
import type { Task, UserProfile } from '../model/schemas';
import { paths } from '../model/paths';
import { notifyUser, type NotifyDeps } from '../notify/notifier';
import { recipientFromProfile } from '../notify/plan';
import { isQuietAt } from '../notify/quiet-hours';
import { localDay } from '../notify/zoned-time';
import { errorFields } from '../platform/log';
import { wellbeingEvents } from './events';
import { recomputeDay } from './handle-entries';
import { checkinReminderText, streakNudgeText, taskReminderText } from './messages';
import type { DueCursor, EntryStore, ProfileStore, ReminderStore } from './repository';
import { decideDue, nextCheckinAt, nextTaskReminderAt, type TaskTiming } from './schedule';
import { breaksAtMidnight, streakNudgeAt } from './streak';

export interface ReminderDeps {
  store: ReminderStore & ProfileStore;
  notify: NotifyDeps;
}

/** Documents read per page, and pages per run (a run handles at most their product). */
export const PAGE_SIZE = 300;
export const MAX_PAGES = 100;
/** Reminders of a page handled at the same time (each is a claim, a notification write and the sends). */
export const CONCURRENCY = 25;

/** In-app reminders are kept this many days. */
const REMINDER_KEEP_DAYS = 14;

export interface RunStats {
  due: number;
  sent: number;
  deferred: number;
  dropped: number;
  /** Claims lost to a concurrent change (another run, or the student editing): nothing sent. */
  lost: number;
  failed: number;
  pages: number;
}

const emptyStats = (): RunStats => ({ due: 0, sent: 0, deferred: 0, dropped: 0, lost: 0, failed: 0, pages: 0 });

/** Runs `work` on every item with at most `limit` running at once; `work` must not throw. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Runs `handle` on every due item, page by page, counting outcomes; one item's failure does not stop the run. */
async function forEachDue<T extends { uid: string; cursor: DueCursor }>(
  kind: string,
  page: (cursor: DueCursor | null) => Promise<T[]>,
  handle: (item: T) => Promise<keyof Omit<RunStats, 'due' | 'failed' | 'pages'>>,
): Promise<RunStats> {
  const stats = emptyStats();
  let cursor: DueCursor | null = null;
  while (stats.pages < MAX_PAGES) {
    const items = await page(cursor);
    stats.pages += 1;
    stats.due += items.length;
    await inParallel(items, CONCURRENCY, async (item) => {
      try {
        stats[await handle(item)] += 1;
      } catch (err) {
        stats.failed += 1;
        const f = errorFields(err);
        wellbeingEvents.reminderFailed({ kind, uid: item.uid, errorClass: String(f.errorClass), errorCode: f.errorCode });
      }
    });
    const last = items[items.length - 1];
    if (!last || items.length < PAGE_SIZE) break;
    cursor = last.cursor;
  }
  wellbeingEvents.reminderRun({ kind, ...stats });
  return stats;
}

/** Daily check-ins due at `now`. */
export async function runCheckinReminders(deps: ReminderDeps, now: number): Promise<RunStats> {
  return forEachDue(
    'checkin',
    (cursor) => deps.store.dueCheckins(now, PAGE_SIZE, cursor),
    async ({ uid, profile, due, version }) => {
      const tz = profile.timezone;
      const quiet = profile.prefs.quietHours;
      const reminderTime = profile.prefs.reminderTime;
      if (reminderTime === null) return (await deps.store.claimCheckin(uid, version, null)) ? 'dropped' : 'lost';
      const next = nextCheckinAt(Math.max(now, due), tz, reminderTime, quiet);
      const decision = decideDue(due, now, tz, quiet);
      if (decision.action === 'defer') return (await deps.store.claimCheckin(uid, version, decision.until)) ? 'deferred' : 'lost';
      const checkedIn = profile.streak.lastDay === localDay(now, tz);
      if (decision.action === 'drop' || checkedIn) {
        return (await deps.store.claimCheckin(uid, version, next)) ? 'dropped' : 'lost';
      }
      if (!(await deps.store.claimCheckin(uid, version, next))) return 'lost';
      await notifyUser(
        deps.notify,
        {
          uid,
          type: 'checkin-reminder',
          ...checkinReminderText(),
          link: paths.entries(uid),
          channels: ['inapp', 'push', 'sms', 'email'],
          respectQuietHours: true,
          idempotencyKey: `checkin:${uid}:${due}`,
          template: 'wellbeing.checkin',
          orgId: profile.orgId,
          keepDays: REMINDER_KEEP_DAYS,
        },
        { recipient: recipientFromProfile(uid, profile) },
      );
      return 'sent';
    },
  );
}

export function taskTiming(task: Task, timeZone: string): TaskTiming {
  return {
    schedule: task.schedule,
    remindAt: task.remindAt,
    done: task.done,
    doneDay: task.doneAt ? localDay(task.doneAt.toMillis(), timeZone) : null,
  };
}

/** Task reminders due at `now` (every owner's profile read once per run). */
export async function runTaskReminders(deps: ReminderDeps, now: number): Promise<RunStats> {
  const profiles = new Map<string, Promise<UserProfile | null>>();
  const profileOf = (uid: string) => {
    let p = profiles.get(uid);
    if (!p) {
      p = deps.store.profile(uid);
      profiles.set(uid, p);
    }
    return p;
  };
  return forEachDue(
    'task',
    (cursor) => deps.store.dueTasks(now, PAGE_SIZE, cursor),
    async ({ uid, taskId, task, due, version }) => {
      const profile = await profileOf(uid);
      if (!profile) return (await deps.store.claimTask(uid, taskId, version, null)) ? 'dropped' : 'lost';
      const tz = profile.timezone;
      const quiet = profile.prefs.quietHours;
      if (task.remindAt === null) return (await deps.store.claimTask(uid, taskId, version, null)) ? 'dropped' : 'lost';
      const timing = taskTiming(task, tz);
      const next = nextTaskReminderAt(Math.max(now, due), tz, timing, quiet);
      const decision = decideDue(due, now, tz, quiet);
      if (decision.action === 'defer') return (await deps.store.claimTask(uid, taskId, version, decision.until)) ? 'deferred' : 'lost';
      const doneForThisOne = task.done && (task.schedule.repeat === 'once' || timing.doneDay === localDay(due, tz));
      if (decision.action === 'drop' || doneForThisOne) {
        return (await deps.store.claimTask(uid, taskId, version, next)) ? 'dropped' : 'lost';
      }
      if (!(await deps.store.claimTask(uid, taskId, version, next))) return 'lost';
      const taskPath = paths.task(uid, taskId);
      await notifyUser(
        deps.notify,
        {
          uid,
          type: 'task-reminder',
          ...taskReminderText(task.title),
          link: taskPath,
          channels: ['inapp', 'push', 'sms', 'email'],
          respectQuietHours: true,
          idempotencyKey: `task:${taskPath}:${due}`,
          template: 'wellbeing.task',
          orgId: profile.orgId,
          sourcePath: taskPath,
          keepDays: REMINDER_KEEP_DAYS,
        },
        { recipient: recipientFromProfile(uid, profile) },
      );
      return 'sent';
    },
  );
}

/** `sendReminders`: the daily check-ins, then the task reminders. */
export async function runReminders(deps: ReminderDeps, now: number): Promise<{ checkins: RunStats; tasks: RunStats }> {
  const checkins = await runCheckinReminders(deps, now);
  const tasks = await runTaskReminders(deps, now);
  return { checkins, tasks };
}

/** `streakCheck`: one gentle nudge to each student whose streak breaks at the coming local midnight. */
export async function runStreakCheck(deps: ReminderDeps, now: number): Promise<RunStats> {
  return forEachDue(
    'streak',
    (cursor) => deps.store.dueStreakNudges(now, PAGE_SIZE, cursor),
    async ({ uid, profile, version }) => {
      const tz = profile.timezone;
      const atRisk = breaksAtMidnight(profile.streak, localDay(now, tz));
      const quiet = isQuietAt(now, tz, profile.prefs.quietHours);
      if (!(await deps.store.claimStreakNudge(uid, version))) return 'lost';
      if (!atRisk || quiet) return 'dropped';
      await notifyUser(
        deps.notify,
        {
          uid,
          type: 'streak-warning',
          ...streakNudgeText(profile.streak.current),
          link: paths.entries(uid),
          channels: ['inapp', 'push'],
          respectQuietHours: true,
          idempotencyKey: `streak:${uid}:${profile.streak.lastDay ?? 'none'}`,
          template: 'wellbeing.streak',
          orgId: profile.orgId,
          keepDays: REMINDER_KEEP_DAYS,
        },
        { recipient: recipientFromProfile(uid, profile) },
      );
      return 'sent';
    },
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface ScheduleDeps {
  store: ReminderStore & ProfileStore & EntryStore;
}

/**
 * A profile was written: when its timezone, reminder time or quiet hours changed (or it was never scheduled),
 * recompute `nextReminderAt` and `streakNudgeAt`, and when the timezone or quiet hours changed, every task
 * reminder too. Writes only what differs, so the function's own writes (and reminder claims, and entry counts)
 * end here without another write.
 */
export async function handleProfileWritten(
  deps: ScheduleDeps,
  uid: string,
  before: UserProfile | null,
  after: UserProfile | null,
  now: number,
): Promise<{ profile: boolean; tasks: number }> {
  if (!after) return { profile: false, tasks: 0 };
  const zoneOrQuietChanged = !before || before.timezone !== after.timezone || !same(before.prefs.quietHours, after.prefs.quietHours);
  const reminderChanged = zoneOrQuietChanged || before?.prefs.reminderTime !== after.prefs.reminderTime || after.nextReminderAt === undefined;
  if (!reminderChanged) return { profile: false, tasks: 0 };
  const tz = after.timezone;
  const quiet = after.prefs.quietHours;
  const nextReminder = nextCheckinAt(now, tz, after.prefs.reminderTime, quiet);
  const nudge = zoneOrQuietChanged ? streakNudgeAt(after.streak, tz, quiet) : undefined;
  const fields: { nextReminderAt?: number | null; streakNudgeAt?: number | null } = {};
  if ((after.nextReminderAt?.toMillis() ?? null) !== nextReminder || after.nextReminderAt === undefined) fields.nextReminderAt = nextReminder;
  if (nudge !== undefined && (after.streakNudgeAt?.toMillis() ?? null) !== nudge) fields.streakNudgeAt = nudge;
  const wrote = Object.keys(fields).length > 0;
  if (wrote) await deps.store.setProfileSchedule(uid, fields);
  let tasks = 0;
  if (zoneOrQuietChanged && before) {
    for (const { taskId, task } of await deps.store.tasks(uid)) {
      const next = nextTaskReminderAt(now, tz, taskTiming(task, tz), quiet);
      if ((task.nextReminderAt?.toMillis() ?? null) !== next) {
        await deps.store.setTaskReminder(uid, taskId, next);
        tasks += 1;
      }
    }
  }
  return { profile: wrote, tasks };
}

/**
 * A task was written: when its schedule, reminder time or completion changed (or it was never scheduled),
 * recompute its `nextReminderAt`; when its completion changed, recompute the well-being score of the day it
 * was (or had been) completed on.
 */
export async function handleTaskWritten(
  deps: ScheduleDeps,
  uid: string,
  taskId: string,
  before: Task | null,
  after: Task | null,
  now: number,
): Promise<{ scheduled: boolean; rescored: string[] }> {
  const doneChanged = (before?.doneAt?.toMillis() ?? null) !== (after?.doneAt?.toMillis() ?? null);
  const timingChanged =
    after !== null &&
    (!before ||
      !same(before.schedule, after.schedule) ||
      before.remindAt !== after.remindAt ||
      before.done !== after.done ||
      doneChanged ||
      after.nextReminderAt === undefined);
  if (!timingChanged && !doneChanged) return { scheduled: false, rescored: [] };
  const profile = await deps.store.profile(uid);
  if (!profile) return { scheduled: false, rescored: [] };
  const tz = profile.timezone;
  let scheduled = false;
  if (after && timingChanged) {
    const next = nextTaskReminderAt(now, tz, taskTiming(after, tz), profile.prefs.quietHours);
    if ((after.nextReminderAt?.toMillis() ?? null) !== next || after.nextReminderAt === undefined) {
      await deps.store.setTaskReminder(uid, taskId, next);
      scheduled = true;
    }
  }
  const days = new Set<string>();
  if (doneChanged) {
    for (const t of [before?.doneAt, after?.doneAt]) if (t) days.add(localDay(t.toMillis(), tz));
  }
  for (const day of days) await recomputeDay(deps.store, uid, day, profile);
  return { scheduled, rescored: [...days] };
}
