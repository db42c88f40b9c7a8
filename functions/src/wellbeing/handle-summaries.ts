/**
 * `dailySummaries` (every 15 minutes): for each org whose local time has just reached 08:00, each active
 * counselor gets a morning summary (open risk events by level, today's bookings: counts only, no student
 * names or words); on Sundays the org's students who opted in get a short weekly reflection of their last seven
 * days. The run that falls in the org's 08:00–08:15 window sends them; notification ids and delivery keys are
 * derived from the org, person and day, so a repeated run sends nothing twice.
 */
import { paths } from '../model/paths';
import type { Booking, Wellbeing } from '../model/schemas';
import { notifyUser, type NotifyDeps } from '../notify/notifier';
import { recipientFromProfile } from '../notify/plan';
import { addDays, localDay, MINUTE_MS, parseTimeOfDay, startOfLocalDay, weekday, zonedTimeToInstant } from '../notify/zoned-time';
import { errorFields } from '../platform/log';
import { wellbeingEvents } from './events';
import { counselorSummaryText, weeklyReflectionText, type CounselorSummary, type WeeklyReflection } from './messages';
import type { ProfileStore, SummaryStore } from './repository';
import { liveStreak, type Streak } from './streak';

export const SUMMARY_TIME = '08:00';
export const SUMMARY_RUN_MINUTES = 15;
/** Day of the week of the weekly reflection: 0 = Sunday. */
export const REFLECTION_WEEKDAY = 0;

export interface SummaryDeps {
  store: SummaryStore & ProfileStore;
  notify: NotifyDeps;
}

/** The org's local day when `now` is in its summary window (08:00 up to one run interval later), else null. */
export function summaryDayAt(now: number, timeZone: string): string | null {
  const day = localDay(now, timeZone);
  const at = zonedTimeToInstant(day, parseTimeOfDay(SUMMARY_TIME), timeZone);
  return now >= at && now < at + SUMMARY_RUN_MINUTES * MINUTE_MS ? day : null;
}

/** Pure: the booking counts a counselor's summary shows. */
export function bookingCounts(bookings: readonly Booking[]): CounselorSummary['bookings'] {
  return {
    confirmed: bookings.filter((b) => b.status === 'confirmed').length,
    requested: bookings.filter((b) => b.status === 'requested').length,
  };
}

/** Pure: the weekly reflection from the last seven days' well-being records and the streak on `today`. */
export function weeklyReflection(days: readonly Wellbeing[], streak: Streak, today: string): WeeklyReflection {
  const scores = days.map((d) => d.score);
  return {
    daysActive: days.length,
    averageScore: scores.length > 0 ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    streak: liveStreak(streak, today),
  };
}

export interface SummaryStats {
  orgsDue: number;
  counselors: number;
  reflections: number;
  failed: number;
}

export async function runDailySummaries(deps: SummaryDeps, now: number): Promise<SummaryStats> {
  const stats: SummaryStats = { orgsDue: 0, counselors: 0, reflections: 0, failed: 0 };
  const attempt = async (kind: string, uid: string, send: () => Promise<unknown>) => {
    try {
      await send();
      return true;
    } catch (err) {
      stats.failed += 1;
      const f = errorFields(err);
      wellbeingEvents.reminderFailed({ kind, uid, errorClass: String(f.errorClass), errorCode: f.errorCode });
      return false;
    }
  };

  for (const { orgId, org } of await deps.store.orgs()) {
    const day = summaryDayAt(now, org.timezone);
    if (day === null) continue;
    stats.orgsDue += 1;
    const from = startOfLocalDay(day, org.timezone);
    const to = startOfLocalDay(addDays(day, 1), org.timezone);
    const counselors = await deps.store.activeCounselors(orgId);
    const openRisk = counselors.length > 0 ? await deps.store.openRiskCounts(orgId) : { moderate: 0, high: 0, imminent: 0 };
    for (const counselorUid of counselors) {
      const ok = await attempt('summary', counselorUid, async () => {
        const bookings = bookingCounts(await deps.store.counselorBookings(counselorUid, from, to));
        await notifyUser(deps.notify, {
          uid: counselorUid,
          type: 'morning-summary',
          ...counselorSummaryText({ openRisk, bookings }),
          link: paths.riskEvents(),
          channels: ['inapp', 'push', 'email'],
          respectQuietHours: true,
          idempotencyKey: `summary:${orgId}:${counselorUid}:${day}`,
          template: 'wellbeing.morning-summary',
          orgId,
          keepDays: 14,
        });
      });
      if (ok) stats.counselors += 1;
    }
    if (weekday(day) !== REFLECTION_WEEKDAY) continue;
    for (const { uid, profile } of await deps.store.reflectionRecipients(orgId)) {
      const ok = await attempt('reflection', uid, async () => {
        const days = await deps.store.wellbeingDays(uid, addDays(day, -7), addDays(day, -1));
        const reflection = weeklyReflection(days, profile.streak, localDay(now, profile.timezone));
        await notifyUser(
          deps.notify,
          {
            uid,
            type: 'weekly-reflection',
            ...weeklyReflectionText(reflection),
            link: paths.wellbeingDays(uid),
            channels: ['inapp', 'push'],
            respectQuietHours: true,
            idempotencyKey: `reflection:${uid}:${day}`,
            template: 'wellbeing.weekly-reflection',
            orgId,
            keepDays: 30,
          },
          { recipient: recipientFromProfile(uid, profile) },
        );
      });
      if (ok) stats.reflections += 1;
    }
  }
  wellbeingEvents.summaryRun(stats);
  return stats;
}
